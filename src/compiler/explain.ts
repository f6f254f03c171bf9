/**
 * `explain`: the same trace the interpreter builds (src/interpreter/explain.ts), from generated
 * code. Every condition node becomes a call that builds its ConditionTrace (every node is
 * evaluated, no short cut); condition texts and source positions are constants taken from the
 * policy sources at compile time. What fired, what each exemption applied to and why a clause
 * did not fire is worked out by the runtime's `explainVersion` (src/runtime/explain.ts), the
 * interpreter's too, from per-version tables.
 */
import type { CheckedClause, Condition, PolicySet, Program } from '../checker/program.js';
import type { Span } from '../diagnostics/span.js';
import type { VersionPlan } from '../semantics/plan.js';
import { clauseQuantifiers } from '../semantics/quantifiers.js';
import { leaf } from './conditions.js';
import { ts, type Writer } from './emit.js';
import { internal, jsString } from './names.js';
import { PlainEnv, type QuantifierCode } from './quantifiers.js';
import type { RuntimeUse } from './runtime.js';
import { Scope } from './scope.js';

/** Trace functions shared by every version (a module's clauses are traced by the same code). */
export class TraceCode {
  private readonly functions: string[][] = [];
  private readonly byBody = new Map<string, string>();
  private readonly files: string[] = [];

  constructor(
    private readonly set: PolicySet,
    private readonly runtime: RuntimeUse,
    readonly quantifiers: QuantifierCode,
  ) {}

  /** Plain reads of a version's input (explanations evaluate every condition, in no hurry). */
  plain(program: Program): PlainEnv {
    return new PlainEnv(Scope.of(program), this.quantifiers);
  }

  /** The index of a file in `$FILES`. */
  file(name: string): number {
    let i = this.files.indexOf(name);
    if (i < 0) {
      i = this.files.length;
      this.files.push(name);
    }
    return i;
  }

  at(span: Span): string {
    const file = `${internal('FILES')}[${this.file(span.file)}]${ts('!')}`;
    return `${this.runtime.use('sourceRef')}(${file}, ${span.start.line}, ${span.start.column}, ${span.end.line}, ${span.end.column})`;
  }

  /** The source text of a span, whitespace collapsed, as the interpreter shows it. */
  text(span: Span): string {
    const source = this.set.sources.get(span.file);
    return source === undefined ? '' : source.slice(span.start.offset, span.end.offset).replace(/\s+/g, ' ');
  }

  /** Trace function names by condition object and input type: a context used 10,000 times is traced once. */
  private readonly byCondition = new WeakMap<Condition, Map<string, string>>();
  /** Each program's context bodies by name (a linear `find` per reference made chains quadratic). */
  private readonly contextBodies = new WeakMap<Program, Map<string, Condition>>();

  /** A function `(input) => ConditionTrace` for a condition; identical code is emitted once. */
  traceFunction(c: Condition, program: Program, inputType: string): string {
    let byType = this.byCondition.get(c);
    if (!byType) this.byCondition.set(c, (byType = new Map()));
    const traced = byType.get(inputType);
    if (traced !== undefined) return traced;
    const name = this.newTraceFunction(c, program, inputType);
    byType.set(inputType, name);
    return name;
  }

  contextBody(program: Program, name: string): Condition {
    let bodies = this.contextBodies.get(program);
    if (!bodies) this.contextBodies.set(program, (bodies = new Map(program.contexts.map((x) => [x.name, x.body]))));
    return bodies.get(name)!;
  }

  private newTraceFunction(c: Condition, program: Program, inputType: string): string {
    const body = this.trace(c, program, inputType);
    const key = `${inputType}\n${body}`;
    const known = this.byBody.get(key);
    if (known) return known;
    const name = internal(`t${this.functions.length}`);
    this.byBody.set(key, name);
    this.functions.push([
      `function ${name}(input${ts(`: ${inputType}`)})${ts(`: ${this.runtime.use('ConditionTrace')}`)} {`,
      `  return ${body};`,
      `}`,
    ]);
    return name;
  }

  private trace(c: Condition, program: Program, inputType: string): string {
    const at = this.at(c.span);
    switch (c.kind) {
      case 'and':
      case 'or': {
        const children = c.operands.map((o) => this.trace(o, program, inputType));
        const fn = this.runtime.use(c.kind === 'and' ? 'traceAnd' : 'traceOr');
        return `${fn}(${jsString(this.text(c.span))}, ${at}, [${children.join(', ')}])`;
      }
      case 'not':
        return `${this.runtime.use('traceNot')}(${jsString(this.text(c.span))}, ${at}, ${this.trace(c.operand, program, inputType)})`;
      case 'context': {
        const body = this.contextBody(program, c.name);
        return `${this.runtime.use('traceContext')}(${jsString(c.name)}, ${at}, ${this.traceFunction(body, program, inputType)}(input))`;
      }
      default:
        return `${this.runtime.use('traceTest')}(${jsString(this.text(c.span))}, ${leaf(c, this.plain(program)).code}, ${at})`;
    }
  }

  emitFiles(w: Writer): void {
    w.line(`const ${internal('FILES')} = [${this.files.map(jsString).join(', ')}];`);
  }

  emitFunctions(w: Writer): void {
    for (const f of this.functions) {
      w.lines_(f);
      w.line();
    }
  }
}

/** Per-version tables and the version's `explain`. */
export function emitVersionExplain(
  w: Writer,
  traces: TraceCode,
  runtime: RuntimeUse,
  plan: VersionPlan,
  index: number,
  inputType: string,
  decideFn: string,
): void {
  const { program } = plan;
  const clauses: readonly CheckedClause[] = [...program.redlines, ...program.rules, ...program.exemptions];
  // Contexts first, in dependency order: a clause's trace then finds every context it reads already
  // traced, instead of recursing down a chain of 1,000 contexts.
  for (const name of readContexts(program, clauses)) traces.traceFunction(traces.contextBody(program, name), program, inputType);
  const whens = clauses.map((c) => `${traces.traceFunction(c.when, program, inputType)}(input)`);
  const unlesses = clauses.map((c) => (c.unless ? `${traces.traceFunction(c.unless, program, inputType)}(input)` : 'null'));
  const meta = internal(`meta${index}`);
  w.block(`const ${meta}${ts(`: ${runtime.use('ExplainMeta')}`)} = {`, () => {
    w.line(`version: ${jsString(program.version)},`);
    w.line(`effective: ${program.effective === null ? 'null' : jsString(program.effective)},`);
    w.line(`file: ${jsString(program.file)},`);
    w.line(`redlines: ${program.redlines.length},`);
    w.line(`rules: ${program.rules.length},`);
    w.line(`kinds: [${clauses.map((c) => jsString(c.kind)).join(', ')}],`);
    w.line(`names: [${clauses.map((c) => jsString(c.name)).join(', ')}],`);
    w.line(`actions: [${clauses.map((c) => jsString(c.action)).join(', ')}],`);
    w.line(`at: [${clauses.map((c) => traces.at(c.nameSpan)).join(', ')}],`);
    w.line(`because: [${clauses.map((c) => (c.because === null ? 'null' : jsString(c.because))).join(', ')}],`);
    w.line(`preference: [${preferenceOf(plan).map((list) => `[${list.join(', ')}]`).join(', ')}],`);
  }, '};');
  const quantified = quantifierTraces(traces, runtime, program, clauses);
  w.block(`function ${internal(`explain${index}`)}(input${ts(`: ${inputType}`)})${ts(': Explanation')} {`, () => {
    if (quantified === null) {
      w.line(`return ${runtime.use('explainVersion')}(${meta}, ${decideFn}(input), [`);
    } else {
      w.line(`const explanation = ${runtime.use('explainVersion')}(${meta}, ${decideFn}(input), [`);
    }
    w.indent(() => whens.forEach((x) => w.line(`${x},`)));
    w.line(`], [`);
    w.indent(() => unlesses.forEach((x) => w.line(`${x},`)));
    if (quantified === null) {
      w.line(`])${ts(' as Explanation')};`);
      return;
    }
    w.line(']);');
    // Which elements each quantifier a clause reads matched, as the interpreter reports them.
    w.line(`return ${runtime.use('withQuantifiers')}(explanation, [`);
    w.indent(() => quantified.forEach((list) => w.line(`[${list.join(', ')}],`)));
    w.line(`])${ts(' as Explanation')};`);
  });
}

/** Per clause, the calls building its quantifier traces (src/semantics/quantifiers.ts); null when no clause has any. */
function quantifierTraces(traces: TraceCode, runtime: RuntimeUse, program: Program, clauses: readonly CheckedClause[]): string[][] | null {
  const lists = clauses.map((c) => clauseQuantifiers(program, c));
  if (lists.every((l) => l.length === 0)) return null;
  const env = traces.plain(program);
  return lists.map((list) =>
    list.map((q) => {
      const items = env.read(q.collection);
      const of = env.absent(q.collection) ? `(${items}?.length ?? 0)` : `${items}.length`;
      const matched = traces.quantifiers.call(q, 'match', env).code;
      return `${runtime.use('quantifierTrace')}(${jsString(traces.text(q.span))}, ${traces.at(q.span)}, ${of}, ${matched})`;
    }),
  );
}

/** For each rule, the exemptions naming it (indices) in its order of preference: the plan's. */
export function preferenceOf(plan: VersionPlan): number[][] {
  return plan.program.rules.map((rule) => [...(plan.preference.get(rule.name) ?? [])]);
}

/** The contexts some clause reads (directly or through other contexts), in dependency order. */
function readContexts(program: Program, clauses: readonly CheckedClause[]): string[] {
  const bodies = new Map(program.contexts.map((c) => [c.name, c.body]));
  const read = new Set<string>();
  const pending: Condition[] = clauses.flatMap((c) => (c.unless ? [c.when, c.unless] : [c.when]));
  for (let c = pending.pop(); c !== undefined; c = pending.pop()) {
    if (c.kind === 'context') {
      if (!read.has(c.name)) {
        read.add(c.name);
        pending.push(bodies.get(c.name)!);
      }
    } else if (c.kind === 'not') pending.push(c.operand);
    else if (c.kind === 'and' || c.kind === 'or') pending.push(...c.operands);
  }
  return program.contexts.filter((c) => read.has(c.name)).map((c) => c.name);
}
