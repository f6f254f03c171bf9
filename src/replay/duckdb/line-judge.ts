/**
 * The JS replay's verdict on one line, for the lines DuckDB does not decide itself (see
 * json-lines.ts): the very code of `bylaw replay` (`processChunk`: JSON.parse, the `id`,
 * validation, the version in force, the messages), deciding with the interpreter.
 */
import { processChunk, type Decider } from '../chunk.js';
import type { PolicySet } from '../../checker/program.js';
import { decideUnknown } from '../../interpreter/evaluate.js';
import type { AnyDecision } from '../../semantics/decision.js';

export type Judged =
  | {
      readonly ok: true;
      readonly decision: AnyDecision;
      /** Under the policy compared against; null when it rejects the line. */
      readonly against: AnyDecision | null;
      /** How the JS replay names the post in examples when it has an `id`; null otherwise. */
      readonly example: string | null;
    }
  | { readonly ok: false; readonly error: string };

const LF = Buffer.from('\n');

/** Judges one line (its bytes, without the LF). */
export function lineJudge(now: PolicySet, against: PolicySet | null, stripId: boolean): (line: Uint8Array) => Judged {
  let decided: AnyDecision | null = null;
  let decidedAgainst: AnyDecision | null = null;
  // processChunk keeps only counts: the decisions themselves (of either shape) are caught on the way.
  const catching = (set: PolicySet, caught: (d: AnyDecision | null) => void): Decider =>
    ({
      decideUnknown: (input: unknown) => {
        const result = decideUnknown(set, input);
        caught(result.ok ? result.decision : null);
        return result;
      },
    }) as Decider;
  const nowDecider = catching(now, (d) => (decided = d));
  const againstDecider = against ? catching(against, (d) => (decidedAgainst = d)) : null;
  return (line) => {
    decided = null;
    decidedAgainst = null;
    // With its LF, an empty line is a line (processChunk counts none in an empty chunk).
    const result = processChunk(Buffer.concat([line, LF]), nowDecider, againstDecider, { stripId, output: false, fast: false });
    if (result.lines !== 1) throw new Error(`a line read by DuckDB holds ${result.lines} lines`);
    const error = result.errors[0];
    if (error !== undefined) return { ok: false, error: error[1] };
    if (decided === null) throw new Error('a decided line without a decision');
    const ref = result.transitions[0]?.[2][0];
    return { ok: true, decision: decided, against: decidedAgainst, example: typeof ref === 'string' ? ref : null };
  };
}
