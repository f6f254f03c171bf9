import type { PolicySet } from '../checker/program.js';
import { didYouMean } from '../diagnostics/suggest.js';
import type { CaseFile, CaseFileProblem } from './case-file.js';

/**
 * What a case file can only get wrong against the policy it runs on: an expected action, clause,
 * exemption or version the policy does not have. Such a case could never pass, and failing it
 * would blame the policy for a typo in the case file: it is a malformed case file instead.
 */
export function checkCasesAgainst(policy: PolicySet, file: CaseFile, path: string): CaseFileProblem[] {
  const problems: CaseFileProblem[] = [];
  const versions = policy.versions;
  const actions = unique(versions.flatMap((v) => (v.declaredOutcomes ? [] : v.scale.members)));
  const outcomeActions = new Map<string, string[]>();
  for (const v of versions) {
    if (!v.declaredOutcomes) continue;
    for (const o of v.outcomes) outcomeActions.set(o.name, unique([...(outcomeActions.get(o.name) ?? []), ...o.scale.members]));
  }
  const outcomeNames = [...outcomeActions.keys()];
  const redlines = unique(versions.flatMap((v) => v.redlines.map((c) => c.name)));
  const rules = unique(versions.flatMap((v) => v.rules.map((c) => c.name)));
  const exemptions = unique(versions.flatMap((v) => v.exemptions.map((c) => c.name)));
  const versionNames = unique(versions.map((v) => v.version));
  const hint = (name: string, candidates: readonly string[]) => {
    const suggestion = didYouMean(name, candidates);
    return suggestion ? `; ${suggestion}` : '';
  };

  for (const c of file.cases) {
    const problem = (key: string, message: string) => problems.push({ file: path, caseId: c.id, path: `${c.at}.expect.${key}`, message });
    const { version } = c.expect;
    const parts: [string, Readonly<Record<string, unknown>>, readonly string[]][] = [];
    if (c.expect.outcomes) {
      if (outcomeNames.length === 0) problem('outcomes', 'the policy declares no outcomes: expect `action` (and `basis`, `clause`, …) directly');
      for (const [name, part] of Object.entries(c.expect.outcomes)) {
        const members = outcomeActions.get(name);
        if (!members) {
          if (outcomeNames.length > 0) problem(`outcomes.${name}`, `the policy has no outcome \`${name}\` (${outcomeNames.join(', ')})${hint(name, outcomeNames)}`);
          continue;
        }
        parts.push([`outcomes.${name}.`, part, members]);
      }
    } else {
      if (actions.length === 0) problem('action', `the policy declares outcomes: expect \`{ "outcomes": { ${outcomeNames.map((n) => `"${n}": {…}`).join(', ')} } }\``);
      else parts.push(['', c.expect, actions]);
    }
    for (const [prefix, part, members] of parts) {
      const at = (key: string, message: string) => problem(`${prefix}${key}`, message);
      const { action, basis, clause, exemption } = part;
      if (typeof action === 'string' && !members.includes(action)) at('action', `\`${action}\` is not an action of the policy (${members.join(', ')})${hint(action, members)}`);
      if (clause !== undefined && clause !== null) {
        if (typeof clause !== 'string') at('clause', 'expected the name of a red line or rule, or null');
        else if (basis === 'default') at('clause', 'a decision by default has no clause: expect `null` or leave `clause` out');
        else if (!redlines.includes(clause) && !rules.includes(clause)) {
          at('clause', `the policy has no red line or rule \`${clause}\`${hint(clause, [...redlines, ...rules])}`);
        } else if (basis === 'redline' && !redlines.includes(clause)) at('clause', `\`${clause}\` is a rule, not a red line`);
        else if ((basis === 'rule' || basis === 'exemption') && !rules.includes(clause)) at('clause', `\`${clause}\` is a red line, not a rule`);
      }
      if (exemption !== undefined && exemption !== null) {
        if (typeof exemption !== 'string') at('exemption', 'expected the name of an exemption, or null');
        else if (!exemptions.includes(exemption)) at('exemption', `the policy has no exemption \`${exemption}\`${hint(exemption, exemptions)}`);
      }
    }
    if (version !== undefined) {
      if (typeof version !== 'string') problem('version', 'expected a version, as a string');
      else if (!versionNames.includes(version)) problem('version', `the policy has no version \`${version}\` (${versionNames.map((v) => `\`${v}\``).join(', ')})`);
    }
  }
  return problems;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
