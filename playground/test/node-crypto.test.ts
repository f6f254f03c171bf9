/** The page's `node:crypto` (node-crypto.ts) gives the hashes Node's does, for what the PUID needs. */
import * as node from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHash, createHmac } from '../src/node-crypto.js';

const texts = ['', 'abc', '{"input":{"date":"2022-11-02"},"version":"2021-06-04"}', 'über 日本 🙂', 'x'.repeat(1000)];

describe("the page's node:crypto", () => {
  it.each(texts.map((t) => [t.slice(0, 20), t]))('SHA-256 of %j as Node computes it', (_name, text) => {
    expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(node.createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('HMAC-SHA-256 with a key as Node computes it', () => {
    for (const key of ['salt', 'sécret 🔑', 'k'.repeat(100)]) {
      for (const text of texts) expect(createHmac('sha256', key).update(text, 'utf8').digest('hex')).toBe(node.createHmac('sha256', key).update(text, 'utf8').digest('hex'));
    }
  });

  it('refuses another algorithm rather than give a wrong hash', () => {
    expect(() => createHash('sha1')).toThrow('the page computes SHA-256 only, not `sha1`');
    expect(() => createHmac('md5', 'k')).toThrow('not `md5`');
  });
});
