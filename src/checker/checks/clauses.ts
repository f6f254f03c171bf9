import type * as A from '../../ast/nodes.js';
import type { DiagnosticBag } from '../../diagnostics/codes.js';
import { didYouMean } from '../../diagnostics/suggest.js';
import type { CheckedClause, CheckedExemption } from '../program.js';
import { KIND_WORDS, type Scope } from '../scope.js';

/** The index of `action` on the scale, or null after reporting an action that is not on it. */
export function severityOf(action: A.Identifier, scale: readonly string[], scaleName: string, bag: DiagnosticBag): number | null {
  const index = scale.indexOf(action.name);
  if (index >= 0) return index;
  bag.report('BL304', `\`${action.name}\` is not an action on the scale \`${scaleName}\``, action.span, {
    help: didYouMean(action.name, scale) ?? `actions: ${scale.map((a) => `\`${a}\``).join(' < ')}`,
  });
  return null;
}

/** A clause without `because` cannot explain itself in an appeal. */
export function checkBecause(decl: A.ClauseDecl, bag: DiagnosticBag): void {
  if (decl.because === null) {
    const word = decl.kind === 'Redline' ? 'red line' : decl.kind.toLowerCase();
    bag.report('BL404', `${word} \`${decl.name.name}\` has no \`because\``, decl.name.span, {
      help: 'add `because "…"` quoting the guideline it enforces; decisions and appeals show it',
    });
  }
}

/**
 * An exemption's `from` list names rules (never red lines), and its action is no more
 * severe than any rule it exempts — an exemption can soften a rule, never harden it.
 */
export function checkExemptionTargets(
  decl: A.ExemptionDecl,
  exemption: CheckedExemption,
  rules: ReadonlyMap<string, CheckedClause>,
  scope: Scope,
  scale: readonly string[],
  bag: DiagnosticBag,
): void {
  const seen = new Set<string>();
  for (const name of decl.from) {
    if (seen.has(name.name)) {
      bag.report('BL405', `\`${name.name}\` is listed twice`, name.span, { help: 'delete the repeat' });
      continue;
    }
    seen.add(name.name);
    const symbol = scope.symbols.get(name.name);
    if (symbol?.kind === 'redline') {
      bag.report('BL301', `exemption \`${decl.name.name}\` names red line \`${name.name}\``, name.span, {
        notes: [{ message: 'the red line is declared here', span: symbol.decl.name.span }],
        help: 'red lines cannot be exempted; to allow exceptions, make it a `rule`',
      });
      continue;
    }
    const rule = rules.get(name.name);
    if (!rule && symbol?.kind === 'rule') continue; // the rule itself had errors, already reported
    if (!rule) {
      const what = symbol ? `\`${name.name}\` is ${KIND_WORDS[symbol.kind]}, not a rule` : `unknown rule \`${name.name}\``;
      bag.report('BL302', what, name.span, {
        help:
          didYouMean(name.name, rules.keys()) ??
          (symbol?.kind === 'context'
            ? `an exemption's \`from\` names rules; to exempt only when \`${name.name}\` holds, write \`when ${name.name}\``
            : "an exemption's `from` names rules declared in this file or a module it uses"),
      });
      continue;
    }
    if (exemption.severity > rule.severity) {
      bag.report(
        'BL303',
        `exemption \`${decl.name.name}\` (\`${exemption.action}\`) is more severe than rule \`${rule.name}\` (\`${rule.action}\`)`,
        decl.action.span,
        {
          notes: [{ message: `\`${rule.name}\` is declared here`, span: rule.nameSpan }],
          help: `an exemption softens a rule; use an action no more severe than \`${rule.action}\` (scale: ${scale.map((a) => `\`${a}\``).join(' < ')})`,
        },
      );
    }
  }
}
