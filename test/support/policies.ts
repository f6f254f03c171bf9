import { expect } from 'vitest';
import { checkSet } from '../../src/checker/index.js';
import type { PolicySet } from '../../src/checker/program.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { loadPolicySet } from '../../src/modules/load.js';
import { memoryHost } from './memory-host.js';

export interface Checked {
  readonly policy: PolicySet | null;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Loads and checks in-memory files; `root` is the file or folder to load (default: the first file). */
export function checkFiles(files: Readonly<Record<string, string>>, root = Object.keys(files)[0]!): Checked {
  const loaded = loadPolicySet(root, { host: memoryHost(files) });
  if (!loaded.set) return { policy: null, diagnostics: loaded.diagnostics, sources: loaded.sources };
  const checked = checkSet(loaded.set, loaded.sources);
  return { policy: checked.set, diagnostics: [...loaded.diagnostics, ...checked.diagnostics], sources: loaded.sources };
}

/** A single-file policy using the real stdlib: the usual preamble plus `body`. */
export function policyWith(body: string, preamble = 'use moderation\ninput post: Post\ndefault allow\n'): string {
  return `${preamble}${body}`;
}

export function checkPolicy(body: string, options: { preamble?: string } = {}): Checked {
  return checkFiles({ 'fixture/policy.policy': policyWith(body, options.preamble) });
}

/** The policy must check clean of errors; returns it. */
export function compilePolicy(body: string, options: { preamble?: string } = {}): PolicySet {
  const checked = checkPolicy(body, options);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return checked.policy!;
}

/** The text a diagnostic underlines. */
export function underlined(d: Diagnostic, sources: ReadonlyMap<string, string>): string {
  return (sources.get(d.span.file) ?? '').slice(d.span.start.offset, d.span.end.offset);
}

/**
 * A policy with no error and a warning from each of the passes that find only warnings
 * (an unused context, a rule that never fires) and a rule that decides.
 */
export const WARNED_POLICY = `scale Action { allow < remove }
record Post { flag: bool, n: int }
input post: Post
default allow
context unused = post.flag
rule r when post.flag and not post.flag then remove because "never"
rule s when post.n > 1 then remove because "s"
`;
