import { basename, resolve } from 'node:path';
import type * as A from '../../ast/nodes.js';
import type { Span } from '../../diagnostics/span.js';
import { DECISION_ACCOUNT, DECISION_MONETARY, DECISION_PROVISION, DECISION_VISIBILITY, KEYWORD, STATEMENT_CATEGORY } from '../../statements/enumerations.js';
import type { Analysis } from '../project.js';
import { durationText } from '../written.js';

/**
 * What the `statement` declarations of a policy set say (statements of reasons,
 * docs/statements-of-reasons.md), for hovers: what an action or a clause becomes in the DSA
 * Transparency Database, a version's public URL, and what a database key means.
 */

/** The database's keys a `statement` may name, by the field each belongs to, with the database's label. */
export const DSA_KEYS: readonly { readonly field: string; readonly keys: Readonly<Record<string, string>> }[] = [
  { field: 'decision_visibility', keys: DECISION_VISIBILITY },
  { field: 'decision_monetary', keys: DECISION_MONETARY },
  { field: 'decision_provision', keys: DECISION_PROVISION },
  { field: 'decision_account', keys: DECISION_ACCOUNT },
  { field: 'category', keys: STATEMENT_CATEGORY },
  { field: 'category_specification', keys: KEYWORD },
];

/** Every `statement` declaration of the analysis's files, with its file. */
export function statementDecls(analysis: Analysis): A.StatementDecl[] {
  const decls: A.StatementDecl[] = [];
  for (const info of analysis.files.values()) {
    for (const item of info.ast?.items ?? []) if (item.kind.startsWith('Statement')) decls.push(item as A.StatementDecl);
  }
  return decls;
}

/** `DECISION_VISIBILITY_OTHER "screen" permanently and DECISION_PROVISION_PARTIAL_SUSPENSION`, or `no restriction`. */
export function targetsText(action: A.StatementAction): string {
  if (action.targets.length === 0) return 'no restriction';
  return action.targets.map((t) => `${t.key.name}${t.other ? ` ${t.other.raw}` : ''}${t.permanently ? ' permanently' : ''}`).join(' and ');
}

/** What `member` of a scale becomes for each outcome in `outcomes` that maps it: one line each. */
export function actionMapping(analysis: Analysis, outcomes: readonly string[], member: string): string | null {
  const lines: string[] = [];
  for (const decl of statementDecls(analysis)) {
    if (decl.kind !== 'StatementActions' || !outcomes.includes(decl.outcome.name)) continue;
    const action = decl.actions.find((a) => a.name.name === member);
    if (!action) continue;
    const length = action.duration ? ` (for ${durationText(action.duration)})` : '';
    const notice = action.notice ? ` The notice says: “We ${action.notice.value}”.` : '';
    lines.push(`In a statement of reasons (\`statement ${decl.outcome.name}\`, ${where(decl)})${length}: \`${targetsText(action)}\`.${notice}`);
  }
  return lines.length > 0 ? lines.join('\n\n') : null;
}

/** A clause's category, keywords and ground; an exemption's are those of the rules it exempts. */
export function clauseMapping(analysis: Analysis, clause: A.ClauseDecl): string | null {
  const mapped = statementDecls(analysis).find((d): d is A.StatementClausesDecl => d.kind === 'StatementClauses' && d.clauses.some((c) => c.name === clause.name.name));
  if (!mapped) {
    if (clause.kind !== 'Exemption') return null;
    return 'In a statement of reasons: the category and ground of the rule it exempts.';
  }
  const keywords = mapped.keywords.map((k) => `\`${k.key.name}\`${k.other ? ` ${k.other.raw}` : ''}`).join(', ');
  const g = mapped.ground;
  const illegal = g.illegal === null ? '' : g.illegal ? ' also illegal' : ' not illegal';
  return [
    `In a statement of reasons (${where(mapped)}): category \`${mapped.category.name}\``,
    keywords ? `, keywords ${keywords}` : '',
    `; ground \`${g.basis.name} ${g.reference.raw}${illegal}\`.`,
  ].join('');
}

/** A version: its header, its effective date and the URL a `statement version` gives it. */
export function describeVersion(analysis: Analysis, header: A.VersionHeader): string {
  const file = analysis.files.get(resolve(header.span.file));
  const effective = file?.ast?.items.find((i): i is A.EffectiveHeader => i.kind === 'EffectiveHeader');
  const url = statementDecls(analysis).find((d): d is A.StatementVersionDecl => d.kind === 'StatementVersion' && d.version.value === header.value.value);
  const parts = [
    `\`\`\`bylaw\nversion ${header.value.raw}\n\`\`\``,
    `A version of the policy${effective ? `, in force from ${effective.date.value}` : ''}, declared in *${basename(header.span.file)}*.`,
    url ? `Its rules are published at <${url.url.value}> (\`statement version\`, ${where(url)}).` : 'No `statement version` gives the URL of its rules.',
  ];
  return parts.join('\n\n');
}

/**
 * In a `statement` of `ast` at `offset`: a database key, with what it means, or Bylaw 1's outcome
 * `action` (it has no declaration for the index to point at).
 */
export function statementWordAt(analysis: Analysis, ast: A.PolicyFile, offset: number): { readonly span: Span; readonly value: string } | null {
  for (const item of ast.items) {
    if (!item.kind.startsWith('Statement') || offset < item.span.start.offset || offset > item.span.end.offset) continue;
    if (item.kind === 'StatementActions' && item.outcome.span.start.offset <= offset && offset <= item.outcome.span.end.offset) {
      const implicit = analysis.units.flatMap((u) => u.outcomes).find((o) => o.decl === null && o.name === item.outcome.name);
      if (!implicit) return null;
      const members = implicit.scale.members.map((m) => m.name.name).join(' < ');
      return { span: item.outcome.span, value: `\`action\`: the one outcome of a version without \`outcome\` declarations, on the scale \`${implicit.scale.name.name}\`: ${members}.` };
    }
    const keys: A.Identifier[] =
      item.kind === 'StatementActions' ? item.actions.flatMap((a) => a.targets.map((t) => t.key)) : item.kind === 'StatementClauses' ? [item.category, ...item.keywords.map((k) => k.key)] : [];
    const key = keys.find((k) => k.span.start.offset <= offset && offset <= k.span.end.offset);
    if (key) return { span: key.span, value: describeKey(key.name) };
  }
  return null;
}

function describeKey(key: string): string {
  const owner = DSA_KEYS.find((k) => key in k.keys);
  if (!owner) return `\`${key}\` is not a key of the DSA Transparency Database.`;
  return `\`${key}\`: “${owner.keys[key]}”, a value of the field \`${owner.field}\` of a statement of reasons in the DSA Transparency Database.`;
}

function where(decl: A.StatementDecl): string {
  return `*${basename(decl.span.file)}*`;
}
