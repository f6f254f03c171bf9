import { readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCase } from '../../src/cases/run-cases.js';
import { inputDiagnostics, readCaseTexts, reportCaseFileProblems } from '../../src/cli/case-files.js';
import { reportOutcomes } from '../../src/cli/commands/test.js';
import type { CommandContext } from '../../src/cli/io.js';
import { checkSet } from '../../src/checker/index.js';
import { sortDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { decideUnknown } from '../../src/interpreter/evaluate.js';
import { loadPolicy } from '../../src/load-policy.js';
import { loadPolicySet } from '../../src/modules/load.js';
import { diskHost, type SourceHost } from '../../src/modules/host.js';
import { memoryHost } from '../support/memory-host.js';

/**
 * Runs the bad policies of test/fixtures/ through the loader and the checker, the way
 * `bylaw check` does (same order of diagnostics), without vitest — so the script that renders
 * docs/diagnostics.md can use it too.
 *
 * A fixture is `test/fixtures/<CODE>-<slug>.policy` (checked as `example.policy`) or a folder
 * `test/fixtures/<CODE>-<slug>/` (checked as the policy set `example/`). Both use the real
 * stdlib, so `use moderation` works. A folder holding `example.cases.json` is a case file's
 * fixture (BL6xx): its `example.policy` is run on the cases as `bylaw test` runs them.
 */

export const FIXTURES = new URL('../fixtures/', import.meta.url);

export interface FixtureRun {
  /** The files as the checker saw them, by the path diagnostics name. */
  readonly files: Readonly<Record<string, string>>;
  /** What was checked: `example.policy` or `example`. */
  readonly root: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  /** A case file's fixture: the command run and all it prints, stdout and stderr as a terminal shows them. */
  readonly test?: { readonly command: string; readonly output: string };
}

/** The case file of a case file's fixture, and the policy it runs on. */
export const CASE_FILE = 'example/example.cases.json';
const CASE_POLICY = 'example/example.policy';

export interface FixtureOptions {
  /** Files of a folder fixture that exist but cannot be read (for BL106). */
  readonly unreadable?: readonly string[];
}

/** Every fixture name (without `.policy`), sorted. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => /^BL\d{3}-/.test(name))
    .map((name) => name.replace(/\.policy$/, ''))
    .sort();
}

/** The files of a fixture, keyed by the paths the checker is shown. */
export function fixtureFiles(name: string): { files: Record<string, string>; root: string } {
  const folder = new URL(`${name}/`, FIXTURES);
  if (isFolder(folder)) {
    const files: Record<string, string> = {};
    for (const file of readdirSync(folder).sort()) files[`example/${file}`] = readFileSync(new URL(file, folder), 'utf8');
    return { files, root: 'example' };
  }
  return { files: { 'example.policy': readFileSync(new URL(`${name}.policy`, FIXTURES), 'utf8') }, root: 'example.policy' };
}

export function runFixture(name: string, options: FixtureOptions = {}): FixtureRun {
  const { files, root } = fixtureFiles(name);
  const unreadable = new Set((options.unreadable ?? []).map((file) => `example/${file}`));
  const memory = fixtureHost(name, memoryHost(files));
  const host: SourceHost = unreadable.size === 0 ? memory : {
    ...memory,
    isFile: (path) => unreadable.has(path) || memory.isFile(path),
    readFile: (path) => (unreadable.has(path) ? null : memory.readFile(path)),
    readBytes: (path) => (unreadable.has(path) ? null : memory.readBytes!(path)),
    list: (path) => [...new Set([...memory.list(path), ...[...unreadable].filter((f) => f.startsWith(`${path}/`)).map((f) => f.slice(path.length + 1))])].sort(),
  };
  // The policy first, then the cases: the order the docs show them in.
  if (CASE_FILE in files) return { files: { [CASE_POLICY]: files[CASE_POLICY]!, ...files }, root: CASE_POLICY, ...runCaseFixture(files, host) };
  return { files, root, ...check(root, host) };
}

/**
 * `bylaw test example/example.policy --cases example/example.cases.json`, with the interpreter
 * alone: the case file's diagnostics, and what the command prints, from the command's own code.
 */
function runCaseFixture(files: Readonly<Record<string, string>>, host: SourceHost): Omit<FixtureRun, 'files' | 'root'> {
  const loaded = loadPolicy(CASE_POLICY, { host });
  const policy = loaded.policy;
  if (!policy) return { diagnostics: loaded.diagnostics, sources: loaded.sources };
  const read = readCaseTexts([{ file: CASE_FILE, text: files[CASE_FILE]! }], policy, 'example');
  const sources = new Map([...loaded.sources, ...read.sources]);
  const lines: string[] = [];
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const ctx: CommandContext = {
    io: { stdout: { write: () => true }, stderr: { write: () => true }, stdin: process.stdin, cwd: '.' },
    exit: () => {},
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
  };
  if (!reportCaseFileProblems(ctx, read, 'human')) {
    const outcomes = read.cases.map((c) => runCase(c, [{ name: 'interpreter', decideUnknown: (input) => decideUnknown(policy, input) }]));
    reportOutcomes(ctx, outcomes, { policy, files: read, format: 'human' });
    for (const o of outcomes) if (o.kind === 'invalid') diagnostics.push(...inputDiagnostics(policy, read, o.case, o.errors));
  }
  return { diagnostics: sortDiagnostics(diagnostics), sources, test: { command: `bylaw test ${CASE_POLICY} --cases ${CASE_FILE}`, output: lines.join('\n').trimEnd() } };
}


/**
 * The fixture's files as bytes, read as `bylaw check` reads them (BL009 is about bytes that are
 * not UTF-8, which the text of `fixtureFiles` has already replaced with U+FFFD).
 */
function fixtureHost(name: string, memory: SourceHost): SourceHost {
  const folder = new URL(`${name}/`, FIXTURES);
  const bytes = new Map<string, Uint8Array>();
  if (isFolder(folder)) for (const file of readdirSync(folder)) bytes.set(resolve(`example/${file}`), readFileSync(new URL(file, folder)));
  else bytes.set(resolve('example.policy'), readFileSync(new URL(`${name}.policy`, FIXTURES)));
  return {
    ...memory,
    readBytes: (path) => bytes.get(resolve(path)) ?? diskHost.readBytes!(path),
  };
}

/** Loads and checks `root` through `host`; diagnostics sorted as the CLI prints them. */
export function check(root: string, host: SourceHost): { diagnostics: Diagnostic[]; sources: ReadonlyMap<string, string> } {
  const loaded = loadPolicySet(root, { host });
  const diagnostics = [...loaded.diagnostics];
  if (loaded.set) diagnostics.push(...checkSet(loaded.set, loaded.sources).diagnostics);
  return { diagnostics: sortDiagnostics(diagnostics), sources: loaded.sources };
}

function isFolder(url: URL): boolean {
  try {
    return statSync(url).isDirectory();
  } catch {
    return false;
  }
}
