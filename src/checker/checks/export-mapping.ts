/**
 * The `statement` declarations a version sees, read into the export mapping of
 * src/statements/mapping.ts, with the place in the source of every part of it: the checks of
 * that model (`checkMapping`) name a path, and the checker turns the path into a span.
 */
import type * as A from '../../ast/nodes.js';
import type { DiagnosticBag } from '../../diagnostics/codes.js';
import type { Span } from '../../diagnostics/span.js';
import { closestMatch } from '../../diagnostics/suggest.js';
import { isoDuration } from '../../semantics/durations.js';
import { CONTEXTUAL_WORDS } from '../../syntax/tokens.js';
import { KEYWORD, STATEMENT_CATEGORY } from '../../statements/enumerations.js';
import { TARGET_KEYS, type ActionMapping, type ClauseMapping, type ExportMapping, type Target, type TargetField } from '../../statements/mapping.js';
import type { KeywordKey } from '../../statements/enumerations.js';
import { durationOf } from '../outcomes.js';

/** A mapping read from the source, and where each of its paths was written. */
export interface ReadMapping {
  readonly mapping: ExportMapping;
  readonly spans: ReadonlyMap<string, Span>;
  /** Version statements for versions other than this one (a module shared by every version has all of them). */
  readonly otherVersions: readonly A.StatementVersionDecl[];
}

const RESTRICTION_KEYS: readonly string[] = Object.values(TARGET_KEYS).flat();

/** The field a restriction key belongs to (`DECISION_ACCOUNT_SUSPENDED` → `decision_account`). */
function fieldOf(key: string): TargetField | undefined {
  return (Object.keys(TARGET_KEYS) as TargetField[]).find((field) => TARGET_KEYS[field].includes(key));
}

/**
 * Reads the statement declarations of `files` (null when there are none: the version has no
 * mapping). Reports what the model cannot hold: a key of no restriction field, a ground that is
 * neither `terms` nor `law`, anything mapped twice, a keyword text the database would drop.
 */
export function readMapping(files: readonly A.PolicyFile[], version: string, bag: DiagnosticBag): ReadMapping | null {
  const decls = files.flatMap((f) => f.items.filter((i): i is A.StatementDecl => i.kind.startsWith('Statement')));
  if (decls.length === 0) return null;
  const spans = new Map<string, Span>();
  const first = new Map<string, Span>();
  /** False when `key` was mapped already (reported); records where otherwise. */
  const once = (key: string, what: string, span: Span, help: string): boolean => {
    const earlier = first.get(key);
    if (earlier) {
      bag.report('BL507', `${what} is mapped twice`, span, { notes: [{ message: 'first mapped here', span: earlier }], help });
      return false;
    }
    first.set(key, span);
    return true;
  };

  const outcomes: Record<string, Record<string, ActionMapping>> = {};
  const clauses: Record<string, ClauseMapping> = {};
  const versions: Record<string, { url: string }> = {};
  const otherVersions: A.StatementVersionDecl[] = [];
  let byDefault: ClauseMapping | undefined;

  for (const decl of decls) {
    if (decl.kind === 'StatementVersion') {
      if (decl.version.value !== version) {
        otherVersions.push(decl);
        continue;
      }
      if (!once(`version ${version}`, `version \`${version}\``, decl.version.span, 'each version has one public URL: keep one `statement version`')) continue;
      versions[version] = { url: decl.url.value };
      spans.set(`versions.${version}`, decl.version.span);
      spans.set(`versions.${version}.url`, decl.url.span);
    } else if (decl.kind === 'StatementActions') {
      const outcome = decl.outcome.name;
      const path = `outcomes.${outcome}`;
      if (!spans.has(path)) spans.set(path, decl.outcome.span);
      const actions = (outcomes[outcome] ??= {});
      for (const action of decl.actions) {
        const at = `${path}.${action.name.name}`;
        if (!once(at, `action \`${action.name.name}\` of \`${outcome}\``, action.name.span, 'say once what an action becomes: delete one of them')) continue;
        spans.set(at, action.name.span);
        actions[action.name.name] = readAction(action, at, spans, bag);
      }
    } else {
      const clause = readClause(decl, bag);
      const names = decl.default ? [decl.default] : decl.clauses;
      for (const name of names) {
        const isDefault = decl.default !== null;
        const path = isDefault ? 'default' : `clauses.${name.name}`;
        if (!once(path, isDefault ? 'the default ground' : `clause \`${name.name}\``, name.span, 'give each clause one category and ground: delete it from one `statement`')) continue;
        spans.set(path, name.span);
        clauseSpans(decl, path, spans);
        if (isDefault) byDefault = clause;
        else clauses[name.name] = clause;
      }
    }
  }
  const mapping: ExportMapping = { outcomes, clauses, versions, ...(byDefault ? { default: byDefault } : {}) };
  return { mapping, spans, otherVersions };
}

function readAction(action: A.StatementAction, at: string, spans: Map<string, Span>, bag: DiagnosticBag): ActionMapping {
  const targets: Target[] = [];
  for (const t of action.targets) {
    const key = t.key.name;
    const field = fieldOf(key);
    if (!field) {
      // Reported; the action keeps its other targets, so that it is not also reported as unmapped.
      bag.report('BL502', `\`${key}\` is not a restriction of the Transparency Database`, t.key.span, { help: keyHelp(key) });
      continue;
    }
    const path = `${at}.targets.${targets.length}`;
    spans.set(path, t.span);
    spans.set(`${path}.value`, t.key.span);
    if (t.other) spans.set(`${path}.other`, t.other.span);
    targets.push({
      field,
      value: key,
      ...(t.other ? { other: t.other.value } : {}),
      ...(t.permanently ? { permanent: true } : {}),
    } as Target);
  }
  let duration: string | undefined;
  if (action.duration) {
    const read = durationOf(action.duration, bag);
    if (read) duration = isoDuration(read);
    spans.set(`${at}.duration`, action.duration.span);
  }
  if (action.notice) spans.set(`${at}.notice`, action.notice.span);
  return { targets, ...(duration !== undefined ? { duration } : {}), ...(action.notice ? { notice: action.notice.value } : {}) };
}

/** A key that is no restriction: a near one, or the list it belongs to. */
function keyHelp(key: string): string {
  if (key in STATEMENT_CATEGORY || key in KEYWORD) {
    return 'a category or keyword belongs to a clause: `statement CLAUSE category … keywords …`';
  }
  const near = closestMatch(key, RESTRICTION_KEYS);
  if (near) return `did you mean \`${near}\`?`;
  if (CONTEXTUAL_WORDS.includes(key) || key === 'none' || key === 'nothing') return 'an action that restricts nothing is written `no restriction`';
  return 'write a key of `decision_visibility`, `decision_monetary`, `decision_provision` or `decision_account`, such as `DECISION_VISIBILITY_CONTENT_REMOVED`';
}

function readClause(decl: A.StatementClausesDecl, bag: DiagnosticBag): ClauseMapping {
  const keywords = decl.keywords.map((k) => k.key.name as KeywordKey);
  const other = decl.keywords.find((k) => k.key.name === 'KEYWORD_OTHER')?.other ?? null;
  for (const k of decl.keywords) {
    if (k.other && k.key.name !== 'KEYWORD_OTHER') {
      bag.report('BL552', `the text after \`${k.key.name}\` is dropped by the database`, k.other.span, {
        help: 'only `KEYWORD_OTHER` takes a text, naming the kind of content; remove this one',
      });
    }
  }
  const { basis, illegal } = decl.ground;
  const reference = decl.ground.reference.value;
  let ground: ClauseMapping['ground'];
  if (basis.name === 'terms') {
    ground = { kind: 'terms', reference, ...(illegal !== null ? { illegal } : {}) };
  } else if (basis.name === 'law') {
    if (illegal !== null) {
      bag.report('BL510', `a ground in law is illegal content: \`${illegal ? 'also illegal' : 'not illegal'}\` goes with \`terms\``, decl.ground.span, {
        help: 'write `ground law "…"` alone, or `ground terms "…" also illegal` for a rule of the terms that the law also forbids',
      });
    }
    ground = { kind: 'law', reference };
  } else {
    const near = closestMatch(basis.name, ['terms', 'law']);
    bag.report('BL510', `\`${basis.name}\` is not a ground`, basis.span, {
      help: near ? `did you mean \`${near}\`?` : 'a ground is `terms "the section of the terms"` or `law "the legal provision"`',
    });
    // Reported: read as the terms, so that the clause is not also reported as unmapped.
    ground = { kind: 'terms', reference };
  }
  return {
    category: decl.category.name as ClauseMapping['category'],
    ...(keywords.length > 0 ? { keywords } : {}),
    ...(other ? { keywordOther: other.value } : {}),
    ground,
  };
}

function clauseSpans(decl: A.StatementClausesDecl, path: string, spans: Map<string, Span>): void {
  spans.set(`${path}.category`, decl.category.span);
  decl.keywords.forEach((k, i) => spans.set(`${path}.keywords.${i}`, k.key.span));
  const other = decl.keywords.find((k) => k.key.name === 'KEYWORD_OTHER');
  if (other) spans.set(`${path}.keywordOther`, other.other?.span ?? other.key.span);
  spans.set(`${path}.ground`, decl.ground.span);
  spans.set(`${path}.ground.reference`, decl.ground.reference.span);
}
