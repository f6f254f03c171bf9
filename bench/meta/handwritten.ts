/**
 * policies/meta as a tuned hand-written function: the floor the compiled Meta module is measured
 * against. One pass over the categories into a bit mask, the strikes counted in one pass (and
 * only when a rule that counts them can fire), dates compared as strings and moved as integer
 * day numbers, every answer a frozen constant built at load time (no allocation per decision).
 * Same decisions as the interpreter, every field of every outcome: test/bench/meta.test.ts.
 */
import { V1, V2, V3, type MetaDecision, type Part, type Piece } from './types.js';

export class NoVersionInForceError extends RangeError {
  constructor(date: string) {
    super(`no version of the Meta policy is in force on ${date} (the first is effective ${V1})`);
    this.name = 'NoVersionInForceError';
  }
}

// Category bits.
const CSE = 1; // child_sexual_exploitation
const DO = 2; // dangerous_organizations
const VI = 4; // violence_incitement
const GV = 8; // graphic_violence

function categoryBit(c: string): number {
  switch (c) {
    case 'child_sexual_exploitation':
      return CSE;
    case 'dangerous_organizations':
      return DO;
    case 'violence_incitement':
      return VI;
    case 'graphic_violence':
      return GV;
    default:
      return 0;
  }
}

const BECAUSE: Readonly<Record<string, string>> = {
  child_sexual_exploitation: 'We remove content that sexually exploits or endangers children, and disable the accounts that share it.',
  violation: 'We remove content that goes against our Community Standards.',
  dangerous_organizations: 'Additional, longer restrictions from certain features, such as creating ads, starting on your first violation.',
  newsworthy: 'The public interest value of the content outweighs the potential risk of harm by leaving it up.',
  newsworthy_graphic:
    'Newsworthy graphic content stays up behind a warning screen, without showing graphic images to minors and others who do not want to see them.',
  politician_presumed_newsworthy: 'We draw the line at any speech which can lead to real-world violence and harm.',
  politician_presumed_newsworthy_graphic: 'We will treat speech from politicians as newsworthy content that should, as a general rule, be seen and heard.',
  unrest_low: 'Lesser violations can be punished by suspensions of one month, six months and one year.',
  unrest_medium: 'Lesser violations can be punished by suspensions of one month, six months and one year.',
  unrest_high: 'Lesser violations can be punished by suspensions of one month, six months and one year.',
  unrest_highest: 'A penalty system of one-month, six-month, one-year, and two-year suspensions.',
};

// Frozen answers, each built once and numbered (keyed by what distinguishes them).
const PART_LIST: Part[] = [];
const partIds = new Map<string, number>();
/** The number of a frozen part (every answer is one, built on first ask, at load time). */
function part(action: string, duration: string | undefined, basis: Part['basis'], clause: string | null, exemption: string | null, because: readonly string[]): number {
  const key = `${action} ${duration} ${basis} ${clause} ${exemption} ${because.join('\n')}`;
  let id = partIds.get(key);
  if (id === undefined) {
    const base = { action, ...(duration === undefined ? {} : { duration }), basis, clause, exemption, because: Object.freeze([...because]) };
    partIds.set(key, (id = PART_LIST.length));
    PART_LIST.push(Object.freeze(base));
  }
  return id;
}

/** The exemptions every rule may take (the last two only in the 2019 version). */
const EXEMPTIONS = ['newsworthy', 'newsworthy_graphic', 'politician_presumed_newsworthy', 'politician_presumed_newsworthy_graphic'] as const;
type Exemption = (typeof EXEMPTIONS)[number];
interface Answers {
  readonly rule: number;
  readonly exempted: Readonly<Record<Exemption, number>>;
}
/** A rule's part, and its part once exempted by each exemption, built at load time. */
function answers(r: Omit<Rung, 'answers'>): Answers {
  const exempted = Object.fromEntries(EXEMPTIONS.map((e) => [e, part('none', undefined, 'exemption', r.clause, e, [r.because, BECAUSE[e]!])]));
  return { rule: part(r.action, r.duration, 'rule', r.clause, null, [r.because]), exempted: exempted as Record<Exemption, number> };
}

/** A rule of the account outcome: its answer, and its severity for choosing among several. */
interface Rung {
  readonly clause: string;
  readonly action: string;
  readonly duration?: string;
  readonly because: string;
  /** Severity on the account scale (restrict and suspend by length). */
  readonly level: number;
  readonly answers: Answers;
}
const rung = (r: Omit<Rung, 'answers'>): Rung => ({ ...r, answers: answers(r) });

/** The ladders by the number of strikes on record (index; the last rung holds every larger count). */
const LADDER_2019: readonly Rung[] = [
  rung({ clause: 'first_strike', action: 'warning', because: 'One strike: Warning and no further restrictions.', level: 1 }),
  rung({
    clause: 'second_strike',
    action: 'restrict',
    duration: 'P1D',
    because: '2 strikes: 1-day restriction from creating content, such as posting, commenting, using Facebook Live or creating a Page.',
    level: 3,
  }),
  rung({ clause: 'third_strike', action: 'restrict', duration: 'P3D', because: '3 strikes: 3-day restriction from creating content.', level: 4 }),
  rung({ clause: 'fourth_strike', action: 'restrict', duration: 'P7D', because: '4 strikes: 7-day restriction from creating content.', level: 5 }),
  rung({ clause: 'fifth_strike_or_more', action: 'restrict', duration: 'P30D', because: '5 or more strikes: 30-day restriction from creating content.', level: 6 }),
];
const SECOND_TO_SIXTH: Rung = rung({
  clause: 'second_to_sixth_strike',
  action: 'feature_limit',
  because: 'Two to six strikes: restricted from specific features, such as posting in groups.',
  level: 2,
});
const LADDER_2023: readonly Rung[] = [
  rung({ clause: 'first_strike', action: 'warning', because: 'One strike: a warning, and no further restrictions.', level: 1 }),
  SECOND_TO_SIXTH,
  SECOND_TO_SIXTH,
  SECOND_TO_SIXTH,
  SECOND_TO_SIXTH,
  SECOND_TO_SIXTH,
  rung({ clause: 'seventh_strike', action: 'restrict', duration: 'P1D', because: '7 strikes: a 1-day restriction from creating content.', level: 3 }),
  rung({ clause: 'eighth_strike', action: 'restrict', duration: 'P3D', because: '8 strikes: a 3-day restriction from creating content.', level: 4 }),
  rung({ clause: 'ninth_strike', action: 'restrict', duration: 'P7D', because: '9 strikes: a 7-day restriction from creating content.', level: 5 }),
  rung({ clause: 'tenth_strike_or_more', action: 'restrict', duration: 'P30D', because: '10 or more strikes: a 30-day restriction from creating content.', level: 6 }),
];
const DANGEROUS: Rung = rung({ clause: 'dangerous_organizations', action: 'feature_limit', because: BECAUSE['dangerous_organizations']!, level: 2 });
const UNREST: Readonly<Record<string, Rung>> = {
  low: rung({ clause: 'unrest_low', action: 'suspend', duration: 'P1M', because: BECAUSE['unrest_low']!, level: 7 }),
  medium: rung({ clause: 'unrest_medium', action: 'suspend', duration: 'P6M', because: BECAUSE['unrest_medium']!, level: 8 }),
  high: rung({ clause: 'unrest_high', action: 'suspend', duration: 'P1Y', because: BECAUSE['unrest_high']!, level: 9 }),
  highest: rung({ clause: 'unrest_highest', action: 'suspend', duration: 'P2Y', because: BECAUSE['unrest_highest']!, level: 10 }),
};

const CONTENT_DEFAULT = part('allow', undefined, 'default', null, null, []);
const ACCOUNT_DEFAULT = part('none', undefined, 'default', null, null, []);
const CSE_BECAUSE = [BECAUSE['child_sexual_exploitation']!];
const CONTENT_CSE = part('remove', undefined, 'redline', 'child_sexual_exploitation', null, CSE_BECAUSE);
const ACCOUNT_CSE = part('disable', undefined, 'redline', 'child_sexual_exploitation', null, CSE_BECAUSE);
const CONTENT_VIOLATION = part('remove', undefined, 'rule', 'violation', null, [BECAUSE['violation']!]);
const CONTENT_EXEMPTED = Object.fromEntries(
  EXEMPTIONS.map((e) => [e, part(e.endsWith('graphic') ? 'warning_screen' : 'allow', undefined, 'exemption', 'violation', e, [BECAUSE['violation']!, BECAUSE[e]!])]),
) as Record<Exemption, number>;

// Decisions: one frozen object per (version, content part, account part), in a table by number.
const VERSIONS = [V1, V2, V3] as const;
const PARTS = PART_LIST.length;
const decisions: (MetaDecision | undefined)[] = new Array<MetaDecision | undefined>(VERSIONS.length * PARTS * PARTS);
function decision(version: number, content: number, account: number): MetaDecision {
  const key = (version * PARTS + content) * PARTS + account;
  return (decisions[key] ??= Object.freeze({ version: VERSIONS[version]!, outcomes: Object.freeze({ content: PART_LIST[content]!, account: PART_LIST[account]! }) }));
}

// ---- dates -------------------------------------------------------------------------------

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const yearOf = (s: string): number => digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);

/** Days since 1970-01-01 of an ISO date (H. Hinnant's days_from_civil, from the characters). */
function dayNumber(s: string): number {
  const year = yearOf(s);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** `s` moved back by whole calendar years; 29 February becomes the 28th in a common year. */
function yearsBefore(s: string, years: number): string {
  const y = yearOf(s) - years;
  const rest = s.charCodeAt(5) === 48 && s.charCodeAt(6) === 50 && s.charCodeAt(8) === 50 && s.charCodeAt(9) === 57 && !leap(y) ? '-02-28' : s.slice(4);
  return String(y).padStart(4, '0') + rest;
}

/** The strikes on record that count: in the year up to the post's date, countable when recorded. */
function strikesOnRecord(p: Piece): number {
  const strikes = p.author.strikes;
  const date = p.date;
  const yearAgo = yearsBefore(date, 1);
  let n = 0;
  for (let i = 0; i < strikes.length; i++) {
    const s = strikes[i]!;
    const at = s.date;
    if (at <= yearAgo || at > date) continue;
    if (dayNumber(s.content_posted) >= dayNumber(at) - 90 || (s.severe && s.content_posted >= yearsBefore(at, 4))) n++;
  }
  return n;
}

// ---- the decision ------------------------------------------------------------------------

export function decide(p: Piece): MetaDecision {
  const date = p.date;
  if (date < V1) throw new NoVersionInForceError(date);
  const version = date >= V3 ? 2 : date >= V2 ? 1 : 0;
  const cats = p.categories;
  if (cats.length === 0) return decision(version, CONTENT_DEFAULT, ACCOUNT_DEFAULT); // every rule needs a category
  let m = 0;
  for (let i = 0; i < cats.length; i++) m |= categoryBit(cats[i]!);
  if ((m & CSE) !== 0) return decision(version, CONTENT_CSE, ACCOUNT_CSE);

  // The exemption every rule takes, if one holds (least severe first, then declaration order).
  const review = p.newsworthiness;
  const graphic = (m & GV) !== 0;
  let exemption: Exemption | null = null;
  if (review != null) {
    const pi = review.public_interest;
    const harm = review.risk_of_harm;
    if ((pi === 'high' && (harm === 'none' || harm === 'low')) || (pi === 'low' && harm === 'none')) exemption = graphic ? 'newsworthy_graphic' : 'newsworthy';
  }
  if (version === 0 && p.author.politician && (review == null || review.risk_of_harm === 'none' || review.risk_of_harm === 'low')) {
    if (!graphic) exemption = exemption === 'newsworthy' ? exemption : 'politician_presumed_newsworthy';
    else exemption ??= 'politician_presumed_newsworthy_graphic';
  }
  const content = exemption === null ? CONTENT_VIOLATION : CONTENT_EXEMPTED[exemption];

  // The account: the dangerous-organizations rule, the ladder's rung, the civil-unrest penalty.
  const posted = p.posted;
  const counts = dayNumber(posted) >= dayNumber(date) - 90 || ((m & DO) !== 0 && posted >= yearsBefore(date, 4));
  let best: Rung | null = null;
  if (counts) {
    if ((m & DO) !== 0) best = DANGEROUS;
    const n = strikesOnRecord(p);
    const ladder = version === 2 ? LADDER_2023 : LADDER_2019;
    const rung = ladder[Math.min(n, ladder.length - 1)]!;
    // Equal severity: the rule declared first (dangerous organizations) decides.
    if (best === null || (exemption === null && rung.level > best.level)) best = rung;
  }
  const a = p.author;
  const severity = p.unrest_severity;
  if (version > 0 && severity != null && p.civil_unrest && (m & (VI | DO)) !== 0 && (a.politician || a.followers > 1_000_000 || a.news_coverage)) {
    if (best === null || exemption === null) best = UNREST[severity]!;
  }
  if (best === null) return decision(version, content, ACCOUNT_DEFAULT);
  return decision(version, content, exemption === null ? best.answers.rule : best.answers.exempted[exemption]);
}
