import type { CheckedClause, Condition, PolicySet, Program } from '../checker/program.js';
import type { Span } from '../diagnostics/span.js';
import {
  explainVersion,
  quantifierTrace,
  sourceRef as ref,
  traceAnd,
  traceContext,
  traceNot,
  traceOr,
  traceTest,
  withQuantifiers,
  type ExplainMeta,
} from '../runtime/explain.js';
import type { ConditionTrace, Explanation, SourceRef } from '../runtime/types.js';
import { decide } from '../semantics/decision.js';
import { InvalidInputError } from '../semantics/errors.js';
import { planSet, type VersionPlan } from '../semantics/plan.js';
import { clauseQuantifiers } from '../semantics/quantifiers.js';
import { ConditionEvaluator, type Input } from './conditions.js';
import { contextsOf, evaluatorFor, holdsOf, prepare } from './evaluate.js';

/** The full trace of a decision: every clause, whether it fired, and why not. */
export function explain(set: PolicySet, input: unknown): Explanation {
  const prepared = prepare(set, input);
  if (!prepared.ok) throw prepared.noVersion ?? new InvalidInputError(prepared.errors);
  return explainProgram(set, prepared.program, prepared.input);
}

export function explainProgram(set: PolicySet, program: Program, input: Input): Explanation {
  const plan = planSet(set).versions[set.versions.indexOf(program)]!;
  const contexts = contextsOf(program);
  const evaluator = evaluatorFor(program, input);
  const decision = decide(plan, holdsOf(evaluator));
  const tracer = new Tracer(evaluator, contexts, set.sources);
  const clauses = clausesOf(program);
  const explanation = explainVersion(
    metaOf(plan),
    decision,
    clauses.map((c) => tracer.trace(c.when)),
    clauses.map((c) => (c.unless ? tracer.trace(c.unless) : null)),
  );
  // Which elements each quantifier a clause reads matched (none read: the trace is Bylaw 1's).
  const quantifiers = clauses.map((c) =>
    clauseQuantifiers(program, c).map((q) =>
      quantifierTrace(tracer.text(q.span), sourceRef(q.span), evaluator.collection(q).length, evaluator.matched(q)),
    ),
  );
  return quantifiers.some((q) => q.length > 0) ? withQuantifiers(explanation, quantifiers) : explanation;
}

const clausesOf = (program: Program): CheckedClause[] => [...program.redlines, ...program.rules, ...program.exemptions];

const metas = new WeakMap<VersionPlan, ExplainMeta>();

/** What the runtime's `explainVersion` needs of a version (a generated module has the same table). */
function metaOf(plan: VersionPlan): ExplainMeta {
  let meta = metas.get(plan);
  if (!meta) {
    const { program } = plan;
    const clauses = clausesOf(program);
    meta = {
      version: program.version,
      effective: program.effective,
      file: program.file,
      redlines: program.redlines.length,
      rules: program.rules.length,
      kinds: clauses.map((c) => c.kind),
      names: clauses.map((c) => c.name),
      actions: clauses.map((c) => c.action),
      at: clauses.map((c) => sourceRef(c.nameSpan)),
      because: clauses.map((c) => c.because),
      preference: program.rules.map((rule) => plan.preference.get(rule.name) ?? []),
    };
    metas.set(plan, meta);
  }
  return meta;
}

export function sourceRef(span: Span): SourceRef {
  return ref(span.file, span.start.line, span.start.column, span.end.line, span.end.column);
}

/** Builds condition traces with every node evaluated; contexts show their body as the only child. */
class Tracer {
  constructor(
    private readonly evaluator: ConditionEvaluator,
    private readonly contexts: ReadonlyMap<string, Condition>,
    private readonly sources: ReadonlyMap<string, string>,
  ) {}

  trace(c: Condition): ConditionTrace {
    const at = sourceRef(c.span);
    switch (c.kind) {
      case 'and':
      case 'or': {
        const children = c.operands.map((o) => this.trace(o));
        return (c.kind === 'and' ? traceAnd : traceOr)(this.text(c.span), at, children);
      }
      case 'not':
        return traceNot(this.text(c.span), at, this.trace(c.operand));
      case 'context':
        return traceContext(c.name, at, this.trace(this.contexts.get(c.name)!));
      default:
        return traceTest(this.text(c.span), this.evaluator.evaluate(c), at);
    }
  }

  text(span: Span): string {
    const source = this.sources.get(span.file);
    return source === undefined ? '' : source.slice(span.start.offset, span.end.offset).replace(/\s+/g, ' ');
  }
}
