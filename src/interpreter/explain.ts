import type { CheckedClause, CheckedExemption, Condition, PolicySet, Program } from '../checker/program.js';
import type { Span } from '../diagnostics/span.js';
import { applicableExemption, combine } from '../semantics/decision.js';
import { InvalidInputError } from '../semantics/errors.js';
import { notFiredReason, type ClauseTrace, type ConditionTrace, type Explanation, type SourceRef } from '../semantics/explanation.js';
import { ConditionEvaluator, type Input } from './conditions.js';
import { contextsOf, firings, prepare } from './evaluate.js';

/** The full trace of a decision: every clause, whether it fired, and why not. */
export function explain(set: PolicySet, input: unknown): Explanation {
  const prepared = prepare(set, input);
  if (!prepared.ok) throw prepared.noVersion ?? new InvalidInputError(prepared.errors);
  return explainProgram(set, prepared.program, prepared.input);
}

export function explainProgram(set: PolicySet, program: Program, input: Input): Explanation {
  const contexts = contextsOf(program);
  const evaluator = new ConditionEvaluator(input, contexts);
  const fired = firings(program, evaluator);
  const decision = combine(program, fired);
  const tracer = new Tracer(evaluator, contexts, set.sources);

  const exemptedBy = new Map<string, string>();
  const appliedTo = new Map<string, string[]>(program.exemptions.map((e) => [e.name, []]));
  program.rules.forEach((rule, i) => {
    if (!fired.rules[i]) return;
    const e = applicableExemption(program, rule.name, fired.exemptions);
    if (e < 0) return;
    const exemption = program.exemptions[e]!;
    exemptedBy.set(rule.name, exemption.name);
    appliedTo.get(exemption.name)!.push(rule.name);
  });

  const trace = (clause: CheckedClause): ClauseTrace => {
    const when = tracer.trace(clause.when);
    const unless = clause.unless ? tracer.trace(clause.unless) : null;
    const holds = when.value && !(unless?.value ?? false);
    const applied = appliedTo.get(clause.name) ?? [];
    const isExemption = clause.kind === 'exemption';
    const firedNow = isExemption ? applied.length > 0 : holds;
    let reason = notFiredReason(when, unless);
    if (isExemption && holds && !firedNow) {
      const rulesFired = program.rules.filter((r, i) => fired.rules[i] && (clause as CheckedExemption).from.includes(r.name));
      reason = rulesFired.length === 0 ? 'none of the rules it exempts fired' : 'a less severe exemption applied to each rule it names';
    }
    return {
      kind: clause.kind,
      name: clause.name,
      action: clause.action,
      at: sourceRef(clause.nameSpan),
      when,
      unless,
      holds,
      fired: firedNow,
      reason: firedNow ? null : reason,
      exemptedBy: exemptedBy.get(clause.name) ?? null,
      appliedTo: applied,
      because: clause.because,
    };
  };
  return {
    decision,
    version: { version: program.version, effective: program.effective, file: program.file },
    clauses: [...program.redlines.map(trace), ...program.rules.map(trace), ...program.exemptions.map(trace)],
  };
}

export function sourceRef(span: Span): SourceRef {
  return { file: span.file, line: span.start.line, column: span.start.column, endLine: span.end.line, endColumn: span.end.column };
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
        const value = c.kind === 'and' ? children.every((t) => t.value) : children.some((t) => t.value);
        return { kind: c.kind, text: this.text(c.span), value, at, children };
      }
      case 'not': {
        const child = this.trace(c.operand);
        return { kind: 'not', text: this.text(c.span), value: !child.value, at, children: [child] };
      }
      case 'context': {
        const body = this.trace(this.contexts.get(c.name)!);
        return { kind: 'context', text: c.name, value: body.value, at, children: [body] };
      }
      default:
        return { kind: 'test', text: this.text(c.span), value: this.evaluator.evaluate(c), at, children: [] };
    }
  }

  private text(span: Span): string {
    const source = this.sources.get(span.file);
    return source === undefined ? '' : source.slice(span.start.offset, span.end.offset).replace(/\s+/g, ' ');
  }
}
