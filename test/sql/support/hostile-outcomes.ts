/**
 * Hostile JSON lines for the input shapes of Bylaw 2 — lists of records, optional fields and
 * optional records — for comparing the replay engines: hand-made lines for the YouTube, Meta and
 * history sets (every way a list, an element or an optional value can be wrong, or right but
 * written oddly), and fast-check mutations of random posts of any set.
 */
import fc from 'fast-check';
import type { PolicySet } from '../../../src/checker/program.js';
import { mutation } from './hostile-lines.js';
import { inputGenerator } from './inputs.js';

/** The good line, and the good line with each `[from, to]` replaced (each `from` must occur). */
function variants(good: object, swaps: readonly (readonly [string, string])[], extra: readonly string[] = []): Buffer[] {
  const g = JSON.stringify(good);
  const lines = swaps.map(([from, to]) => {
    if (!g.includes(from)) throw new Error(`no ${from} in ${g}`);
    return g.replace(from, to);
  });
  return [g, ...lines, ...extra].map((l) => Buffer.from(l, 'utf8'));
}

const WARNING = { date: '2023-01-01', policy: 'harassment', training_completed: '2023-02-01' };
const STRIKE = { date: '2023-08-01', policy: 'spam_deceptive' };

export function youtubeLines(): Buffer[] {
  const good = { date: '2023-09-10', kind: 'video', policies: ['harassment'], edsa: 'educational', severity: 'standard', channel: { warnings: [WARNING], strikes: [STRIKE] } };
  const w = JSON.stringify(WARNING);
  const s = JSON.stringify(STRIKE);
  return variants(
    good,
    [
      // An optional enum: absent, null, of the wrong type, not a member, twice.
      ['"edsa":"educational",', ''],
      ['"edsa":"educational"', '"edsa":null'],
      ['"edsa":"educational"', '"edsa" : null'],
      ['"edsa":"educational"', '"edsa":5'],
      ['"edsa":"educational"', '"edsa":"nope"'],
      ['"edsa":"educational"', '"edsa":[]'],
      ['"edsa":"educational"', '"edsa":null,"edsa":"educational"'],
      ['"edsa":"educational"', '"edsa":"educational","edsa":null'],
      // An optional date in an element.
      ['"training_completed":"2023-02-01"', '"training_completed":null'],
      [',"training_completed":"2023-02-01"', ''],
      ['"training_completed":"2023-02-01"', '"training_completed":"2023-02-30"'],
      ['"training_completed":"2023-02-01"', '"training_completed":20230201'],
      ['"training_completed":"2023-02-01"', '"training_completed": "2023-02-01" '],
      // A list of records: empty, null, not a list, elements that are not records.
      [`[${w}]`, '[]'],
      [`[${w}]`, 'null'],
      [`[${w}]`, '{}'],
      [`[${w}]`, `${w}`],
      [`[${w}]`, '"x"'],
      [`[${w}]`, '[null]'],
      [`[${w}]`, '[1]'],
      [`[${w}]`, '["x"]'],
      [`[${w}]`, `[[${w}]]`],
      [`[${w}]`, `[${w},]`],
      [`[${w}]`, `[ ${w} ]`],
      [`[${w}]`, `[${w},${w}]`],
      [`[${w}]`, `[${w}, ${w}]`],
      [`[${w}]`, `[${w},null]`],
      // An element with a key missing, unknown, repeated, or a value of the wrong kind.
      ['"policy":"harassment",', ''],
      ['"policy":"harassment"', '"policy":"harassment","extra":1'],
      ['"policy":"harassment"', '"policy":"harassment","policy":"hate_speech"'],
      ['"policy":"harassment"', '"policy":"hate_speech","policy":"harassment"'],
      ['"policy":"harassment"', '"policy":"nope"'],
      ['"policy":"harassment"', '"policy":"h\\u0061rassment"'],
      ['"date":"2023-01-01"', '"date":"2023-1-1"'],
      [`[${s}]`, `[${s},${s},${s}]`],
      [`[${s}]`, `[${s.replace('"date"', '"Date"')}]`],
      ['"channel":{', '"channel":null,"x":{'],
      ['"strikes":', '"strikes" :'],
      // Blanks and trailing commas in the lists' objects.
      ['{"date":"2023-08-01"', '{ "date":"2023-08-01"'],
      ['"spam_deceptive"}', '"spam_deceptive",}'],
      ['"spam_deceptive"}', '"spam_deceptive" }'],
    ],
    [
      // Longer than an input may hold.
      JSON.stringify({ ...good, channel: { warnings: [], strikes: Array.from({ length: 10_001 }, () => STRIKE) } }),
      JSON.stringify({ ...good, channel: { warnings: [], strikes: Array.from({ length: 10_000 }, () => STRIKE) } }),
      JSON.stringify({ id: 'with-id', ...good }),
    ],
  );
}

export function metaLines(): Buffer[] {
  const strike = { date: '2022-06-01', content_posted: '2022-05-30', severe: false };
  const good = {
    date: '2022-11-02',
    posted: '2022-11-01',
    categories: ['violence_incitement'],
    author: { handle: 'someone', politician: true, followers: 840, news_coverage: false, strikes: [strike, { ...strike, severe: true }] },
    civil_unrest: true,
    unrest_severity: 'high',
    newsworthiness: { public_interest: 'high', risk_of_harm: 'low' },
  };
  return variants(good, [
    // An optional record: absent, null, not an object, incomplete, with an unknown or repeated key.
    [',"newsworthiness":{"public_interest":"high","risk_of_harm":"low"}', ''],
    ['{"public_interest":"high","risk_of_harm":"low"}', 'null'],
    ['{"public_interest":"high","risk_of_harm":"low"}', '5'],
    ['{"public_interest":"high","risk_of_harm":"low"}', '[]'],
    ['{"public_interest":"high","risk_of_harm":"low"}', '{}'],
    ['{"public_interest":"high","risk_of_harm":"low"}', '[{"public_interest":"high","risk_of_harm":"low"}]'],
    ['"risk_of_harm":"low"}', '"risk_of_harm":"low","x":1}'],
    ['"risk_of_harm":"low"}', '"risk_of_harm":"low","risk_of_harm":"violence"}'],
    ['"risk_of_harm":"low"}', '"risk_of_harm":"low",}'],
    ['"risk_of_harm":"low"}', '"risk_of_harm":"low" }'],
    [',"risk_of_harm":"low"', ''],
    // An optional enum, and a bool in a list's records.
    [',"unrest_severity":"high"', ''],
    ['"unrest_severity":"high"', '"unrest_severity":null'],
    ['"unrest_severity":"high"', '"unrest_severity":"extreme"'],
    ['"severe":false', '"severe":"false"'],
    ['"severe":false', '"severe":0'],
    ['"severe":false', '"severe":null'],
    ['"content_posted":"2022-05-30"', '"content_posted":"2022-05-30","content_posted":"2019-01-01"'],
    ['"strikes":[', '"strikes":[{"date":"2022-02-29","content_posted":"2022-01-01","severe":false},'],
    ['"followers":840', '"followers":-0'],
  ]);
}

export function historyLines(): Buffer[] {
  const mark = { date: '2024-01-31', topic: 'news', tags: ['spam'], weight: 9, appeal: { filed: '2024-02-01', granted: false }, lifted: null, days: ['2023-06-30'], scores: [7, 8] };
  const good = {
    date: '2024-02-29',
    topic: 'news',
    tags: ['spam', 'abuse'],
    extra: ['gore'],
    marks: [mark, { ...mark, date: '2023-02-28', appeal: null, lifted: '2023-03-01' }],
    topics: ['sport', 'news'],
    review: { grade: 'low', by: '2024-02-20' },
    notes: [4, 5],
    posted: '2024-02-01',
    follows: ['news'],
  };
  return variants(good, [
    // Ints in a list: -0, fractions, exponents, null, strings.
    ['"scores":[7,8]', '"scores":[-0]'],
    ['"scores":[7,8]', '"scores":[-0 ]'],
    ['"scores":[7,8]', '"scores":[7.0,8]'],
    ['"scores":[7,8]', '"scores":[7e0,8]'],
    ['"scores":[7,8]', '"scores":[null]'],
    ['"scores":[7,8]', '"scores":["7"]'],
    ['"scores":[7,8]', '"scores":[9007199254740992]'],
    ['"scores":[7,8]', '"scores":[7,8,]'],
    ['"scores":[7,8]', '"scores": [7, 8]'],
    // Dates and enums in lists.
    ['"days":["2023-06-30"]', '"days":["2023-06-31"]'],
    ['"days":["2023-06-30"]', '"days":[null]'],
    ['"days":["2023-06-30"]', '"days":"2023-06-30"'],
    ['"topics":["sport","news"]', '"topics":["sport","sport"]'],
    ['"topics":["sport","news"]', '"topics":["sport","nope"]'],
    ['"topics":["sport","news"]', '"topics":[]'],
    // An optional list: absent, null, not a list (with blanks elsewhere too).
    [',"notes":[4,5]', ''],
    ['"notes":[4,5]', '"notes":null'],
    ['"notes":[4,5]', '"notes":{"a":1}'],
    ['"notes":[4,5]', '"notes" : {"a":1}'],
    ['"notes":[4,5]', '"notes":5'],
    ['"notes":[4,5]', '"notes":[]'],
    // An optional set.
    ['"extra":["gore"]', '"extra":null'],
    ['"extra":["gore"]', '"extra":["gore","gore"]'],
    ['"extra":["gore"]', '"extra":[null]'],
    [',"extra":["gore"]', ''],
    // Optional records in a list's records, and optional dates.
    ['"appeal":{"filed":"2024-02-01","granted":false}', '"appeal":5'],
    ['"appeal":{"filed":"2024-02-01","granted":false}', '"appeal":{}'],
    ['"appeal":{"filed":"2024-02-01","granted":false}', '"appeal":{"filed":"2024-02-01","granted":false,"x":1}'],
    ['"appeal":{"filed":"2024-02-01","granted":false}', '"appeal" :{"filed":"2024-02-01","granted":false}'],
    ['"appeal":{"filed":"2024-02-01","granted":false},', ''],
    ['"lifted":null', '"lifted":"2024-13-01"'],
    ['"lifted":null,', ''],
    ['"weight":9', '"weight":11'],
    ['{"grade":"low","by":"2024-02-20"}', '{"grade":"low"}'],
    ['{"grade":"low","by":"2024-02-20"}', '[]'],
  ]);
}

/** A random post of the set (lists, optionals, dates at windows), maybe with an id, written as JSON, then maybe mutated twice. */
export function hostilePost(set: PolicySet): fc.Arbitrary<Buffer> {
  const post = fc.tuple(fc.integer(), fc.option(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { freq: 3 })).map(([seed, id]) => {
    const input = inputGenerator(set, seed)();
    return Buffer.from(JSON.stringify(id !== null ? { id, ...input } : input), 'utf8');
  });
  return fc.tuple(post, mutation(), mutation()).map(([line, m1, m2]) => m2(m1(line)));
}
