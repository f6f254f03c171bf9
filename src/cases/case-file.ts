import type { CasePolicyProblem, CaseShapeProblem } from '../diagnostics/messages/bl6.js';
import { own } from '../runtime/validate.js';
import { describeKey, type InputProblem } from '../semantics/validate.js';

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
  /** Its place in the file: 3 for `cases[3]`. */
  readonly index: number;
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

/** A JSON path: keys and array indices (`["cases", 2, "input"]`). */
export type JsonPath = readonly (string | number)[];

/**
 * A problem in a case file: where it is and what is wrong (BL602: the file's form; BL603: what the
 * policy it runs on can never meet). The CLI finds `path` in the file's text for the span.
 */
export type CaseFileProblem = {
  readonly file: string;
  readonly caseId: string | null;
  /** The value the problem is about; a path that does not exist (a missing key) means its nearest parent. */
  readonly path: JsonPath;
  /** The problem is about the key at `path` (an unknown key), not its value. */
  readonly key?: boolean;
  /** Another place the problem involves: where a duplicate id is first used. */
  readonly related?: JsonPath;
} & ({ readonly code: 'BL602'; readonly problem: CaseShapeProblem } | { readonly code: 'BL603'; readonly problem: CasePolicyProblem });

/** `cases[2].expect.basis`: a path as messages show it, keys as input validation shows them (cut, escaped). */
export function pathText(path: JsonPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? describeKey(p) : `.${describeKey(p)}`)).join('');
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
  const problem = (caseId: string | null, path: JsonPath, shape: CaseShapeProblem, more: { key?: boolean; related?: JsonPath } = {}) =>
    problems.push({ file, caseId, path, code: 'BL602', problem: shape, ...more });
  if (!isObject(json)) {
    problem(null, [], { kind: 'not-an-object' });
    return { file: null, problems };
  }
  if (json['policy'] !== undefined && typeof json['policy'] !== 'string') problem(null, ['policy'], { kind: 'policy-not-string' });
  if (!Array.isArray(json['cases'])) {
    problem(null, ['cases'], { kind: 'cases-not-array' });
    return { file: null, problems };
  }
  // A CI step must not pass by testing nothing (a file emptied by mistake, a bad merge).
  if (json['cases'].length === 0) problem(null, ['cases'], { kind: 'no-cases' });
  const ids = new Map<string, number>();
  const cases: GoldenCase[] = [];
  json['cases'].forEach((raw, index) => {
    const at = ['cases', index] as const;
    if (!isObject(raw)) {
      problem(null, at, { kind: 'case-not-object' });
      return;
    }
    const id = typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : null;
    const first = id === null ? undefined : ids.get(id);
    if (id === null) problem(null, [...at, 'id'], own(raw, 'id') ? { kind: 'bad-id' } : { kind: 'missing', field: 'id' });
    else if (first !== undefined) problem(id, [...at, 'id'], { kind: 'duplicate-id', id }, { related: ['cases', first, 'id'] });
    else ids.set(id, index);
    if (!own(raw, 'input')) problem(id, [...at, 'input'], { kind: 'missing', field: 'input' });
    const expect = raw['expect'];
    if (!isObject(expect)) {
      problem(id, [...at, 'expect'], own(raw, 'expect') ? { kind: 'expect-not-object' } : { kind: 'missing', field: 'expect' });
      return;
    }
    const report: Report = (path, shape, key) => problem(id, [...at, 'expect', ...path], shape, key ? { key } : {});
    const valid = isObject(expect['outcomes']) ? checkOutcomes(expect, report) : checkOneOutcome(expect, report);
    if (id !== null && valid) {
      const source = isObject(raw['source']) ? (raw['source'] as GoldenCase['source']) : undefined;
      cases.push({
        id,
        input: raw['input'],
        expect: expect as GoldenCase['expect'],
        file,
        index,
        ...(source ? { source } : {}),
        ...(typeof raw['note'] === 'string' ? { note: raw['note'] } : {}),
      });
    }
  });
  // The cases that could be read, even beside problems: they can still be checked against a policy.
  return { file: { policy: typeof json['policy'] === 'string' ? json['policy'] : null, cases }, problems };
}

/** A problem at `path` inside `expect`; `key`: about the key there, not its value. */
type Report = (path: JsonPath, problem: CaseShapeProblem, key?: boolean) => void;

function checkBasis(value: unknown, path: JsonPath, report: Report): void {
  if (value !== undefined && !BASES.includes(value as string)) report(path, { kind: 'bad-basis', basis: typeof value === 'string' ? value : null, bases: BASES });
}

/** `{ action, basis?, clause?, exemption?, version? }`: true when usable. */
function checkOneOutcome(expect: Record<string, unknown>, report: Report): boolean {
  if (typeof expect['action'] !== 'string') report(['action'], { kind: 'action-not-string' });
  checkBasis(expect['basis'], ['basis'], report);
  for (const key of Object.keys(expect)) {
    if (!EXPECT_KEYS.includes(key)) report([key], { kind: 'unknown-key', key, keys: EXPECT_KEYS, outcome: null }, true);
  }
  return typeof expect['action'] === 'string';
}

/** `{ outcomes: { NAME: { action?, duration?, … } }, version? }`: true when usable. */
function checkOutcomes(expect: Record<string, unknown>, report: Report): boolean {
  for (const key of Object.keys(expect)) {
    if (key !== 'outcomes' && key !== 'version') report([key], { kind: 'beside-outcomes', key }, true);
  }
  for (const [name, part] of Object.entries(expect['outcomes'] as Record<string, unknown>)) {
    const at = ['outcomes', name];
    if (!isObject(part)) {
      report(at, { kind: 'outcome-not-object' });
      continue;
    }
    if (part['action'] !== undefined && typeof part['action'] !== 'string') report([...at, 'action'], { kind: 'outcome-action-not-string' });
    if (part['duration'] !== undefined && (typeof part['duration'] !== 'string' || !DURATION.test(part['duration']))) {
      report([...at, 'duration'], { kind: 'bad-duration' });
    }
    checkBasis(part['basis'], [...at, 'basis'], report);
    for (const key of Object.keys(part)) {
      if (!OUTCOME_KEYS.includes(key)) report([...at, key], { kind: 'unknown-key', key, keys: OUTCOME_KEYS, outcome: name }, true);
    }
  }
  return true;
}
