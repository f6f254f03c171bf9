import type { Condition, Operand, Value } from '../checker/program.js';
import { compare } from '../semantics/compare.js';

export type Input = Readonly<Record<string, unknown>>;

/** Reads a field of a validated input. */
export function readPath(input: Input, path: readonly string[]): unknown {
  let value: unknown = input;
  for (const key of path) value = (value as Input)[key];
  return value;
}

function operandValue(operand: Operand, input: Input): Value {
  return operand.kind === 'literal' ? operand.value : (readPath(input, operand.path) as Value);
}

/**
 * Evaluates conditions against one input, each context at most once. `evaluate` short-cuts
 * (for decisions); the tracer in explain.ts evaluates every node.
 */
export class ConditionEvaluator {
  private readonly contextValues = new Map<string, boolean>();

  constructor(
    private readonly input: Input,
    private readonly contexts: ReadonlyMap<string, Condition>,
  ) {}

  evaluate(c: Condition): boolean {
    switch (c.kind) {
      case 'const':
        return c.value;
      case 'field':
        return readPath(this.input, c.path) === true;
      case 'context':
        return this.context(c.name);
      case 'not':
        return !this.evaluate(c.operand);
      case 'and':
        return c.operands.every((o) => this.evaluate(o));
      case 'or':
        return c.operands.some((o) => this.evaluate(o));
      case 'compare':
        return compare(c.op, operandValue(c.left, this.input), operandValue(c.right, this.input));
      case 'in':
        return c.values.includes(operandValue(c.operand, this.input)) !== c.negated;
      case 'has':
        return (readPath(this.input, c.path) as readonly string[]).includes(c.member);
    }
  }

  context(name: string): boolean {
    let value = this.contextValues.get(name);
    if (value === undefined) {
      value = this.evaluate(this.contexts.get(name)!);
      this.contextValues.set(name, value);
    }
    return value;
  }
}
