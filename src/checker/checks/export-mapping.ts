/**
 * The `statement` declarations a version sees, read into the export mapping of
 * src/statements/mapping.ts, with the place in the source of every part of it: the checks of
 * that model (`checkMapping`) name a path, and the checker turns the path into a span.
 */
import type * as A from '../../ast/nodes.js';
import type { DiagnosticBag } from '../../diagnostics/codes.js';
import type { MessageArgs } from '../../diagnostics/messages.js';
import type { Span } from '../../diagnostics/span.js';
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

/** What was mapped twice (BL507), short of where it was first. */
type Mapped = MessageArgs<'BL507'> extends infer A ? (A extends unknown ? Omit<A, 'first'> : never) : never;

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
  /** False when `key` was mapped already (reported as `what`); records where otherwise. */
  const once = (key: string, what: Mapped, span: Span): boolean => {
    const earlier = first.get(key);
    if (earlier) {
      bag.emit('BL507', span, { ...what, first: earlier } as MessageArgs<'BL507'>);
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
      if (!once(`version ${version}`, { kind: 'version', version }, decl.version.span)) continue;
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
        if (!once(at, { kind: 'action', action: action.name.name, outcome }, action.name.span)) continue;
        spans.set(at, action.name.span);
        actions[action.name.name] = readAction(action, at, spans, bag);
      }
    } else {
      const clause = readClause(decl, bag);
      const names = decl.default ? [decl.default] : decl.clauses;
      for (const name of names) {
        const isDefault = decl.default !== null;
        const path = isDefault ? 'default' : `clauses.${name.name}`;
        if (!once(path, isDefault ? { kind: 'default' } : { kind: 'clause', clause: name.name }, name.span)) continue;
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
      const clausal = key in STATEMENT_CATEGORY || key in KEYWORD;
      const nothing = CONTEXTUAL_WORDS.includes(key) || key === 'none' || key === 'nothing';
      bag.emit('BL502', t.key.span, { kind: 'restriction', key, clausal, nothing, keys: RESTRICTION_KEYS });
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

function readClause(decl: A.StatementClausesDecl, bag: DiagnosticBag): ClauseMapping {
  const keywords = decl.keywords.map((k) => k.key.name as KeywordKey);
  const other = decl.keywords.find((k) => k.key.name === 'KEYWORD_OTHER')?.other ?? null;
  for (const k of decl.keywords) {
    if (k.other && k.key.name !== 'KEYWORD_OTHER') {
      bag.emit('BL552', k.other.span, { kind: 'keyword', key: k.key.name });
    }
  }
  const { basis, illegal } = decl.ground;
  const reference = decl.ground.reference.value;
  let ground: ClauseMapping['ground'];
  if (basis.name === 'terms') {
    ground = { kind: 'terms', reference, ...(illegal !== null ? { illegal } : {}) };
  } else if (basis.name === 'law') {
    if (illegal !== null) {
      bag.emit('BL510', decl.ground.span, { kind: 'law-illegal', illegal });
    }
    ground = { kind: 'law', reference };
  } else {
    bag.emit('BL510', basis.span, { kind: 'not-a-ground', basis: basis.name });
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
