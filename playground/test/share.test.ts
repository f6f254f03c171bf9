import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, type State } from '../src/share.js';
import { REPO } from './support.js';

const folder = join(REPO, 'policies', 'twitter');
const state: State = {
  set: 'twitter',
  files: Object.fromEntries(readdirSync(folder).map((f) => [`twitter/${f}`, readFileSync(join(folder, f), 'utf8')])),
  active: 'twitter/rules.policy',
  input: { date: '2019-11-04', author: { handle: 'ünïcode ✓ 🙂', role: 'world_leader' }, categories: ['violent_threat'] },
  view: 'diff',
  diff: { mode: 'versions', before: 'twitter/v2_public_interest_notice.policy', after: 'twitter/v3_world_leaders.policy' },
};

describe('the share link', () => {
  it('gives back the same state, unicode and all, from a URL-safe hash', () => {
    const hash = encodeState(state);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(decodeState(hash)).toEqual(state);
  });

  it('is compressed: the Twitter set fits in well under half its text', () => {
    const raw = JSON.stringify(state).length;
    expect(encodeState(state).length).toBeLessThan(raw / 2);
  });

  it('a page without a state in its hash starts from the example', () => {
    expect(decodeState('')).toBeNull();
    expect(decodeState('#section')).toBeNull();
  });

  it('a link cut short or edited by hand is a plain error, not a crash', () => {
    const hash = encodeState(state);
    expect(() => decodeState(hash.slice(0, hash.length / 2))).toThrow(/the link is damaged/);
    expect(() => decodeState('#s=!!!')).toThrow(/the link is damaged/);
  });

  it('a link holding something else than a state is refused', () => {
    const other = encodeState({ ...state, view: 'nothing' } as unknown as State);
    expect(() => decodeState(other)).toThrow(/does not hold a playground state/);
    const files = encodeState({ ...state, files: { 'twitter/a.policy': 42 } } as unknown as State);
    expect(() => decodeState(files)).toThrow(/does not hold a playground state/);
  });
});
