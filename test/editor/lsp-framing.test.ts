import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameFilter, MAX_CONTENT_LENGTH, type Rejection } from '../../src/lsp/framing.js';
import { BAD } from './bad-frames.js';
import { frame } from './lsp-process.js';

/** Runs bytes through a frame filter in the given chunks: the frames it passes on and what it rejects. */
function filter(chunks: readonly Buffer[]): { out: string; rejected: Rejection[] } {
  const rejected: Rejection[] = [];
  const filter = new FrameFilter({ reject: (r) => rejected.push(r) });
  let out = '';
  filter.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  for (const chunk of chunks) filter.write(chunk);
  filter.end();
  return { out, rejected };
}

/** `bytes` cut at the given fractions of its length. */
function cut(bytes: Buffer, at: readonly number[]): Buffer[] {
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  return chunks;
}

const message = (id: number) => ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { text: `é ${'x'.repeat(id * 7)} \\"}{` } });
const reframed = (m: object) => frame(m).toString('utf8');
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

describe('the frame filter in front of the protocol library', () => {
  it('passes good frames on unchanged, however the bytes are cut into chunks', () => {
    const messages = [1, 2, 3].map(message);
    const bytes = Buffer.concat(messages.map(frame));
    fc.assert(
      fc.property(fc.array(fraction, { maxLength: 8 }), (at) => {
        const { out, rejected } = filter(cut(bytes, at));
        expect(rejected).toEqual([]);
        expect(out).toBe(messages.map(reframed).join(''));
      }),
      { numRuns: 200, seed: 16 },
    );
  });

  it('rejects each bad input once and delivers every good frame after it, however the bytes are cut', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BAD), fc.array(fraction, { maxLength: 6 }), (bad, at) => {
        const bytes = Buffer.concat([frame(message(1)), Buffer.from(bad.bytes), frame(message(2)), frame(message(3))]);
        const { out, rejected } = filter(cut(bytes, at));
        expect(out).toBe([1, 2, 3].map((id) => reframed(message(id))).join(''));
        expect(rejected).toHaveLength(1);
        expect(rejected[0]!.message).toMatch(bad.log);
        if (bad.reply) expect(rejected[0]!.reply).toMatchObject({ id: bad.reply.id, error: { code: bad.reply.code } });
        else expect(rejected[0]!.reply).toBeUndefined();
      }),
      { numRuns: 300, seed: 16 },
    );
  });

  it(`takes a Content-Length of exactly ${MAX_CONTENT_LENGTH} bytes (it waits for the body), refuses one more unread`, () => {
    const atLimit = filter([Buffer.from(`Content-Length: ${MAX_CONTENT_LENGTH}\r\n\r\n{`)]);
    expect(atLimit.rejected.map((r) => r.message)).toEqual(['the input ended inside a message (1 bytes unread)']);
    const over = filter([Buffer.from(`Content-Length: ${MAX_CONTENT_LENGTH + 1}\r\n\r\n{`)]);
    expect(over.rejected.map((r) => r.message)).toEqual([`\`Content-Length: ${MAX_CONTENT_LENGTH + 1}\` is over the limit of 67108864 bytes (64 MiB); skipping to the next \`Content-Length\` header`]);
  });

  it('keeps a header name cut between chunks while it skips garbage', () => {
    const good = frame(message(4));
    const { out, rejected } = filter([Buffer.from('garbage garbage Content-Le'), Buffer.concat([Buffer.from('ngth: 1\r\n\r\n5'), good])].flatMap((b) => cut(b, [0.5])));
    expect(rejected.map((r) => r.message)).toEqual([
      'bytes that are not a header: `garbage garba`; skipping to the next `Content-Length` header',
      'not a JSON-RPC 2.0 message: `5` is not an object',
    ]);
    expect(out).toBe(reframed(message(4)));
  });
});
