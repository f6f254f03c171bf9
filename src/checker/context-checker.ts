/**
 * Contexts, checked on demand: whether a context is a condition or a value (`count(…)`, a date)
 * decides how a reference to it is typed, so a reference checks the body it names first. A
 * context reached again while its own body is being checked is a cycle (reported once, by
 * `orderContexts`, over the references recorded here).
 */
import type * as A from '../ast/nodes.js';
import type { DiagnosticBag } from '../diagnostics/codes.js';
import { orderContexts, type AnyContext } from './checks/contexts.js';
import { checkContextBody, type ContextKind, type ExpressionEnv } from './expressions.js';
import { guardedWhenTrue } from './guards.js';
import type { CheckedContext, CheckedValue } from './program.js';

export class ContextChecker {
  private readonly decls: ReadonlyMap<string, A.ContextDecl>;
  /** `checking` while its body is being checked; then the context, or null when it has errors. */
  private readonly results = new Map<string, 'checking' | AnyContext | null>();
  private readonly references = new Map<string, string[]>();
  /**
   * The guards of each condition context, kept once its body is checked: a context's guards read
   * those of the contexts it names, already kept, so a chain thousands deep costs no recursion.
   */
  private readonly guards = new Map<string, readonly string[]>();
  /** Contexts whose bodies are being checked, innermost last. */
  private readonly stack: string[] = [];
  private env: ExpressionEnv | null = null;
  /** Names some condition or value refers to. */
  readonly used = new Set<string>();

  constructor(
    decls: readonly A.ContextDecl[],
    private readonly bag: DiagnosticBag,
    private readonly text: (decl: A.ContextDecl) => string,
  ) {
    this.decls = new Map(decls.map((d) => [d.name.name, d]));
  }

  /** Checks every context, in declaration order (each body once). */
  checkAll(env: ExpressionEnv): void {
    this.env = env;
    for (const name of this.decls.keys()) this.check(name);
  }

  referenced(name: string): void {
    this.used.add(name);
    const from = this.stack[this.stack.length - 1];
    if (from !== undefined) this.references.get(from)!.push(name);
  }

  kind(name: string): ContextKind {
    const result = this.check(name);
    if (result === null || result === 'checking') return null;
    return 'body' in result ? { kind: 'condition', guards: this.guards.get(name) ?? [] } : { kind: 'value', type: result.type };
  }

  /** Every context in dependency order, conditions and values apart; null after reporting a cycle. */
  ordered(): { contexts: CheckedContext[]; values: CheckedValue[] } | null {
    const checked = new Map<string, AnyContext>();
    for (const [name, result] of this.results) if (result !== null && result !== 'checking') checked.set(name, result);
    const order = orderContexts(checked, this.references, this.decls, this.bag);
    if (!order) return null;
    return {
      contexts: order.filter((c): c is CheckedContext => 'body' in c),
      values: order.filter((c): c is CheckedValue => 'value' in c),
    };
  }

  private check(name: string): AnyContext | null | 'checking' {
    const known = this.results.get(name);
    if (known !== undefined) return known;
    const decl = this.decls.get(name);
    if (!decl || !this.env) return null;
    this.results.set(name, 'checking');
    this.references.set(name, []);
    this.stack.push(name);
    const body = checkContextBody(decl.body, this.env);
    this.stack.pop();
    const text = this.text(decl);
    const result: AnyContext | null =
      body === null
        ? null
        : 'condition' in body
          ? { name, body: body.condition, span: decl.span, text }
          : { name, value: body.value, type: body.value.type, span: decl.span, text };
    // A context that holds guards what its body guards: `unrest and piece.severity == low`.
    if (result !== null && 'body' in result) this.guards.set(name, guardedWhenTrue(result.body, (n) => this.guards.get(n) ?? []));
    this.results.set(name, result);
    return result;
  }
}
