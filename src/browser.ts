/**
 * The toolchain for a web page: the same loader, checker, interpreter, compiler, diff and
 * formatter the CLI uses, over files held in memory. Nothing here (or below it) reads the disk or
 * the process; the path algebra is `node:path`'s, which a bundler maps to a POSIX implementation.
 * The formatter needs nothing more: prettier's package gives bundlers its standalone build.
 */
import { dirname, resolve } from 'node:path';
import { checkLoaded, type LoadedPolicy } from './check-loaded.js';
import type { SourceHost } from './modules/host.js';
import { loadWith } from './modules/loader.js';

export type { LoadedPolicy };
export { renderDiff, type DiffFormat } from './analysis/diff-report.js';
export { semanticDiff, undated } from './analysis/diff.js';
export { BudgetExceeded } from './logic/index.js';
export type { EnumType, PolicySet, Program, RecordType, Type } from './checker/program.js';
export { generate } from './compiler/index.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export { formatPolicy, type FormatResult } from './format/format.js';
export { decideUnknown, explain } from './interpreter/index.js';
export { exportMappingOf, noticeOfReasons, statementOfReasons } from './interpreter/statements.js';
export type { Statement } from './statements/build.js';
export type { Deployment } from './statements/deployment.js';
export { factsFromInput } from './statements/input-facts.js';
export type { Notice } from './statements/notice.js';
export { StatementError } from './statements/problems.js';
export { outcomeParts, type AnyDecision, type Basis, type Decision, type OutcomeDecision } from './semantics/decision.js';
export { InvalidInputError, NoVersionInForceError } from './semantics/errors.js';
export { describeDuration, parseDuration } from './statements/dates.js';
export { renderExplanation, type ClauseTrace, type ConditionTrace, type Explanation, type SourceRef } from './semantics/explanation.js';

/** The folder of the in-memory tree that paths are shown relative to: `twitter/rules.policy`. */
const ROOT = '/';

/**
 * A read-only SourceHost over `files`, keyed by path relative to the tree's root
 * (`twitter/rules.policy`, `stdlib/moderation.policy`). Folders are the files' ancestors.
 */
export function memoryHost(files: ReadonlyMap<string, string>): SourceHost {
  const byPath = new Map([...files].map(([path, text]) => [resolve(ROOT, path), text]));
  const children = new Map<string, Set<string>>();
  for (const path of byPath.keys()) {
    for (let child = path, parent = dirname(child); child !== parent; child = parent, parent = dirname(child)) {
      const names = children.get(parent) ?? new Set<string>();
      names.add(child.slice(parent === '/' ? 1 : parent.length + 1));
      children.set(parent, names);
    }
  }
  return {
    readFile: (path) => byPath.get(resolve(ROOT, path)) ?? null,
    isFile: (path) => byPath.has(resolve(ROOT, path)),
    isDirectory: (path) => children.has(resolve(ROOT, path)),
    list: (path) => [...(children.get(resolve(ROOT, path)) ?? [])].sort(),
  };
}

/**
 * Loads and checks `root` (a folder of `files` is a policy set, a file a lone policy) as
 * `bylaw check` would: modules are found beside the file and in `stdlib/` folders above it.
 */
export function loadFromMemory(root: string, files: ReadonlyMap<string, string>): LoadedPolicy {
  return checkLoaded(loadWith(root, { host: memoryHost(files), libraryPaths: [], cwd: ROOT }));
}
