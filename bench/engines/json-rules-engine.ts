/**
 * Peer: `json-rules-engine`. Each version is one Engine with one rule per clause (the event type
 * is the clause id); a decision is one `engine.run({ post })` (asynchronous), whose success
 * events are the clauses that held; peer-spec.ts's `combine` derives the decision. The engine is
 * given a plain dotted-path resolver (`pathResolver`) instead of its default JSONPath, as
 * PERFORMANCE.md advises. The version in force is picked in JavaScript.
 */
import type { Outcome, Post } from '../types.js';
import { CLAUSE_BIT, VERSIONS, combine, versionIndex } from './peer-spec.js';

const CLAUSE_MASK: Record<string, number> = Object.fromEntries(CLAUSE_BIT);

type Condition =
  | { fact: string; path: string; operator: string; value: unknown }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const fact = (path: string, operator: string, value: unknown): Condition => ({ fact: 'post', path, operator, value });
const has = (c: string) => fact('categories', 'contains', c);
const all = (...c: Condition[]): Condition => ({ all: c });
const threatensIndividual = all(has('violent_threat'), fact('target', 'equal', 'individual'));

/** The condition of every clause, as json-rules-engine conditions over the fact `post`. */
export const JRE_CONDITIONS: Readonly<Record<string, Condition>> = {
  violent_threat: all(has('violent_threat'), fact('target', 'notEqual', 'none')),
  terrorism: all(has('terrorism')),
  violent_extremism: all(
    has('violent_extremism'),
    fact('author.role', 'notIn', ['world_leader', 'government_official', 'government_entity', 'military_entity']),
  ),
  child_sexual_exploitation: all(has('child_sexual_exploitation')),
  private_information: all(has('private_information')),
  intimate_media: all(has('intimate_media')),
  self_harm: all(has('self_harm')),
  hateful_conduct: all(has('hateful_conduct')),
  harassment: all(has('harassment')),
  glorification_lock: all(has('glorification_of_violence'), fact('author.strikes', 'equal', 0)),
  glorification_suspend: all(has('glorification_of_violence'), fact('author.strikes', 'greaterThanInclusive', 1)),
  civic_remove: all(has('civic_integrity'), fact('author.strikes', 'equal', 0)),
  civic_lock: all(has('civic_integrity'), fact('author.strikes', 'greaterThanInclusive', 1)),
  red_terrorism: all(has('terrorism')),
  red_direct_threat: threatensIndividual,
  red_private_information: all(has('private_information')),
  red_intimate_media: all(has('intimate_media')),
  red_child_sexual_exploitation: all(has('child_sexual_exploitation')),
  red_self_harm: all(has('self_harm')),
  leaders_not_blocked: all(fact('author.role', 'equal', 'world_leader')),
  newsworthy: all(
    fact('author.role', 'equal', 'world_leader'),
    fact('public_interest', 'equal', true),
    { not: threatensIndividual },
  ),
  public_interest_notice: all(
    fact('author.role', 'in', ['world_leader', 'government_official', 'candidate']),
    fact('author.verified', 'equal', true),
    fact('author.followers', 'greaterThan', 100_000),
    fact('public_interest', 'equal', true),
    { not: { any: [threatensIndividual, fact('offline_harm_risk', 'equal', 'severe')] } },
  ),
  political_speech: all(
    fact('author.role', 'equal', 'world_leader'),
    { any: [fact('target', 'equal', 'public_figure'), fact('topic', 'in', ['political_issue', 'foreign_policy'])] },
  ),
};

/** A plain dotted-path resolver ("author.role"), instead of the default JSONPath. */
const pathCache = new Map<string, string[]>();
export function plainPath(value: object, path: string): unknown {
  let keys = pathCache.get(path);
  if (!keys) pathCache.set(path, (keys = path.split('.')));
  let v: unknown = value;
  for (const k of keys) v = v == null ? undefined : (v as Record<string, unknown>)[k];
  return v;
}

export interface JreEngine {
  decide(post: Post): Promise<Outcome>;
}

export async function createJsonRulesEngine(): Promise<JreEngine> {
  const { Engine } = await import('json-rules-engine');
  const engines = VERSIONS.map(
    (v) =>
      new Engine(
        v.clauses.map((id) => ({ name: id, conditions: JRE_CONDITIONS[id] as never, event: { type: id } })),
        { pathResolver: plainPath },
      ),
  );
  return {
    async decide(post: Post): Promise<Outcome> {
      const v = versionIndex(post.date);
      const { events } = await engines[v]!.run({ post });
      let held = 0;
      for (const e of events) held += CLAUSE_MASK[e.type]!;
      return combine(v, held);
    },
  };
}
