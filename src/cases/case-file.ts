import type { InputProblem } from '../semantics/validate.js';

/**
 * The golden case file contract (docs/cli.md, `bylaw test`):
 * `{ "policy": "twitter", "cases": [{ id, source?, note?, input, expect: { action, basis?, … } }] }`.
 */
export interface GoldenCase {
  readonly id: string;
  readonly input: unknown;
  readonly expect: Readonly<Record<string, unknown>> & { readonly action: string };
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

const BASES = ['redline', 'rule', 'exemption', 'default'];
const EXPECT_KEYS = ['action', 'basis', 'clause', 'exemption', 'version'];

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
    if (typeof expect['action'] !== 'string') problem(id, `${at}.expect.action`, 'expected a string');
    if (expect['basis'] !== undefined && !BASES.includes(expect['basis'] as string)) {
      problem(id, `${at}.expect.basis`, `expected one of ${BASES.join(', ')}`);
    }
    for (const key of Object.keys(expect)) {
      if (!EXPECT_KEYS.includes(key)) problem(id, `${at}.expect.${key}`, `unknown key (expected ${EXPECT_KEYS.join(', ')})`);
    }
    if (id !== null && typeof expect['action'] === 'string') {
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
