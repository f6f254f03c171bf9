import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FieldMarks } from '../../src/replay/fast-parse.js';
import { fastChunkHolds, fastLineHolds, hostileLine, LIST_POLICIES, POLICIES, subject, type Subject, type Tally } from './fast-parse-properties.js';

/**
 * The fast reader accepts exactly what JSON.parse + validateInput accept, with the same values
 * and decisions: a differential property over hostile lines (a few thousand; `npm run fuzz`
 * runs the same properties for far longer).
 */
const subjects = new Map<string, Subject>();

beforeAll(async () => {
  for (const name of [...POLICIES, ...LIST_POLICIES]) subjects.set(name, await subject(name));
});

describe('the fast reader against JSON.parse + validateInput + the interpreter', () => {
  for (const name of [...POLICIES, ...LIST_POLICIES]) {
    it(`takes only valid lines, reading them as JSON.parse does: ${name}`, () => {
      const s = subjects.get(name)!;
      const tally: Tally = { accepted: 0, declined: 0 };
      fc.assert(
        fc.property(hostileLine(s.set, s.stripId), (line) => fastLineHolds(s, line, tally)),
        { numRuns: 3_000, seed: 16 },
      );
      // The lines reach every part of the reader: some taken, some not.
      expect(tally.accepted).toBeGreaterThan(150);
      expect(tally.declined).toBeGreaterThan(150);
    });

    it(`replays a chunk with or without it to the same bytes: ${name}`, () => {
      const s = subjects.get(name)!;
      fc.assert(
        fc.property(fc.array(hostileLine(s.set, s.stripId), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), (lines, crlf, ended) => fastChunkHolds(s, lines, crlf, ended)),
        { numRuns: 150, seed: 16 },
      );
    });
  }

  it('rejects a date with a non-digit, and does not mistake a later valid date for it', () => {
    const s = subjects.get('policies/twitter')!;
    const line = (date: string) => Buffer.from(JSON.stringify({ id: 'p1', date, author: { handle: 'h', role: 'ordinary', verified: false, followers: 1, strikes: 0 }, target: 'none', categories: [], topic: 'none', public_interest: false, offline_harm_risk: 'none' }));
    for (const bad of ['201x-01-01', '2019-1x-01', '2019-01-x1', '20 9-01-01', '2019-0x-31', '2\u00e9-01-01']) expect(s.readers.value(line(bad), 0, line(bad).length)).toBeNull();
    // 201x-01-01 was once cached under the key of 1010-01-01 (x counted as -1000).
    const later = s.readers.value(line('1010-01-01'), 0, line('1010-01-01').length);
    expect(later?.input['date']).toBe('1010-01-01');
  });

  it('sees a duplicate key past 2^32 records (the marks wrap with their generation)', () => {
    const marks = new FieldMarks(2, 0xffff_fffe);
    marks.next();
    marks.mark(0);
    expect(marks.has(0)).toBe(true);
    marks.next(); // wraps
    expect(marks.has(0)).toBe(false);
    marks.mark(0);
    expect(marks.has(0)).toBe(true);
    expect(marks.has(1)).toBe(false);
  });
});
