import type { Diagnostic, Note, Severity } from './diagnostic.js';
import { MESSAGES, type Built, type MessageArgs, type MessageCode } from './messages.js';
import type { Span } from './span.js';

/**
 * Every diagnostic code Bylaw emits. Codes are stable: tools and docs refer to them.
 * `docs/diagnostics.md` has one section per code; a test keeps the two in step.
 */
export const CODES = {
  // Syntax: BL0xx
  BL001: { severity: 'error', title: 'unexpected character' },
  BL002: { severity: 'error', title: 'syntax error' },
  BL003: { severity: 'error', title: 'unterminated string' },
  BL004: { severity: 'error', title: 'invalid escape sequence' },
  BL005: { severity: 'error', title: 'invalid date literal' },
  BL006: { severity: 'error', title: 'invalid integer literal' },
  BL007: { severity: 'error', title: 'too deeply nested' },
  BL008: { severity: 'error', title: 'not an operator of the language' },
  BL009: { severity: 'error', title: 'invalid UTF-8' },
  BL010: { severity: 'error', title: 'misspelt keyword' },
  BL011: { severity: 'error', title: 'keyword of another language' },
  BL012: { severity: 'error', title: 'unclosed bracket' },
  BL013: { severity: 'error', title: 'date not written `YYYY-MM-DD`' },
  BL014: { severity: 'error', title: 'number with a fraction' },
  BL015: { severity: 'error', title: 'arithmetic' },
  BL016: { severity: 'error', title: 'actions not separated by commas' },
  BL017: { severity: 'error', title: 'string matching' },
  BL018: { severity: 'error', title: 'optional field written another way' },
  BL019: { severity: 'error', title: 'unknown quantifier' },
  BL020: { severity: 'error', title: 'unknown mark on a scale member' },
  // Modules and policy sets: BL1xx
  BL101: { severity: 'error', title: 'unresolved module' },
  BL102: { severity: 'error', title: 'import cycle' },
  BL103: { severity: 'error', title: 'missing effective date' },
  BL104: { severity: 'error', title: 'duplicate effective date' },
  BL105: { severity: 'error', title: 'name declared twice' },
  BL106: { severity: 'error', title: 'unreadable file' },
  BL107: { severity: 'error', title: 'policy set without a date field' },
  BL108: { severity: 'error', title: 'duplicate header item' },
  BL109: { severity: 'error', title: '`except` names something the module does not declare' },
  // Names and types: BL2xx
  BL201: { severity: 'error', title: 'unknown name' },
  BL202: { severity: 'error', title: 'unknown field' },
  BL203: { severity: 'error', title: 'unknown type' },
  BL204: { severity: 'error', title: 'not a member of the enum' },
  BL205: { severity: 'error', title: 'mismatched types' },
  BL206: { severity: 'error', title: '`has` on a value that is not a set' },
  BL207: { severity: 'error', title: 'ordering a value that has no order' },
  BL208: { severity: 'error', title: 'condition is not a boolean' },
  BL209: { severity: 'error', title: 'cycle among contexts' },
  BL210: { severity: 'error', title: 'invalid type' },
  BL211: { severity: 'error', title: 'missing declaration' },
  BL212: { severity: 'error', title: 'declared more than once' },
  BL213: { severity: 'error', title: 'value out of bounds' },
  BL214: { severity: 'error', title: 'optional value read without an `exists` guard' },
  BL216: { severity: 'error', title: 'invalid duration' },
  BL217: { severity: 'error', title: 'quantifier over a value that is not a list or set' },
  BL218: { severity: 'error', title: 'name already bound' },
  // Clauses: BL3xx
  BL301: { severity: 'error', title: 'exemption names a red line' },
  BL302: { severity: 'error', title: 'exemption names an unknown rule' },
  BL303: { severity: 'error', title: 'exemption more severe than the rule it exempts' },
  BL304: { severity: 'error', title: 'action not on the scale' },
  BL305: { severity: 'error', title: 'action on more than one outcome scale' },
  BL306: { severity: 'error', title: 'two actions for one outcome' },
  BL307: { severity: 'error', title: 'duration missing or not allowed' },
  BL308: { severity: 'error', title: 'invalid outcome' },
  BL309: { severity: 'error', title: 'least severe action carries a duration' },
  // Warnings: BL4xx
  BL401: { severity: 'warning', title: 'unused context' },
  BL402: { severity: 'warning', title: 'clause can never fire' },
  BL403: { severity: 'warning', title: 'rule shadowed by a red line' },
  BL404: { severity: 'warning', title: 'clause without `because`' },
  BL405: { severity: 'warning', title: 'repeated member' },
  BL406: { severity: 'warning', title: 'suspicious unicode' },
  BL407: { severity: 'warning', title: 'exemption superseded by another' },
  BL408: { severity: 'warning', title: 'exemption never meets its rules' },
  BL410: { severity: 'warning', title: '`exists` on a field that is never absent' },
  // Statements of reasons (the export mapping, docs/statements-of-reasons.md): BL5xx, warnings BL55x
  BL501: { severity: 'error', title: 'action without a statement mapping' },
  BL502: { severity: 'error', title: 'not a key of the Transparency Database' },
  BL503: { severity: 'error', title: 'one-value field written twice' },
  BL504: { severity: 'error', title: '`because` texts too long for a statement' },
  BL505: { severity: 'error', title: 'clause without category and ground' },
  BL507: { severity: 'error', title: 'mapped twice' },
  BL508: { severity: 'error', title: 'key without its text' },
  BL509: { severity: 'error', title: 'text over the database\'s limit' },
  BL510: { severity: 'error', title: 'invalid ground' },
  BL511: { severity: 'error', title: 'invalid URL' },
  BL512: { severity: 'error', title: 'default that restricts without a ground' },
  BL551: { severity: 'warning', title: 'explanation may be cut' },
  BL552: { severity: 'warning', title: 'text the database drops' },
  BL553: { severity: 'warning', title: 'version without a public URL' },
  BL554: { severity: 'warning', title: 'fixed duration on an action that carries its own' },
  BL555: { severity: 'warning', title: 'statement names something the policy lacks' },
  // Golden case files (`bylaw test --cases`, `bylaw verify`): BL6xx
  BL601: { severity: 'error', title: 'invalid JSON' },
  BL602: { severity: 'error', title: 'malformed case file' },
  BL603: { severity: 'error', title: 'case file does not fit the policy' },
  BL604: { severity: 'error', title: 'invalid input' },
} as const satisfies Record<string, { severity: Severity; title: string }>;

export type Code = keyof typeof CODES;

export interface DiagnosticExtras {
  readonly help?: string | undefined;
  readonly notes?: readonly Note[];
}

export function diagnostic(code: Code, message: string, span: Span, extras: DiagnosticExtras = {}): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code,
    severity: CODES[code].severity,
    message,
    span,
    notes: extras.notes ?? [],
  };
  if (extras.help !== undefined) d.help = extras.help;
  return d;
}

/** A code and its constructor's arguments: a report decided in one place and made in another. */
export type Emission = { [C in MessageCode]: { readonly code: C; readonly args: MessageArgs<C> } }[MessageCode];

/** The diagnostic of `code` whose message, help and notes its constructor in MESSAGES builds from `args`. */
export function built<C extends MessageCode>(code: C, span: Span, args: MessageArgs<C>): Diagnostic {
  const { message, ...extras } = (MESSAGES[code] as (a: MessageArgs<C>) => Built)(args);
  return diagnostic(code, message, span, extras);
}

/**
 * Collects diagnostics for one stage; passes `emit` them and never throw on user mistakes. Every
 * code has its constructor in MESSAGES, so a report is always a code and its arguments.
 */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  /** Reports `code` with the message, help and notes its constructor in MESSAGES builds from `args`. */
  emit<C extends MessageCode>(code: C, span: Span, args: MessageArgs<C>): void {
    this.items.push(built(code, span, args));
  }
  add(items: Iterable<Diagnostic>): void {
    for (const item of items) this.items.push(item);
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }
}
