import type { Span } from '../diagnostics/span.js';
import type { Condition, Operand } from './program.js';

/** An expression after name resolution, before we know what its position needs. */
export type Typed =
  | { readonly kind: 'operand'; readonly operand: Operand }
  | { readonly kind: 'condition'; readonly condition: Condition }
  /** A lone name that is not declared: an enum member, once the other side gives the enum. */
  | { readonly kind: 'bare'; readonly name: string; readonly span: Span }
  | { readonly kind: 'error' };

export const ERROR: Typed = { kind: 'error' };
