/**
 * Peer: Cedar, `@cedar-policy/cedar-wasm` (Node build), with the stateful API: each version's
 * policy set is preparsed once (`preparsePolicySet`), and every decision is one
 * `statefulIsAuthorized` call. Cedar answers allow/deny, so every clause is one `permit` policy
 * whose id is the clause id; the post is the request context, unchanged; the determining
 * policies (`diagnostics.reason`: every satisfied permit) are the clauses that held, and
 * peer-spec.ts's `combine` derives the decision from them. The version in force is picked in
 * JavaScript.
 *
 * On Node 20.20 a hot loop over cedar-wasm can abort inside V8's deoptimizer; run processes that
 * use this engine with `node --no-turbo-inline-js-wasm-calls` (PERFORMANCE.md).
 */
import type { Outcome, Post } from '../types.js';
import { VERSIONS, combine, maskOf, versionIndex } from './peer-spec.js';

const has = (c: string) => `context.categories.contains("${c}")`;
const role = 'context.author.role';
const threatensIndividual = `(${has('violent_threat')} && context.target == "individual")`;

/** `when` (and optional `unless`) of every clause, in Cedar over the request context (the post). */
export const CEDAR_CONDITIONS: Readonly<Record<string, { when: string; unless?: string }>> = {
  violent_threat: { when: `${has('violent_threat')} && context.target != "none"` },
  terrorism: { when: has('terrorism') },
  violent_extremism: {
    when: has('violent_extremism'),
    unless: `["world_leader", "government_official", "government_entity", "military_entity"].contains(${role})`,
  },
  child_sexual_exploitation: { when: has('child_sexual_exploitation') },
  private_information: { when: has('private_information') },
  intimate_media: { when: has('intimate_media') },
  self_harm: { when: has('self_harm') },
  hateful_conduct: { when: has('hateful_conduct') },
  harassment: { when: has('harassment') },
  glorification_lock: { when: `${has('glorification_of_violence')} && context.author.strikes == 0` },
  glorification_suspend: { when: `${has('glorification_of_violence')} && context.author.strikes >= 1` },
  civic_remove: { when: `${has('civic_integrity')} && context.author.strikes == 0` },
  civic_lock: { when: `${has('civic_integrity')} && context.author.strikes >= 1` },
  red_terrorism: { when: has('terrorism') },
  red_direct_threat: { when: threatensIndividual },
  red_private_information: { when: has('private_information') },
  red_intimate_media: { when: has('intimate_media') },
  red_child_sexual_exploitation: { when: has('child_sexual_exploitation') },
  red_self_harm: { when: has('self_harm') },
  leaders_not_blocked: { when: `${role} == "world_leader"` },
  newsworthy: { when: `${role} == "world_leader" && context.public_interest`, unless: threatensIndividual },
  public_interest_notice: {
    when:
      `["world_leader", "government_official", "candidate"].contains(${role}) && context.author.verified` +
      ` && context.author.followers > 100000 && context.public_interest`,
    unless: `${threatensIndividual} || context.offline_harm_risk == "severe"`,
  },
  political_speech: {
    when:
      `${role} == "world_leader"` +
      ` && (context.target == "public_figure" || ["political_issue", "foreign_policy"].contains(context.topic))`,
  },
};

/** The Cedar policy set of one version (index into VERSIONS): policy id → policy text. */
export function cedarPolicies(version: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of VERSIONS[version]!.clauses) {
    const c = CEDAR_CONDITIONS[id]!;
    out[id] =
      `permit (principal, action == Action::"decide", resource)\n` +
      `when { ${c.when} }` +
      (c.unless ? `\nunless { ${c.unless} }` : '') +
      ';';
  }
  return out;
}

export interface CedarEngine {
  decide(post: Post): Outcome;
  version: string;
}

type CedarWasm = typeof import('@cedar-policy/cedar-wasm/nodejs');

export async function createCedarEngine(): Promise<CedarEngine> {
  const cedar: CedarWasm = await import('@cedar-policy/cedar-wasm/nodejs');
  const ids = VERSIONS.map((v) => `twitter-${v.name}`);
  VERSIONS.forEach((_, i) => {
    const answer = cedar.preparsePolicySet(ids[i]!, { staticPolicies: cedarPolicies(i) });
    if (answer.type !== 'success') {
      throw new Error(`Cedar rejected the ${VERSIONS[i]!.name} policies: ${answer.errors.map((e) => e.message).join('; ')}`);
    }
  });
  const principal = { type: 'User', id: 'author' };
  const action = { type: 'Action', id: 'decide' };
  const resource = { type: 'Post', id: 'post' };
  return {
    version: cedar.getCedarVersion(),
    decide(post: Post): Outcome {
      const v = versionIndex(post.date);
      const answer = cedar.statefulIsAuthorized({
        principal,
        action,
        resource,
        context: post as unknown as Record<string, never>,
        preparsedPolicySetId: ids[v]!,
        entities: [],
      });
      if (answer.type !== 'success') {
        throw new Error(`Cedar failed: ${answer.errors.map((e) => e.message).join('; ')}`);
      }
      const errors = answer.response.diagnostics.errors;
      if (errors.length > 0) throw new Error(`Cedar policy error: ${errors[0]!.policyId}: ${errors[0]!.error.message}`);
      return combine(v, maskOf(answer.response.diagnostics.reason));
    },
  };
}
