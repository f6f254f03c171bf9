/**
 * Every possible answer of a version, built once at load time as a frozen constant: `decide`
 * returns one of them, allocating nothing.
 *
 * - Bylaw 1 (one outcome, `action`): each answer is a frozen Decision `$D<v>_<i>`.
 * - Declared outcomes: each outcome's possible parts are a frozen array `$P<v>_<o>`; `decide`
 *   finds one index per outcome and `$outcomes<v>(…)` turns them into the Decision, each
 *   combination frozen once, on first use, in a table (up to COMBINATIONS of them; a version
 *   with more builds a fresh frozen Decision for each call).
 */
import type { Program } from '../checker/program.js';
import { isoDuration } from '../semantics/durations.js';
import type { Answer, OutcomePlan } from '../semantics/plan.js';
import { ts, type Writer } from './emit.js';
import { internal, jsNumber, jsString, propertyKey } from './names.js';
import type { RuntimeUse } from './runtime.js';

/** The most combinations of outcome parts a version keeps in its table. */
const COMBINATIONS = 4096;

/** A possible answer of one outcome. */
export interface DecisionConstant {
  /** Bylaw 1: its name (`$D<v>_<i>`). Declared outcomes: `$P<v>_<o>[i]`. */
  readonly constant: string;
  /** Its position among the outcome's answers: the default is 0. */
  readonly index: number;
  readonly answer: Answer;
}

/** One outcome's answers, in a fixed order: the default, then red lines, then each rule with its exemptions. */
export class OutcomeAnswers {
  readonly constants: DecisionConstant[] = [];
  readonly defaultConstant: DecisionConstant;
  /** The array of parts (declared outcomes), `$P<v>_<o>`. */
  readonly parts: string;
  private readonly constantOf = new Map<Answer, DecisionConstant>();

  constructor(
    program: Program,
    private readonly version: number,
    readonly plan: OutcomePlan,
    private readonly several: boolean,
  ) {
    this.parts = internal(`P${version}_${plan.index}`);
    this.defaultConstant = this.add(plan.fallback);
    const byClause = new Map(plan.contributions.map((c) => [c.clause, c]));
    for (const clause of [...program.redlines, ...program.rules]) {
      const c = byClause.get(clause);
      if (!c) continue;
      this.add(c.answer);
      for (const x of c.exempted) this.add(x.answer);
    }
  }

  private add(answer: Answer): DecisionConstant {
    const index = this.constants.length;
    const constant = this.several ? `${this.parts}[${index}]` : internal(`D${this.version}_${index}`);
    const c: DecisionConstant = { constant, index, answer };
    this.constants.push(c);
    this.constantOf.set(answer, c);
    return c;
  }

  of(answer: Answer): DecisionConstant {
    return this.constantOf.get(answer)!;
  }
}

/**
 * The frozen constants of a Bylaw 1 version: one Decision per answer. `mixed`: other versions of
 * the set declare outcomes, so `Decision` is a union and these are its flat member.
 */
export function emitDecisions(w: Writer, runtime: RuntimeUse, answers: OutcomeAnswers, version: string, mixed: boolean): void {
  const frozen = runtime.use('frozenDecision');
  const type = mixed ? 'Extract<Decision, { readonly action: string }>' : 'Decision';
  for (const { constant, answer } of answers.constants) {
    const fields = [
      `action: ${jsString(answer.action)}`,
      `basis: ${jsString(answer.basis)}`,
      `clause: ${answer.clause === null ? 'null' : jsString(answer.clause)}`,
      `exemption: ${answer.exemption === null ? 'null' : jsString(answer.exemption)}`,
      `version: ${version}`,
      `because: [${answer.because.map(jsString).join(', ')}]`,
    ];
    w.line(`const ${constant} = ${frozen}${ts(`<${type}>`)}({ ${fields.join(', ')} });`);
  }
}

/**
 * The parts of a version with declared outcomes and `combine`: the function from one index per
 * outcome to the Decision. `partTypes`: each outcome's part type (`ContentDecision`).
 */
export function emitOutcomes(
  w: Writer,
  runtime: RuntimeUse,
  program: Program,
  outcomes: readonly OutcomeAnswers[],
  partTypes: readonly string[],
  combine: string,
  index: number,
): void {
  const frozen = runtime.use('frozenPart');
  outcomes.forEach((o, k) => {
    w.line(`const ${o.parts}${ts(`: readonly ${partTypes[k]}[]`)} = [`);
    w.indent(() => {
      for (const { answer } of o.constants) {
        const fields = [
          `action: ${jsString(answer.action)}`,
          ...(answer.duration ? [`duration: ${jsString(isoDuration(answer.duration))}`] : []),
          `basis: ${jsString(answer.basis)}`,
          `clause: ${answer.clause === null ? 'null' : jsString(answer.clause)}`,
          `exemption: ${answer.exemption === null ? 'null' : jsString(answer.exemption)}`,
          `because: [${answer.because.map(jsString).join(', ')}]`,
        ];
        w.line(`${frozen}${ts(`<${partTypes[k]}>`)}({ ${fields.join(', ')} }),`);
      }
    });
    w.line('];');
  });
  const params = outcomes.map((_, k) => `$a${k}`);
  const parts = outcomes.map((o, k) => `${propertyKey(program.outcomes[k]!.name)}: ${o.parts}[$a${k}]${ts('!')}`);
  const build = `${runtime.use('frozenOutcomes')}(${jsString(program.version)}, { ${parts.join(', ')} })`;
  const total = outcomes.reduce((n, o) => n * o.constants.length, 1);
  const table = internal(`C${index}`);
  if (total <= COMBINATIONS) w.line(`const ${table} = new Array${ts('<Decision | undefined>')}(${jsNumber(total)});`);
  w.block(`function ${combine}(${params.map((p) => `${p}${ts(': number')}`).join(', ')})${ts(': Decision')} {`, () => {
    if (total > COMBINATIONS) {
      w.line(`return ${build};`);
      return;
    }
    // Mixed radix: the last outcome varies fastest.
    let key = '$a0';
    for (let k = 1; k < outcomes.length; k++) key = `${k === 1 ? key : `(${key})`} * ${outcomes[k]!.constants.length} + $a${k}`;
    w.line(`const $k = ${key};`);
    w.line(`return ${table}[$k] ?? (${table}[$k] = ${build});`);
  });
}
