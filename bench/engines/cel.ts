/**
 * Peer: CEL, `@marcbachmann/cel-js` (the fastest CEL engine for JavaScript, PERFORMANCE.md).
 * Each version is one CEL expression, parsed once, evaluated once per post. It returns the mask
 * of clauses that hold (a sum of distinct powers of two, as doubles: cel-js ints are BigInts),
 * and peer-spec.ts's `combine` applies the decision semantics. The expression starts with the
 * same early exit the tuned function has (no category: nothing can fire), to give CEL its best
 * shot. The version in force is picked in JavaScript by comparing the ISO date.
 */
import type { Outcome, Post } from '../types.js';
import { CLAUSE_BIT, VERSIONS, combine, versionIndex } from './peer-spec.js';

const has = (c: string) => `"${c}" in post.categories`;
const role = 'post.author.role';
const threatensIndividual = `(${has('violent_threat')} && post.target == "individual")`;

/** The condition of every clause, in CEL over the variable `post`. */
export const CEL_CONDITIONS: Readonly<Record<string, string>> = {
  violent_threat: `${has('violent_threat')} && post.target != "none"`,
  terrorism: has('terrorism'),
  violent_extremism: `${has('violent_extremism')} && !(${role} in ["world_leader", "government_official", "government_entity", "military_entity"])`,
  child_sexual_exploitation: has('child_sexual_exploitation'),
  private_information: has('private_information'),
  intimate_media: has('intimate_media'),
  self_harm: has('self_harm'),
  hateful_conduct: has('hateful_conduct'),
  harassment: has('harassment'),
  glorification_lock: `${has('glorification_of_violence')} && post.author.strikes == 0`,
  glorification_suspend: `${has('glorification_of_violence')} && post.author.strikes >= 1`,
  civic_remove: `${has('civic_integrity')} && post.author.strikes == 0`,
  civic_lock: `${has('civic_integrity')} && post.author.strikes >= 1`,
  red_terrorism: has('terrorism'),
  red_direct_threat: threatensIndividual,
  red_private_information: has('private_information'),
  red_intimate_media: has('intimate_media'),
  red_child_sexual_exploitation: has('child_sexual_exploitation'),
  red_self_harm: has('self_harm'),
  leaders_not_blocked: `${role} == "world_leader"`,
  newsworthy: `${role} == "world_leader" && post.public_interest && !${threatensIndividual}`,
  public_interest_notice:
    `${role} in ["world_leader", "government_official", "candidate"] && post.author.verified` +
    ` && post.author.followers > 100000 && post.public_interest` +
    ` && !(${threatensIndividual} || post.offline_harm_risk == "severe")`,
  political_speech:
    `${role} == "world_leader"` +
    ` && (post.target == "public_figure" || post.topic in ["political_issue", "foreign_policy"])`,
};

/** The CEL expression of one version (index into VERSIONS). */
export function celExpression(version: number): string {
  const terms = VERSIONS[version]!.clauses.map((id) => `(${CEL_CONDITIONS[id]} ? ${CLAUSE_BIT.get(id)!}.0 : 0.0)`);
  return `size(post.categories) == 0 ? 0.0 : ${terms.join('\n  + ')}`;
}

export interface CelEngine {
  decide(post: Post): Outcome;
}

export async function createCelEngine(): Promise<CelEngine> {
  const { parse } = await import('@marcbachmann/cel-js');
  const programs = VERSIONS.map((_, i) => parse(celExpression(i)));
  const p0 = programs[0]!;
  const p1 = programs[1]!;
  const p2 = programs[2]!;
  const activation = { post: null as Post | null };
  return {
    decide(post: Post): Outcome {
      const v = versionIndex(post.date);
      activation.post = post;
      const program = v === 2 ? p2 : v === 1 ? p1 : p0;
      return combine(v, program(activation) as number);
    },
  };
}
