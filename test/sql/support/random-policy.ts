import { mulberry32 } from '../../../bench/random.js';

/**
 * Random small policies over the stdlib Post, built to stress the decision semantics: many
 * clauses at the same few severities (ties between red lines, rules and exemptions), exemptions
 * from several rules with equal and different actions, `unless`, contexts, every operator.
 * Exemption actions never exceed the least severe rule they exempt (the checker's rule).
 */
const ACTIONS = ['allow', 'notice', 'remove', 'lock', 'suspend'];
const CATEGORIES = ['violent_threat', 'terrorism', 'hateful_conduct', 'harassment', 'civic_integrity', 'self_harm'];
const ROLES = ['ordinary', 'public_figure', 'world_leader', 'candidate'];
const TARGETS = ['none', 'individual', 'group'];

export function randomPolicy(seed: number): string {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const some = <T>(xs: readonly T[]): T[] => {
    const chosen = xs.filter(() => random() < 0.4);
    return chosen.length > 0 ? chosen : [pick(xs)];
  };
  const atom = (): string => {
    switch (Math.floor(random() * 9)) {
      case 0:
      case 1:
      case 2:
        return `post.categories has ${pick(CATEGORIES)}`;
      case 3:
        return `post.author.role ${random() < 0.5 ? 'in' : 'not in'} {${some(ROLES).join(', ')}}`;
      case 4:
        return `post.author.strikes ${pick(['==', '!=', '<', '<=', '>', '>='])} ${pick([0, 1, 2])}`;
      case 5:
        return `post.author.followers > ${pick([0, 1000, 100_000])}`;
      case 6:
        return `post.target ${pick(['==', '!='])} ${pick(TARGETS)}`;
      case 7:
        return random() < 0.5 ? 'post.public_interest' : 'not post.author.verified';
      default:
        return `post.date ${pick(['<', '>='])} 2019-06-01`;
    }
  };
  const condition = (depth = 0): string => {
    const r = random();
    if (depth < 2 && r < 0.25) return `(${condition(depth + 1)} or ${condition(depth + 1)})`;
    if (depth < 2 && r < 0.55) return `${condition(depth + 1)} and ${condition(depth + 1)}`;
    if (r < 0.6) return 'hot';
    return atom();
  };
  const lines = ['use moderation', 'input post: Post', `default ${pick(['allow', 'allow', 'notice'])}`, ''];
  lines.push(`context hot = ${atom()} or ${atom()}`, '');
  const redlines = Math.floor(random() * 3);
  for (let i = 0; i < redlines; i++) {
    lines.push(`redline r${i}`, `  when post.categories has ${pick(CATEGORIES)}${random() < 0.5 ? ` and ${atom()}` : ''}`, `  then ${pick(ACTIONS.slice(2))}`, '');
  }
  const rules: { name: string; severity: number }[] = [];
  const nRules = 2 + Math.floor(random() * 5);
  for (let i = 0; i < nRules; i++) {
    const severity = 1 + Math.floor(random() * 4);
    rules.push({ name: `u${i}`, severity });
    lines.push(`rule u${i}`, `  when post.categories has ${pick(CATEGORIES)} and ${condition()}`);
    if (random() < 0.3) lines.push(`  unless ${atom()}`);
    lines.push(`  then ${ACTIONS[severity]}`, '');
  }
  const nExemptions = Math.floor(random() * 4);
  for (let i = 0; i < nExemptions; i++) {
    const from = some(rules);
    const max = Math.min(...from.map((r) => r.severity));
    lines.push(`exemption e${i}`, `  from ${from.map((r) => r.name).join(', ')}`, `  when ${condition()}`);
    if (random() < 0.3) lines.push(`  unless ${atom()}`);
    lines.push(`  then ${ACTIONS[Math.floor(random() * (max + 1))]}`, '');
  }
  return lines.join('\n');
}
