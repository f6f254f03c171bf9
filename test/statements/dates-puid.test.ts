import fc from 'fast-check';
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addDuration, describeDuration, longDate, parseDuration, parseTimestamp } from '../../src/statements/dates.js';
import { canonicalJson, encodeId, statementPuid } from '../../src/statements/puid.js';
import { StatementError } from '../../src/statements/problems.js';

const d = (text: string) => parseDuration(text)!;

describe('durations and end dates', () => {
  it('parses the durations Bylaw writes, and refuses what is not one', () => {
    expect(d('P3D')).toMatchObject({ days: 3 });
    expect(d('P2W')).toMatchObject({ weeks: 2 });
    expect(d('P1M')).toMatchObject({ months: 1 });
    expect(d('P2Y')).toMatchObject({ years: 2 });
    expect(d('PT12H')).toMatchObject({ hours: 12 });
    for (const bad of ['', 'P', 'PT', 'P0D', '3D', 'P1.5D', 'P-1D', 'PT30M', 'p1d', 'P1DT']) expect(parseDuration(bad), bad).toBeUndefined();
  });

  it('adds days and weeks as days, across months and leap days', () => {
    expect(addDuration('2026-11-30', d('P1D'))).toBe('2026-12-01');
    expect(addDuration('2024-02-28', d('P1D'))).toBe('2024-02-29');
    expect(addDuration('2024-01-15', d('P1W'))).toBe('2024-01-22');
    expect(addDuration('2023-12-25', d('P2W'))).toBe('2024-01-08');
    expect(addDuration('2022-11-02', d('P30D'))).toBe('2022-12-02');
  });

  it('adds months and years as calendar steps, clamping to the month\'s last day', () => {
    expect(addDuration('2024-01-31', d('P1M'))).toBe('2024-02-29');
    expect(addDuration('2023-01-31', d('P1M'))).toBe('2023-02-28');
    expect(addDuration('2024-03-31', d('P6M'))).toBe('2024-09-30');
    expect(addDuration('2024-02-29', d('P1Y'))).toBe('2025-02-28');
    expect(addDuration('2021-06-04', d('P2Y'))).toBe('2023-06-04');
    expect(addDuration('2025-11-30', d('P3M'))).toBe('2026-02-28');
  });

  it('hours: exact with the time of the decision, rounded up to whole days without it', () => {
    expect(addDuration('2021-01-06', d('PT12H'))).toBe('2021-01-07');
    expect(addDuration('2021-01-06', d('PT12H'), 8 * 3600)).toBe('2021-01-06');
    expect(addDuration('2021-01-06', d('PT12H'), 20 * 3600)).toBe('2021-01-07');
    expect(addDuration('2021-01-06', d('PT24H'))).toBe('2021-01-07');
    expect(addDuration('2021-01-06', d('PT36H'))).toBe('2021-01-08');
  });

  it('never overflows: a huge duration lands far past every date the database takes', () => {
    expect(addDuration('2026-01-01', d('P9999999Y'))).toBe('9999-12-31');
    expect(addDuration('2026-01-01', d('P999999999D'))).toBe('9999-12-31');
  });

  it('reads timestamps in UTC', () => {
    expect(parseTimestamp('2021-01-06T20:15:00Z')).toEqual({ day: '2021-01-06', seconds: 20 * 3600 + 15 * 60 });
    expect(parseTimestamp('2021-01-07T01:00:00+02:00')).toEqual({ day: '2021-01-06', seconds: 23 * 3600 });
    for (const bad of ['2021-01-06', '2021-01-06T20:15:00', '2021-02-30T00:00:00Z', 'yesterday']) expect(parseTimestamp(bad), bad).toBeUndefined();
  });

  it('describes durations and dates for people', () => {
    expect(describeDuration(d('P1D'))).toBe('1 day');
    expect(describeDuration(d('P2W'))).toBe('2 weeks');
    expect(describeDuration(d('PT12H'))).toBe('12 hours');
    expect(describeDuration(d('P1Y6M'))).toBe('1 year and 6 months');
    expect(longDate('2026-12-01')).toBe('1 December 2026');
  });
});

describe('PUIDs', () => {
  const SAFE = /^[a-zA-Z0-9-_]+$/;

  it('keeps a plain id readable', () => {
    expect(statementPuid('meta', { id: '1346926285913427969', version: 'v' })).toBe('meta-i-1346926285913427969');
    expect(encodeId('a.b/c d_e')).toBe('a_2Eb_2Fc_20d__e');
  });

  it('is always within the database\'s pattern and length, and one-to-one on ids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), (a, b) => {
        const pa = statementPuid('p', { id: a, version: 'v' });
        expect(pa).toMatch(SAFE);
        expect(pa.length).toBeLessThanOrEqual(500);
        if (a !== b) expect(pa).not.toBe(statementPuid('p', { id: b, version: 'v' }));
      }),
    );
  });

  it('hashes an id too long to keep', () => {
    const puid = statementPuid('p', { id: '€'.repeat(200), version: 'v' });
    expect(puid).toMatch(/^p-l-[0-9a-f]{64}$/);
  });

  it('without an id: a hash of the canonical input and the version, salted when a salt is set', () => {
    const input = { date: '2026-11-30', author: { handle: 'x', strikes: 6 } };
    const reordered = { author: { strikes: 6, handle: 'x' }, date: '2026-11-30' };
    const a = statementPuid('p', { input, version: '2023-02-23' });
    expect(a).toMatch(/^p-h-[0-9a-f]{64}$/);
    expect(statementPuid('p', { input: reordered, version: '2023-02-23' })).toBe(a);
    expect(statementPuid('p', { input, version: '2021-06-04' })).not.toBe(a);
    expect(statementPuid('p', { input, version: '2023-02-23', salt: 's' })).not.toBe(a);
    expect(statementPuid('p', { input: { ...input, date: '2026-12-01' }, version: '2023-02-23' })).not.toBe(a);
  });

  it('refuses to invent one from nothing', () => {
    expect(() => statementPuid('p', { version: 'v' })).toThrow(StatementError);
  });

  it('canonical JSON sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: null }], a: 'x', u: undefined })).toBe('{"a":"x","b":[2,{"c":null,"d":1}]}');
  });
});

describe('the SHA-256 the PUID is hashed with (written out, so a compiled module needs no crypto library)', () => {
  const long = (id: string) => `x-l-`.length + 'a'.repeat(600).length + id.length;
  const hashed = (id: string, salt?: string) => statementPuid('x', { id: 'a'.repeat(600) + id, version: 'v', ...(salt !== undefined ? { salt } : {}) });
  const node = (id: string, salt?: string) =>
    `x-l-${(salt === undefined ? createHash('sha256') : createHmac('sha256', salt)).update('a'.repeat(600) + id, 'utf8').digest('hex')}`;

  it('gives the digests of node:crypto: block boundaries, multi-byte text, lone surrogates, long HMAC keys', () => {
    expect(long('')).toBeGreaterThan(500);
    for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000]) expect(hashed('b'.repeat(n))).toBe(node('b'.repeat(n)));
    for (const id of ['é', '😀', '\ud800', 'a\udc00b', '\u0000']) {
      expect(hashed(id)).toBe(node(id));
      expect(hashed(id, id)).toBe(node(id, id));
    }
    for (const salt of ['', 'k', 'k'.repeat(64), 'k'.repeat(65), 'ü'.repeat(200)]) expect(hashed('id', salt)).toBe(node('id', salt));
  });

  it('gives the digests of node:crypto on random text and keys', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.option(fc.string({ unit: 'binary', maxLength: 150 }), { nil: undefined }), (id, salt) => {
        expect(hashed(id, salt)).toBe(node(id, salt));
      }),
      { numRuns: 500 },
    );
  });
});
