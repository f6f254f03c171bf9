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
      const tally: Tally = { accepted: 0, declined: 0, compact: 0 };
      fc.assert(
        fc.property(hostileLine(s.set, s.stripId), (line) => fastLineHolds(s, line, tally)),
        { numRuns: 3_000, seed: 16 },
      );
      // The lines reach every part of the reader: some taken, some not.
      expect(tally.accepted).toBeGreaterThan(150);
      expect(tally.declined).toBeGreaterThan(150);
      // Both tiers: lines in the compact form, and lines only the plan reader takes.
      if (s.hasCompact) expect(tally.compact).toBeGreaterThan(50);
      expect(tally.accepted - tally.compact).toBeGreaterThan(50);
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
    const tally: Tally = { accepted: 0, declined: 0, compact: 0 };
    for (const line of lines) fastLineHolds(s, Buffer.from(line), tally);
    // Nine are valid (all but the second id and the last seven), and the reader takes them all.
    expect(tally.accepted).toBe(9);
    expect(s.readers.value(Buffer.from(lines[6]!), 0, lines[6]!.length)?.id).toBe('m1');
  });

  it('takes a date only when it is a real ASCII `YYYY-MM-DD`, at the top and in list elements', () => {
    const s = subjects.get('policies/meta')!;
    const line = (date: string, strikeDate: string) =>
      `{"id":"m1","date":"${date}","posted":"2023-05-09","categories":["hate_speech"],"author":{"handle":"h","politician":false,"followers":3,"news_coverage":false,"strikes":[{"date":"2023-04-01","content_posted":"2023-03-30","severe":false},{"date":"${strikeDate}","content_posted":"2023-03-30","severe":true}]},"civil_unrest":false,"unrest_severity":null,"newsworthiness":null}`;
    // Not dates (non-ASCII digits among them), or dates written with an escape (valid, but left to the slow path).
    const declined = [
      '2023-02-30', '2023-2-01', '2023-02-1', '2023-13-01', '2023-00-10', '2023-01-00', '2023-01-32', '2023-04-31', '2023-02-29', '1900-02-29', '2100-02-29',
      '\uff12\uff10\uff12\uff13-02-01', '\uff12023-02-01', '2023-\u0660\u0662-01', '2023-0\u0663-01', '2023-0:-01', '2023-01-0/', '202/-01-01', ':023-01-01', '2023_01-01', '2023-01_01',
      '2023-01-01 ', ' 2023-01-01', '2023-01-01T00:00:00Z', '20230101', '2023-01-1\u0000', String.raw`\u0032023-01-01`, String.raw`2023-01-0\u0031`,
    ];
    const tally: Tally = { accepted: 0, declined: 0, compact: 0 };
    // A good date first, so a bad one that reached the cache of dates would be taken from it.
    fastLineHolds(s, Buffer.from(line('2023-05-10', '2023-02-28')), tally);
    for (const date of declined) {
      for (const text of [line(date, '2023-02-28'), line('2023-05-10', date)]) {
        expect(s.readers.value(Buffer.from(text), 0, Buffer.byteLength(text)), text).toBeNull();
        fastLineHolds(s, Buffer.from(text), tally);
      }
    }
    // Bytes that are not UTF-8 where a digit should be (0xfa and up once carried into the next byte's test).
    const good = Buffer.from(line('2023-05-10', '2023-02-28'));
    const digit = good.indexOf('2023-02-28') + 8;
    for (const byte of [0x80, 0xa0, 0xc3, 0xf9, 0xfa, 0xff, 0x3a, 0x2f, 0x00]) {
      const text = Buffer.from(good);
      text[digit] = byte;
      expect(s.readers.value(text, 0, text.length)).toBeNull();
      fastLineHolds(s, text, tally);
    }
    for (const date of ['2024-02-29', '2000-02-29', '0000-01-01', '0001-03-01', '1899-12-31', '2200-01-01', '9999-12-31', '2023-12-31']) {
      for (const text of [line('2023-05-10', date), line(date, '2023-02-28')]) {
        const read = s.readers.value(Buffer.from(text), 0, Buffer.byteLength(text));
        expect(read, text).not.toBeNull();
        fastLineHolds(s, Buffer.from(text), tally);
      }
    }
    expect(tally.accepted).toBe(17);
  });

  it('reuses its objects from line to line, and no field of one line stays in the next', () => {
    const s = subjects.get('policies/meta')!;
    const strike = (date: string, severe: boolean) => `{"date":"${date}","content_posted":"2023-03-30","severe":${severe}}`;
    const lines = [
      // Optional fields given (compact form), three strikes.
      `{"id":"m1","date":"2023-05-10","posted":"2023-05-09","categories":["graphic_violence"],"author":{"handle":"h","politician":true,"followers":3,"news_coverage":false,"strikes":[${strike('2023-04-01', true)},${strike('2023-04-02', false)},${strike('2023-04-03', true)}]},"civil_unrest":true,"unrest_severity":"high","newsworthiness":{"public_interest":"high","risk_of_harm":"low"}}`,
      // The same fields in another order (the general way), the optional ones absent, one strike.
      `{"date":"2023-05-11","id":"m2","posted":"2023-05-09","categories":[],"civil_unrest":false,"author":{"handle":"h","politician":false,"followers":4,"news_coverage":true,"strikes":[${strike('2023-01-05', false)}]}}`,
      // Optional fields given again, out of order; no strikes.
      `{"id":"m3","newsworthiness":{"risk_of_harm":"none","public_interest":"low"},"date":"2023-05-12","posted":"2023-05-09","categories":["hate_speech"],"author":{"handle":"h","politician":false,"followers":5,"news_coverage":false,"strikes":[]},"civil_unrest":false,"unrest_severity":null}`,
      // A line that fails half way: nothing of it may show in the next.
      `{"id":"m4","date":"2023-05-13","posted":"2023-05-09","categories":[],"author":{"handle":"h","politician":true,"followers":6,"news_coverage":true,"strikes":[${strike('2023-02-02', true)},{"date":"2023-02-30"}]},"civil_unrest":true,"unrest_severity":"low","newsworthiness":null}`,
      `{"id":"m5","date":"2023-05-14","posted":"2023-05-09","categories":[],"author":{"handle":"h","politician":false,"followers":7,"news_coverage":false,"strikes":[${strike('2023-03-03', false)}]},"civil_unrest":false}`,
    ];
    const tally: Tally = { accepted: 0, declined: 0, compact: 0 };
    for (const line of lines) fastLineHolds(s, Buffer.from(line), tally);
    expect(tally.accepted).toBe(4);
    // Read one after the other by one reader: each input as JSON.parse reads its line.
    const read = lines.map((line) => {
      const got = s.readers.value(Buffer.from(line), 0, line.length);
      return got === null ? null : structuredClone(got.input);
    });
    expect(read[1]).toMatchObject({ date: '2023-05-11', unrest_severity: null, newsworthiness: null, author: { followers: 4, strikes: [{ date: '2023-01-05', severe: false }] } });
    expect(read[2]).toMatchObject({ unrest_severity: null, newsworthiness: { public_interest: 'low', risk_of_harm: 'none' }, author: { strikes: [] } });
    expect(read[3]).toBeNull();
    expect(read[4]).toMatchObject({ unrest_severity: null, newsworthiness: null, civil_unrest: false, author: { politician: false, strikes: [{ date: '2023-03-03', severe: false }] } });
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
