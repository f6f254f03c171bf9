import type { PolicySet } from '../checker/program.js';
import type { CasePolicyProblem } from '../diagnostics/messages/bl6.js';
import type { CaseFile, CaseFileProblem, JsonPath } from './case-file.js';

/**
 * What a case file can only get wrong against the policy it runs on (named `setName`, its
 * folder's name): a `policy` field naming another set, or an expected action, clause, exemption
 * or version the policy does not have. Such a case could never pass, and failing it would blame
 * the policy for a typo in the case file: it is a malformed case file instead.
 */
export function checkCasesAgainst(policy: PolicySet, file: CaseFile, path: string, setName: string): CaseFileProblem[] {
  const problems: CaseFileProblem[] = [];
  if (file.policy !== null && file.policy !== setName) {
    // Every expectation would be checked against the wrong policy: this one problem is enough.
    return [{ file: path, caseId: null, path: ['policy'], code: 'BL603', problem: { kind: 'other-policy', named: file.policy, set: setName } }];
  }
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

  for (const c of file.cases) {
    const problem = (key: JsonPath, found: CasePolicyProblem) => problems.push({ file: path, caseId: c.id, path: ['cases', c.index, 'expect', ...key], code: 'BL603', problem: found });
    const { version } = c.expect;
    const parts: [JsonPath, Readonly<Record<string, unknown>>, readonly string[]][] = [];
    if (c.expect.outcomes) {
      if (outcomeNames.length === 0) problem(['outcomes'], { kind: 'no-outcomes' });
      for (const [name, part] of Object.entries(c.expect.outcomes)) {
        const members = outcomeActions.get(name);
        if (!members) {
          if (outcomeNames.length > 0) problem(['outcomes', name], { kind: 'unknown-outcome', name, outcomes: outcomeNames });
          continue;
        }
        parts.push([['outcomes', name], part, members]);
      }
    } else {
      if (actions.length === 0) problem(['action'], { kind: 'declares-outcomes', outcomes: outcomeNames });
      else parts.push([[], c.expect, actions]);
    }
    for (const [prefix, part, members] of parts) {
      const at = (key: string, found: CasePolicyProblem) => problem([...prefix, key], found);
      const { action, basis, clause, exemption } = part;
      if (typeof action === 'string' && !members.includes(action)) at('action', { kind: 'unknown-action', action, actions: members });
      if (clause !== undefined && clause !== null) {
        if (typeof clause !== 'string') at('clause', { kind: 'clause-not-string' });
        else if (basis === 'default') at('clause', { kind: 'default-clause' });
        else if (!redlines.includes(clause) && !rules.includes(clause)) at('clause', { kind: 'unknown-clause', clause, clauses: [...redlines, ...rules] });
        else if (basis === 'redline' && !redlines.includes(clause)) at('clause', { kind: 'wrong-clause-kind', clause, is: 'rule' });
        else if ((basis === 'rule' || basis === 'exemption') && !rules.includes(clause)) at('clause', { kind: 'wrong-clause-kind', clause, is: 'red line' });
      }
      if (exemption !== undefined && exemption !== null) {
        if (typeof exemption !== 'string') at('exemption', { kind: 'exemption-not-string' });
        else if (!exemptions.includes(exemption)) at('exemption', { kind: 'unknown-exemption', exemption, exemptions });
      }
    }
    if (version !== undefined) {
      if (typeof version !== 'string') problem(['version'], { kind: 'version-not-string' });
      else if (!versionNames.includes(version)) problem(['version'], { kind: 'unknown-version', version, versions: versionNames });
    }
  }
  return problems;
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
