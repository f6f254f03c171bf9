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
  const actions = unique(versions.flatMap((v) => v.scale.members));
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
    const { action, basis, clause, exemption, version } = c.expect;
    if (!actions.includes(action)) problem('action', `\`${action}\` is not an action of the policy (${actions.join(', ')})${hint(action, actions)}`);
    if (clause !== undefined && clause !== null) {
      if (typeof clause !== 'string') problem('clause', 'expected the name of a red line or rule, or null');
      else if (basis === 'default') problem('clause', 'a decision by default has no clause: expect `null` or leave `clause` out');
      else if (!redlines.includes(clause) && !rules.includes(clause)) {
        problem('clause', `the policy has no red line or rule \`${clause}\`${hint(clause, [...redlines, ...rules])}`);
      } else if (basis === 'redline' && !redlines.includes(clause)) problem('clause', `\`${clause}\` is a rule, not a red line`);
      else if ((basis === 'rule' || basis === 'exemption') && !rules.includes(clause)) problem('clause', `\`${clause}\` is a red line, not a rule`);
    }
    if (exemption !== undefined && exemption !== null) {
      if (typeof exemption !== 'string') problem('exemption', 'expected the name of an exemption, or null');
      else if (!exemptions.includes(exemption)) problem('exemption', `the policy has no exemption \`${exemption}\`${hint(exemption, exemptions)}`);
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
