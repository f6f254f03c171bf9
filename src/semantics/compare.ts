import type { CompareOp, Value } from '../checker/program.js';

/**
 * A comparison of two values of one type, as every backend reads it: ints numerically, dates and
 * strings by code point (ISO dates sort as days do), enum members and bools by equality only.
 */
export function compare(op: CompareOp, l: Value, r: Value): boolean {
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    case '>=':
      return l >= r;
  }
}
