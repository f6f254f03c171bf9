import type { PolicySet } from '../checker/program.js';
import { pathText, readCaseFile, type CaseFileProblem, type GoldenCase, type JsonPath } from '../cases/case-file.js';
import { checkCasesAgainst } from '../cases/check-cases.js';
import { inputAbout, inputPath } from '../cases/input-problems.js';
import { JsonLocator } from '../cases/locate.js';
import { built } from '../diagnostics/codes.js';
import { sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CaseAt, JsonDocument } from '../diagnostics/messages/bl6.js';
import type { InputProblem } from '../semantics/validate.js';
import { readTextFile } from './files.js';
import { EXIT, type CommandContext } from './io.js';
import { numberProblems, syntaxHint, tryParseJson, type JsonSyntaxError } from './read-json.js';
import { printDiagnostics, type ErrorFormat } from './report.js';

/**
 * Golden case files as `bylaw test` and `bylaw verify` read them: every problem of every file
 * as a diagnostic at its place in the file (BL601–BL603), and a case's invalid input the same
 * way (BL604), with code frames from the files' text.
 */
export interface CaseFiles {
  /** Every case, in file order; only when no file has a problem. */
  readonly cases: readonly GoldenCase[];
  /** Every problem of every file (BL601–BL603), by file and place. */
  readonly diagnostics: readonly Diagnostic[];
  /** Each file's text by name, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  /** Each file's places by JSON path. */
  readonly locators: ReadonlyMap<string, JsonLocator>;
}

/** Reads and checks the case files `files` against the policy they are to run on (named `setName`, its folder's name). */
export function readCaseFiles(files: readonly string[], policy: PolicySet, setName: string): CaseFiles {
  return readCaseTexts(
    files.map((file) => ({ file, text: readTextFile(file) })),
    policy,
    setName,
  );
}

/** `readCaseFiles` over texts already read. */
export function readCaseTexts(texts: readonly { readonly file: string; readonly text: string }[], policy: PolicySet, setName: string): CaseFiles {
  const cases: GoldenCase[] = [];
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const locators = new Map<string, JsonLocator>();
  for (const { file, text } of texts) {
    sources.set(file, text);
    const locator = new JsonLocator(file, text);
    locators.set(file, locator);
    const parsed = tryParseJson(text);
    if (!parsed.ok) {
      diagnostics.push(syntaxDiagnostic(locator, parsed.error));
      continue;
    }
    const result = readCaseFile(parsed.value, file);
    const all = [...result.problems, ...(result.file ? checkCasesAgainst(policy, result.file, file, setName) : [])];
    diagnostics.push(...all.map((p) => problemDiagnostic(locator, p)));
    if (result.file && all.length === 0) {
      for (const c of result.file.cases) {
        const readerProblems = numberProblems(parsed.fractional, ['cases', c.index, 'input']);
        cases.push(readerProblems.length > 0 ? { ...c, readerProblems } : c);
      }
    }
  }
  return { cases: diagnostics.length === 0 ? cases : [], diagnostics: sortDiagnostics(diagnostics), sources, locators };
}

/**
 * BL601 at the place JSON breaks: the character there, or just after the last one when the
 * text ends too soon (as a policy's syntax errors at the end of a file are shown). `doc`: what
 * the text is, for the help.
 */
export function syntaxDiagnostic(locator: JsonLocator, error: JsonSyntaxError, doc: JsonDocument = 'case-file'): Diagnostic {
  const { text } = locator;
  const end = text.trimEnd().length;
  let span = locator.at(0, 0);
  if (error.offset !== null && error.offset >= end) span = locator.at(end, end);
  else if (error.offset !== null) span = locator.at(error.offset, error.offset + String.fromCodePoint(text.codePointAt(error.offset)!).length);
  return built('BL601', span, { what: error.what, hint: syntaxHint(text, error), doc });
}

function problemDiagnostic(locator: JsonLocator, p: CaseFileProblem): Diagnostic {
  const span = locator.span(p.path, p.key);
  const at = { caseId: p.caseId, path: pathText(p.path) };
  if (p.code === 'BL603') return built('BL603', span, { ...at, problem: p.problem });
  const problem = p.problem.kind === 'duplicate-id' && p.related ? { ...p.problem, first: locator.span(p.related) } : p.problem;
  return built('BL602', span, { ...at, problem });
}

/** BL604 for each problem of a case's input, at its place in the case file. */
export function inputDiagnostics(policy: PolicySet, files: CaseFiles, c: GoldenCase, errors: readonly InputProblem[]): Diagnostic[] {
  const locator = files.locators.get(c.file);
  if (!locator) return [];
  return inputProblemDiagnostics(policy, locator, c.input, errors, ['cases', c.index, 'input'], (full) => ({ caseId: c.id, path: pathText(full) }));
}

/**
 * BL604 for each problem of `input`, found at `prefix` in the locator's text (`[]`: the whole
 * text is the input); `at` says how the message names the place.
 */
export function inputProblemDiagnostics(
  policy: PolicySet,
  locator: JsonLocator,
  input: unknown,
  errors: readonly InputProblem[],
  prefix: JsonPath,
  at: (full: JsonPath, e: InputProblem) => CaseAt,
  doc: JsonDocument = 'case-file',
): Diagnostic[] {
  return errors.map((e) => {
    const { path, exists } = inputPath(input, e.path);
    const about = inputAbout(policy, input, path, exists);
    const full = [...prefix, ...path];
    // An undeclared field: its key is the mistake, not its value.
    const span = locator.span(full, about.kind === 'unknown-field' && exists);
    return built('BL604', span, { ...at(full, e), problem: e.message, about, doc });
  });
}

/**
 * Prints the case files' problems and a last line saying no case ran (exit 2); false when there
 * were none and the cases can run.
 */
export function reportCaseFileProblems(ctx: CommandContext, files: CaseFiles, format: ErrorFormat): boolean {
  const n = files.diagnostics.length;
  if (n === 0) return false;
  printDiagnostics(ctx, files.diagnostics, files.sources, format);
  ctx.err(`error: malformed case file: ${n} error${n === 1 ? '' : 's'}; no case was run`);
  ctx.exit(EXIT.usage);
  return true;
}
