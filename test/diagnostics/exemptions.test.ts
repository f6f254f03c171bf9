import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFiles, checkPolicy, underlined, type Checked } from '../support/policies.js';

/** BL407 (an exemption always outranked by another) and BL408 (an exemption that never meets its rules). */

const clause = (kind: string, name: string, when: string, action: string, from?: string) =>
  `${kind} ${name}\n${from ? `  from ${from}\n` : ''}  when ${when}\n  then ${action}\n  because "x"\n`;
const harassment = clause('rule', 'harassment', 'post.categories has harassment', 'remove');
const terrorism = clause('rule', 'terrorism', 'post.categories has terrorism', 'suspend');
const leader = 'post.author.role == world_leader';

function warnings(checked: Checked): [string, string, string][] {
  return checked.diagnostics.map((d) => [d.code, underlined(d, checked.sources), d.message]);
}

describe('BL407: an exemption that a better one always outranks', () => {
  it('a less severe exemption that holds whenever it does, declared before or after it', () => {
    const narrow = clause('exemption', 'narrow', `${leader} and post.public_interest`, 'notice', 'harassment');
    const broad = clause('exemption', 'broad', leader, 'allow', 'harassment');
    for (const body of [harassment + narrow + broad, harassment + broad + narrow]) {
      const checked = checkPolicy(body);
      expect(warnings(checked)).toEqual([['BL407', 'narrow', 'exemption `narrow` never applies: `broad` applies whenever it would']]);
      expect(checked.diagnostics[0]!.notes.map((n) => n.message)).toEqual(['`broad` (`allow`) is declared here']);
      expect(checked.policy).not.toBeNull();
    }
  });

  it('on a tie the first declared wins: the later one is outranked, the earlier one is not', () => {
    const first = clause('exemption', 'first', leader, 'notice', 'harassment');
    const second = clause('exemption', 'second', `${leader} and post.author.verified`, 'notice', 'harassment');
    const checked = checkPolicy(harassment + first + second);
    expect(warnings(checked)).toEqual([['BL407', 'second', 'exemption `second` never applies: `first` applies whenever it would']]);
    expect(checked.diagnostics[0]!.notes.map((n) => n.message)).toEqual(['`first` (`notice`) is declared here, before it']);
    // Declared the other way round, the narrower one comes first and decides where it holds.
    expect(warnings(checkPolicy(harassment + second + first))).toEqual([]);
  });

  it('outranked by two exemptions together, each named', () => {
    const checked = checkPolicy(
      harassment +
        clause('exemption', 'public_leaders', `${leader} and post.public_interest`, 'allow', 'harassment') +
        clause('exemption', 'private_leaders', `${leader} and not post.public_interest`, 'allow', 'harassment') +
        clause('exemption', 'leaders', leader, 'notice', 'harassment'),
    );
    expect(warnings(checked)).toEqual([['BL407', 'leaders', 'exemption `leaders` never applies: `public_leaders` and `private_leaders` apply whenever it would']]);
  });

  it('a long list of exemptions that outrank it together is cut short', () => {
    const slices = Array.from({ length: 7 }, (_, i) => {
      const low = i === 0 ? '' : `post.author.followers >= ${i * 10}`;
      const high = i === 6 ? '' : `post.author.followers < ${(i + 1) * 10}`;
      return clause('exemption', `s${i}`, [low, high].filter(Boolean).join(' and '), 'allow', 'harassment');
    });
    const checked = checkPolicy(harassment + clause('exemption', 'leaders', leader, 'notice', 'harassment') + slices.join(''));
    expect(warnings(checked)).toEqual([['BL407', 'leaders', 'exemption `leaders` never applies: `s0`, `s1`, `s2`, `s3`, `s4` and others apply whenever it would']]);
  });

  it('no warning when it decides for some input', () => {
    // The better one does not always hold.
    const sometimes = clause('exemption', 'sometimes', `${leader} and post.public_interest`, 'allow', 'harassment');
    expect(warnings(checkPolicy(harassment + clause('exemption', 'leaders', leader, 'notice', 'harassment') + sometimes))).toEqual([]);
    // Outranked for one of its rules, but the only exemption of the other.
    const both = clause('exemption', 'leaders', leader, 'notice', 'harassment, terrorism');
    const broad = clause('exemption', 'broad', leader, 'allow', 'harassment');
    expect(warnings(checkPolicy(harassment + terrorism + both + broad))).toEqual([]);
  });

  it('the issue’s case: a `satire` exemption under Twitter’s political-speech one (2019-10-15)', () => {
    const folder = new URL('../../policies/twitter/', import.meta.url);
    const files = Object.fromEntries(
      readdirSync(folder)
        .filter((f) => f.endsWith('.policy'))
        .map((f) => [`twitter/${f}`, readFileSync(new URL(f, folder), 'utf8')]),
    );
    expect(warnings(checkFiles(files, 'twitter'))).toEqual([]);
    files['twitter/v3_world_leaders.policy'] += `\n${clause('exemption', 'satire', `${leader} and post.topic == political_issue`, 'notice', 'harassment, hateful_conduct')}`;
    expect(warnings(checkFiles(files, 'twitter'))).toEqual([
      ['BL407', 'satire', 'exemption `satire` never applies: `generally_not_a_violation` applies whenever it would'],
    ]);
  });
});

describe('BL408: an exemption that never meets its rules', () => {
  it('names every rule it cannot meet', () => {
    const checked = checkPolicy(
      harassment + terrorism + clause('exemption', 'e', 'post.categories has self_harm and not (post.categories has harassment or post.categories has terrorism)', 'notice', 'harassment, terrorism'),
    );
    expect(warnings(checked)).toEqual([['BL408', 'e', 'exemption `e` never applies: its condition never holds when `harassment` or `terrorism` fires']]);
    expect(checked.diagnostics[0]!.notes.map((n) => n.message)).toEqual(['`harassment` is declared here', '`terrorism` is declared here']);
  });

  it('leaves to BL402 an exemption that never applies at all, and a rule that never fires', () => {
    const never = clause('exemption', 'e', 'post.author.strikes > 3 and post.author.strikes < 2', 'notice', 'harassment');
    expect(warnings(checkPolicy(harassment + never)).map(([code]) => code)).toEqual(['BL402']);
    const dead = clause('rule', 'dead', 'post.author.strikes > 3 and post.author.strikes < 2', 'remove');
    expect(warnings(checkPolicy(dead + clause('exemption', 'e', 'post.public_interest', 'notice', 'dead'))).map(([code]) => code)).toEqual(['BL402']);
  });
});

describe('per version', () => {
  const version = (n: number, body: string) => `policy p\nversion "${n}"\neffective 202${n}-01-01\nuse shared\n${body}`;
  const shared = `use moderation\ninput post: Post\ndefault allow\n${harassment}${clause('exemption', 'leaders', leader, 'notice', 'harassment')}`;
  const broad = clause('exemption', 'broad', leader, 'allow', 'harassment');

  it('warned only when outranked in every version that uses the module', () => {
    const some = checkFiles({ 'set/shared.policy': shared, 'set/v1.policy': version(1, broad), 'set/v2.policy': version(2, '') }, 'set');
    expect(warnings(some)).toEqual([]);
    const every = checkFiles({ 'set/shared.policy': shared, 'set/v1.policy': version(1, broad), 'set/v2.policy': version(2, broad) }, 'set');
    expect(warnings(every)).toEqual([['BL407', 'leaders', 'exemption `leaders` never applies: `broad` applies whenever it would']]);
  });
});
