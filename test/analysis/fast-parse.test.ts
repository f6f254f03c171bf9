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

  it('reads the compact form and every near miss of it as JSON.parse does (Meta lines)', () => {
    const s = subjects.get('policies/meta')!;
    const strike = '{"date":"2023-04-01","content_posted":"2023-03-30","severe":false}';
    const author = `{"handle":"h","politician":false,"followers":3,"news_coverage":false,"strikes":[${strike},${strike}]}`;
    const rest = `"date":"2023-05-10","posted":"2023-05-09","categories":["hate_speech"],"author":${author},"civil_unrest":false,"unrest_severity":null,"newsworthiness":null}`;
    const lines = [
      `{"id":"m1",${rest}`,
      `{${rest}`,
      // A value after whitespace: the compact form gives way to the general reader.
      `{"id":"m1", ${rest}`,
      `{"id": "m1",${rest}`,
      `{"id":"m1",${rest.replace('"date":"2023-05-10"', '"date": "2023-05-10"')}`,
      `{"id":"m1",${rest.replace(strike, strike.replace('"severe":false', '"severe": false'))}`,
      `{"id":"m1",${rest.replace(author, author.replace('"followers":3', '"followers": 3'))}`,
      // The id read by the compact form, then the line read again: a second id is still a duplicate.
      `{"id":"m1",${rest.replace('"newsworthiness":null}', '"newsworthiness":null,"id":"m2"}')}`,
      `{"id":"m1",${rest.replace('"newsworthiness":null}', '"newsworthiness":null }')}`,
      // Fields out of order, missing, repeated, undeclared; a bad value where the compact form reads it.
      `{"id":"m1",${rest.replace('"civil_unrest":false,"unrest_severity":null', '"unrest_severity":null,"civil_unrest":false')}`,
      `{"id":"m1",${rest.replace(strike, '{"date":"2023-04-01","severe":false}')}`,
      `{"id":"m1",${rest.replace(strike, '{"date":"2023-04-01","content_posted":"2023-03-30","severe":false,"severe":true}')}`,
      `{"id":"m1",${rest.replace(strike, '{"date":"2023-04-01","content_posted":"2023-03-30","severe":false,"x":1}')}`,
      `{"id":"m1",${rest.replace(strike, '{"date":"2023-02-30","content_posted":"2023-03-30","severe":false}')}`,
      `{"id":"m1",${rest.replace(strike, '{"date":"2023-04-01","content_posted":"2023-03-30","severe":0}')}`,
      `{"id":1.5,${rest}`,
      `{"id":"m1",${rest.slice(0, -1)}`,
    ];
    const tally: Tally = { accepted: 0, declined: 0 };
    for (const line of lines) fastLineHolds(s, Buffer.from(line), tally);
    // Nine are valid (all but the second id and the last seven), and the reader takes them all.
    expect(tally.accepted).toBe(9);
    expect(s.readers.value(Buffer.from(lines[6]!), 0, lines[6]!.length)?.id).toBe('m1');
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
