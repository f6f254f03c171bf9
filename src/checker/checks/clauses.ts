import type * as A from '../../ast/nodes.js';
import type { DiagnosticBag } from '../../diagnostics/codes.js';
import { durationHours } from '../../semantics/durations.js';
import type { Outcomes } from '../outcomes.js';
import { actionText } from '../outcomes.js';
import type { ActionRef, CheckedClause, CheckedExemption } from '../program.js';
import type { RecordReference } from '../references.js';
import { KIND_WORDS, type Scope } from '../scope.js';

/** A clause without `because` cannot explain itself in an appeal. */
export function checkBecause(decl: A.ClauseDecl, bag: DiagnosticBag): void {
  if (decl.because === null) {
    bag.emit('BL404', decl.name.span, { kind: decl.kind, clause: decl.name.name });
  }
}

/**
 * An exemption's `from` list names rules (never red lines), and its action is no more
 * severe than any rule it exempts — an exemption can soften a rule, never harden it.
 */
export function checkExemptionTargets(
  decl: A.ExemptionDecl,
  exemption: CheckedExemption,
  rules: ReadonlyMap<string, CheckedClause>,
  scope: Scope,
  outcomes: Outcomes,
  bag: DiagnosticBag,
  resolved?: RecordReference,
): void {
  const seen = new Set<string>();
  // `from every rule`: each rule of the version, located at `every rule`.
  const every = decl.everyRule;
  const names = every ? exemption.from.map((n) => ({ name: n, span: every.span })) : decl.from;
  for (const name of names) {
    if (seen.has(name.name)) {
      bag.emit('BL405', name.span, { name: name.name, in: { list: true } });
      continue;
    }
    seen.add(name.name);
    const symbol = scope.symbols.get(name.name);
    if (symbol && !every) resolved?.(name.span, symbol.kind, symbol.decl.name.span);
    if (symbol?.kind === 'redline') {
      bag.emit('BL301', name.span, { exemption: decl.name.name, redline: name.name, declared: symbol.decl.name.span });
      continue;
    }
    const rule = rules.get(name.name);
    if (!rule && symbol?.kind === 'rule') continue; // the rule itself had errors, already reported
    if (!rule) {
      bag.emit('BL302', name.span, { name: name.name, is: symbol ? KIND_WORDS[symbol.kind] : null, context: symbol?.kind === 'context', rules: rules.keys() });
      continue;
    }
    for (const mine of exemption.actions) {
      const theirs = rule.actions.find((a) => a.outcome === mine.outcome);
      if (!theirs || !moreSevere(mine, theirs)) continue;
      const outcome = outcomes.list[mine.outcome]!;
      bag.emit('BL303', decl.actions.find((a) => a.member.name === mine.member)?.span ?? decl.span, {
        exemption: decl.name.name,
        mine: actionText(mine),
        rule: rule.name,
        theirs: actionText(theirs),
        outcome: outcomes.declared ? outcome.name : null,
        scale: outcome.scale.members,
        ruleDeclared: rule.nameSpan,
      });
    }
  }
}

/** Severity on one scale: rank, then length (LANGUAGE-2 §2). */
function moreSevere(a: ActionRef, b: ActionRef): boolean {
  if (a.rank !== b.rank) return a.rank > b.rank;
  return (a.duration ? durationHours(a.duration) : 0) > (b.duration ? durationHours(b.duration) : 0);
}
