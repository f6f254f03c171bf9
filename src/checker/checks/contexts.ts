import type { ContextDecl } from '../../ast/nodes.js';
import type { DiagnosticBag } from '../../diagnostics/codes.js';
import type { CheckedContext } from '../program.js';

/**
 * Orders contexts so each comes after the contexts it refers to, and reports cycles
 * (a context that refers to itself, directly or through others).
 */
export function orderContexts(
  checked: ReadonlyMap<string, CheckedContext>,
  references: ReadonlyMap<string, readonly string[]>,
  decls: ReadonlyMap<string, ContextDecl>,
  bag: DiagnosticBag,
): CheckedContext[] | null {
  const order: CheckedContext[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  let ok = true;
  const visit = (name: string, path: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      const decl = decls.get(name)!;
      bag.report('BL209', `context \`${name}\` depends on itself: ${cycle.map((c) => `\`${c}\``).join(' → ')}`, decl.name.span, {
        notes: cycle.slice(1, -1).map((c) => ({ message: `\`${c}\` is declared here`, span: decls.get(c)!.name.span })),
        help: 'a context is a fixed condition; break the cycle by writing one of them out in full',
      });
      ok = false;
      return;
    }
    state.set(name, 'visiting');
    for (const next of references.get(name) ?? []) if (decls.has(next)) visit(next, [...path, name]);
    state.set(name, 'done');
    const context = checked.get(name);
    if (context) order.push(context);
  };
  for (const name of decls.keys()) visit(name, []);
  return ok ? order : null;
}
