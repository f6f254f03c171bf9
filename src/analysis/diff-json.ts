import { describeOutcome } from './diff-describe.js';
import { jsonCount, split, unrealisedCount, type DiffLabels } from './diff-layout.js';
import type { AnyDecision } from '../semantics/decision.js';
import type { InputProblem } from '../semantics/validate.js';
import type { SemanticDiff } from './diff-types.js';
import { hasChanges } from './diff.js';

/** The JSON form of a semantic diff: everything, for tools (the shape is documented in docs/reviewing.md). */

export function diffToJson(diff: SemanticDiff, labels: DiffLabels): unknown {
  const groupOf = new Map<number, string>();
  for (const g of diff.groups) for (const i of g.regions) groupOf.set(i, g.id);
  // A side that rejects the example: why, instead of a decision.
  const decision = (d: AnyDecision | null, rejected: readonly InputProblem[] | undefined) => (rejected ? { rejected } : d);
  // Only where outcomes are named (Bylaw 2): a Bylaw 1 diff keeps its shape.
  const outcome = (x: { readonly outcome?: string }) => (x.outcome !== undefined ? { outcome: x.outcome } : {});
  const { action, basis } = split(diff);
  return {
    before: labels.before,
    after: labels.after,
    changes: diff.regions.map((r, i) => ({
      ...outcome(r),
      region: r.text,
      constraints: r.constraints,
      transition: { before: describeOutcome(r.before), after: describeOutcome(r.after) },
      decidedBy: { before: r.outcomesBefore, after: r.outcomesAfter },
      example: r.example,
      ...(r.exampleBefore ? { exampleBefore: r.exampleBefore } : {}),
      before: decision(r.beforeDecision, r.rejectedBefore),
      after: decision(r.afterDecision, r.rejectedAfter),
      points: jsonCount(r.points),
      ...(r.verified ? {} : { verified: false }),
      ...(r.unrealised ? { unrealised: r.unrealised } : {}),
      cause: r.causes.map((c) => ({ edits: c.edits, together: c.together, points: jsonCount(c.points) })),
      group: groupOf.get(i)!,
    })),
    edits: diff.edits.map((e) => ({ ...e, points: jsonCount(e.points) })),
    attribution: diff.attribution,
    groups: diff.groups.map((g) => ({
      id: g.id,
      kind: g.kind,
      cause: g.cause,
      ...outcome(g),
      transition: { before: describeOutcome(g.before), after: describeOutcome(g.after) },
      changes: g.regions,
      points: jsonCount(g.points),
      shared: g.shared,
    })),
    inputTypes: diff.inputTypes,
    clauses: diff.textual.clauses,
    contexts: diff.textual.contexts,
    versions: diff.textual.versions,
    default: diff.textual.defaultAction,
    summary: {
      changed: hasChanges(diff),
      regions: diff.regions.length,
      changedPoints: jsonCount(diff.changedPoints),
      totalPoints: jsonCount(diff.totalPoints),
      actionChanges: { regions: action.regions, points: jsonCount(action.points) },
      basisChanges: { regions: basis.regions, points: jsonCount(basis.points) },
      exact: diff.exact,
      ...(diff.exact ? {} : { inexact: diff.inexact }),
      ...(unrealisedCount(diff) > 0 ? { unrealised: unrealisedCount(diff) } : {}),
      ...(diff.outcomes ? { outcomes: diff.outcomes } : {}),
      transitions: diff.transitions.map((t) => ({
        ...outcome(t),
        before: describeOutcome(t.before),
        after: describeOutcome(t.after),
        regions: t.regions,
        points: jsonCount(t.points),
      })),
      model: diff.model.vars.map((v) => ({ field: v.key, classes: v.classes.length })),
    },
  };
}
