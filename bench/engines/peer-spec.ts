/**
 * The shape of the Twitter policy as the peer engines (Cedar, CEL, json-rules-engine) encode it.
 *
 * None of the peers has Bylaw's decision semantics (severity scale, exemptions, red lines, tie
 * rules): each of them answers "which clauses hold for this post?", in one evaluation per post,
 * and `combine` below turns that into a decision with LANGUAGE.md's semantics. Every adapter
 * encodes the *conditions* of each clause in its own language; the table of clauses, actions and
 * `from` lists is shared. Rules whose action depends on strikes are split into one clause per
 * action, so an exemption's `from` list is static ("leaders are not blocked" names exactly the
 * clauses whose action is lock or suspend).
 */
import { NoVersionInForceError, V1_EFFECTIVE, V2_EFFECTIVE, V3_EFFECTIVE, type Outcome } from '../types.js';

const ALLOW = 0;
const NOTICE = 1;
const REMOVE = 2;
const LOCK = 3;
const SUSPEND = 4;

export type ClauseKind = 'redline' | 'rule' | 'exemption';
export interface ClauseSpec {
  readonly id: string;
  readonly kind: ClauseKind;
  readonly severity: number;
  /** Exemptions only: the rule clauses they may apply to. */
  readonly from?: readonly string[];
}

const SPEECH = ['violent_threat', 'hateful_conduct', 'harassment', 'glorification_lock', 'glorification_suspend', 'civic_remove', 'civic_lock'];

/** Every clause of every version; a clause's index is its bit in a peer's "what held" mask. */
export const CLAUSES: readonly ClauseSpec[] = [
  // rules (every version)
  { id: 'violent_threat', kind: 'rule', severity: SUSPEND },
  { id: 'terrorism', kind: 'rule', severity: SUSPEND },
  { id: 'violent_extremism', kind: 'rule', severity: SUSPEND },
  { id: 'child_sexual_exploitation', kind: 'rule', severity: SUSPEND },
  { id: 'private_information', kind: 'rule', severity: REMOVE },
  { id: 'intimate_media', kind: 'rule', severity: REMOVE },
  { id: 'self_harm', kind: 'rule', severity: REMOVE },
  { id: 'hateful_conduct', kind: 'rule', severity: REMOVE },
  { id: 'harassment', kind: 'rule', severity: REMOVE },
  { id: 'glorification_lock', kind: 'rule', severity: LOCK },
  { id: 'glorification_suspend', kind: 'rule', severity: SUSPEND },
  { id: 'civic_remove', kind: 'rule', severity: REMOVE },
  { id: 'civic_lock', kind: 'rule', severity: LOCK },
  // red lines (v3)
  { id: 'red_terrorism', kind: 'redline', severity: REMOVE },
  { id: 'red_direct_threat', kind: 'redline', severity: REMOVE },
  { id: 'red_private_information', kind: 'redline', severity: REMOVE },
  { id: 'red_intimate_media', kind: 'redline', severity: REMOVE },
  { id: 'red_child_sexual_exploitation', kind: 'redline', severity: REMOVE },
  { id: 'red_self_harm', kind: 'redline', severity: REMOVE },
  // exemptions
  {
    id: 'leaders_not_blocked',
    kind: 'exemption',
    severity: REMOVE,
    from: ['violent_threat', 'terrorism', 'violent_extremism', 'child_sexual_exploitation', 'glorification_lock', 'glorification_suspend', 'civic_lock'],
  },
  { id: 'newsworthy', kind: 'exemption', severity: ALLOW, from: SPEECH },
  { id: 'public_interest_notice', kind: 'exemption', severity: NOTICE, from: SPEECH },
  { id: 'political_speech', kind: 'exemption', severity: ALLOW, from: ['violent_threat', 'hateful_conduct', 'harassment'] },
];

export const CLAUSE_BIT: ReadonlyMap<string, number> = new Map(CLAUSES.map((c, i) => [c.id, 2 ** i]));
export type ClauseId = (typeof CLAUSES)[number]['id'];

const RULE_IDS = CLAUSES.filter((c) => c.kind === 'rule').map((c) => c.id);
const V3_REDLINE_IDS = CLAUSES.filter((c) => c.kind === 'redline').map((c) => c.id);

export interface VersionSpec {
  readonly name: 'v1' | 'v2' | 'v3';
  readonly effective: string;
  /** The clause ids of this version, in declaration order (red lines, rules, exemptions). */
  readonly clauses: readonly string[];
}

/** Index 0: v1, 1: v2, 2: v3. */
export const VERSIONS: readonly VersionSpec[] = [
  { name: 'v1', effective: V1_EFFECTIVE, clauses: [...RULE_IDS, 'leaders_not_blocked', 'newsworthy'] },
  { name: 'v2', effective: V2_EFFECTIVE, clauses: [...RULE_IDS, 'leaders_not_blocked', 'public_interest_notice'] },
  { name: 'v3', effective: V3_EFFECTIVE, clauses: [...V3_REDLINE_IDS, ...RULE_IDS, 'public_interest_notice', 'political_speech'] },
];

/** Which version is in force on `date` (0, 1, 2); throws before the first. */
export function versionIndex(date: string): number {
  if (date >= V3_EFFECTIVE) return 2;
  if (date >= V2_EFFECTIVE) return 1;
  if (date >= V1_EFFECTIVE) return 0;
  throw new NoVersionInForceError(date);
}

// ---------------------------------------------------------------- combine

const ACTION_NAMES = ['allow', 'notice', 'remove', 'lock', 'suspend'] as const;
const answers = (basis: string): readonly Outcome[] => ACTION_NAMES.map((action) => Object.freeze({ action, basis }));
const BY_RANK = [answers('redline'), answers('rule'), answers('exemption')];
const DEFAULT: Outcome = Object.freeze({ action: 'allow', basis: 'default' });
const RANK: Record<ClauseKind, number> = { redline: 0, rule: 1, exemption: 2 };

interface Compiled {
  redlines: { bit: number; severity: number }[];
  rules: { bit: number; severity: number; exemptions: { bit: number; severity: number }[] }[];
}

const COMPILED: readonly Compiled[] = VERSIONS.map((v) => {
  const inVersion = CLAUSES.filter((c) => v.clauses.includes(c.id));
  const exemptions = inVersion.filter((c) => c.kind === 'exemption');
  return {
    redlines: inVersion.filter((c) => c.kind === 'redline').map((c) => ({ bit: CLAUSE_BIT.get(c.id)!, severity: c.severity })),
    rules: inVersion
      .filter((c) => c.kind === 'rule')
      .map((r) => ({
        bit: CLAUSE_BIT.get(r.id)!,
        severity: r.severity,
        exemptions: exemptions
          .filter((e) => e.from!.includes(r.id))
          .map((e) => ({ bit: CLAUSE_BIT.get(e.id)!, severity: e.severity })),
      })),
  };
});

/**
 * LANGUAGE.md's decision semantics over a mask of the clauses that held (red lines and rules:
 * fired; exemptions: their condition held) for version `version` (0, 1, 2).
 */
export function combine(version: number, held: number): Outcome {
  if (held === 0) return DEFAULT;
  const spec = COMPILED[version]!;
  let best = -1;
  let bestRank = 3;
  for (const r of spec.redlines) {
    if ((held & r.bit) !== 0 && (r.severity > best || (r.severity === best && RANK.redline < bestRank))) {
      best = r.severity;
      bestRank = RANK.redline;
    }
  }
  for (const rule of spec.rules) {
    if ((held & rule.bit) === 0) continue;
    let severity = rule.severity;
    let rank = RANK.rule;
    for (const e of rule.exemptions) {
      if ((held & e.bit) !== 0 && (rank === RANK.rule || e.severity < severity)) {
        severity = e.severity;
        rank = RANK.exemption;
      }
    }
    if (severity > best || (severity === best && rank < bestRank)) {
      best = severity;
      bestRank = rank;
    }
  }
  return best < 0 ? DEFAULT : BY_RANK[bestRank]![best]!;
}

/** A mask from clause ids (Cedar's satisfied policies, json-rules-engine's events). */
export function maskOf(ids: Iterable<string>): number {
  let m = 0;
  for (const id of ids) m += CLAUSE_BIT.get(id) ?? 0;
  return m;
}
