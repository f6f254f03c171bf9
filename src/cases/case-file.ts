import type { InputProblem } from '../semantics/validate.js';

/**
 * The golden case file contract (docs/cli.md, `bylaw test`):
 * `{ "policy": "twitter", "cases": [{ id, source?, note?, input, expect }] }`, where `expect` is a
 * partial Decision: `{ action, basis?, clause?, exemption?, version? }` for a version with one
 * outcome, `{ outcomes: { NAME: { action?, duration?, basis?, clause?, exemption?, because? } }, version? }`
 * for one that declares outcomes (Bylaw 2).
 */
export interface GoldenCase {
  readonly id: string;
  readonly input: unknown;
  readonly expect: Expect;
  readonly source?: { readonly seed?: string; readonly quote?: string };
  readonly note?: string;
  /** The file the case came from, for messages. */
  readonly file: string;
  /** Its place in the file: `cases[3]`. */
  readonly at: string;
  /**
   * Problems of the input that only its JSON text shows (a number written `1.0`), found by the
   * reader of the file: validation sees parsed values.
   */
  readonly readerProblems?: readonly InputProblem[];
}

export interface CaseFile {
  readonly policy: string | null;
  readonly cases: readonly GoldenCase[];
}

/** A structural problem in a case file: where it is and what is wrong. */
export interface CaseFileProblem {
  readonly file: string;
  readonly caseId: string | null;
  readonly path: string;
  readonly message: string;
}

/** A partial Decision: every key present is compared, nothing else. */
export type Expect = Readonly<Record<string, unknown>> &
  ({ readonly action: string; readonly outcomes?: undefined } | { readonly action?: undefined; readonly outcomes: Readonly<Record<string, ExpectedOutcome>> });

/** What a case expects of one outcome. */
export type ExpectedOutcome = Readonly<Record<string, unknown>> & { readonly action?: string; readonly duration?: string };

const BASES = ['redline', 'rule', 'exemption', 'default'];
const EXPECT_KEYS = ['action', 'basis', 'clause', 'exemption', 'version'];
const OUTCOME_KEYS = ['action', 'duration', 'basis', 'clause', 'exemption', 'because'];
/** ISO 8601 durations as Bylaw writes them: one unit, as declared (`PT12H`, `P3D`, `P2W`, `P1M`, `P2Y`). */
const DURATION = /^(?:PT[1-9]\d*H|P[1-9]\d*[DWMY])$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the shape of a parsed case file; every problem is returned, none thrown. The file is
 * usable only without problems; it is null when not even its `cases` array could be read.
 */
export function readCaseFile(json: unknown, file: string): { file: CaseFile | null; problems: CaseFileProblem[] } {
  const problems: CaseFileProblem[] = [];
  const problem = (caseId: string | null, path: string, message: string) => problems.push({ file, caseId, path, message });
  if (!isObject(json)) {
    problem(null, '(file)', 'expected an object with a `cases` array');
    return { file: null, problems };
  }
  if (json['policy'] !== undefined && typeof json['policy'] !== 'string') problem(null, 'policy', 'expected a string');
  if (!Array.isArray(json['cases'])) {
    problem(null, 'cases', 'expected an array of cases');
    return { file: null, problems };
  }
  // A CI step must not pass by testing nothing (a file emptied by mistake, a bad merge).
  if (json['cases'].length === 0) problem(null, 'cases', 'no cases: a case file holds at least one');
  const ids = new Set<string>();
  const cases: GoldenCase[] = [];
  json['cases'].forEach((raw, index) => {
    const at = `cases[${index}]`;
    if (!isObject(raw)) {
      problem(null, at, 'expected an object');
      return;
    }
    const id = typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : null;
    if (id === null) problem(null, `${at}.id`, 'expected a non-empty string');
    else if (ids.has(id)) problem(id, `${at}.id`, `duplicate id \`${id}\``);
    else ids.add(id);
    if (!Object.prototype.hasOwnProperty.call(raw, 'input')) problem(id, `${at}.input`, 'missing');
    const expect = raw['expect'];
    if (!isObject(expect)) {
      problem(id, `${at}.expect`, 'expected an object with at least `action`');
      return;
    }
    const valid = isObject(expect['outcomes']) ? checkOutcomes(expect, (path, message) => problem(id, `${at}.expect.${path}`, message)) : checkOneOutcome(expect, (path, message) => problem(id, `${at}.expect.${path}`, message));
    if (id !== null && valid) {
      const source = isObject(raw['source']) ? (raw['source'] as GoldenCase['source']) : undefined;
      cases.push({
        id,
        input: raw['input'],
        expect: expect as GoldenCase['expect'],
        file,
        at,
        ...(source ? { source } : {}),
        ...(typeof raw['note'] === 'string' ? { note: raw['note'] } : {}),
      });
    }
  });
  // The cases that could be read, even beside problems: they can still be checked against a policy.
  return { file: { policy: typeof json['policy'] === 'string' ? json['policy'] : null, cases }, problems };
}

type Report = (path: string, message: string) => void;

function checkBasis(value: unknown, path: string, report: Report): void {
  if (value !== undefined && !BASES.includes(value as string)) report(path, `expected one of ${BASES.join(', ')}`);
}

/** `{ action, basis?, clause?, exemption?, version? }`: true when usable. */
function checkOneOutcome(expect: Record<string, unknown>, report: Report): boolean {
  if (typeof expect['action'] !== 'string') report('action', 'expected a string (or `outcomes`, for a policy that declares outcomes)');
  checkBasis(expect['basis'], 'basis', report);
  for (const key of Object.keys(expect)) {
    if (!EXPECT_KEYS.includes(key)) report(key, `unknown key (expected ${EXPECT_KEYS.join(', ')}, or \`outcomes\`)`);
  }
  return typeof expect['action'] === 'string';
}

/** `{ outcomes: { NAME: { action?, duration?, … } }, version? }`: true when usable. */
function checkOutcomes(expect: Record<string, unknown>, report: Report): boolean {
  for (const key of Object.keys(expect)) {
    if (key !== 'outcomes' && key !== 'version') report(key, 'unknown key (with `outcomes`, only `version` may be beside it)');
  }
  for (const [name, part] of Object.entries(expect['outcomes'] as Record<string, unknown>)) {
    if (!isObject(part)) {
      report(`outcomes.${name}`, 'expected an object such as `{ "action": "remove" }`');
      continue;
    }
    if (part['action'] !== undefined && typeof part['action'] !== 'string') report(`outcomes.${name}.action`, 'expected a string');
    if (part['duration'] !== undefined && (typeof part['duration'] !== 'string' || !DURATION.test(part['duration']))) {
      report(`outcomes.${name}.duration`, 'expected an ISO 8601 duration with one unit, as `P3D`, `PT12H`, `P2W`, `P1M`, `P2Y`');
    }
    checkBasis(part['basis'], `outcomes.${name}.basis`, report);
    for (const key of Object.keys(part)) {
      if (!OUTCOME_KEYS.includes(key)) report(`outcomes.${name}.${key}`, `unknown key (expected ${OUTCOME_KEYS.join(', ')})`);
    }
  }
  return true;
}
