import { basename } from 'node:path';
import type { CheckedClause, CheckedExemption, CheckedValue, Condition, Program } from '../checker/program.js';
import { renameValue } from './diff-atoms.js';
import { contextsOf } from '../interpreter/evaluate.js';
import { LIST_ELEMENT, fieldAt, typeAt, typeChanges, withTypeAt } from './diff-input.js';
import type { Edit } from './diff-types.js';
import { clausesOf } from './diff-textual.js';
import { printCondition, printOperand, shownName } from './print.js';

/**
 * The edits between two versions, each one a unit attribution can apply on its own
 * (diff-cause.ts): a clause added, removed or changed, a `use` added or removed (all the clauses
 * of one module at once), a context changed, the default, the values an input field accepts,
 * the order of clauses; the action scale, or a different version in force, as one edit for the
 * whole version. `because` texts are not edits: they never change a decision.
 */

type ClauseList = 'redlines' | 'rules' | 'exemptions';

/** One step of an edit, applied to the old version (see `applyEdits`). */
export type EditOp =
  | { readonly kind: 'clause'; readonly name: string; readonly to: CheckedClause | null }
  | { readonly kind: 'context'; readonly name: string; readonly to: Condition }
  /** A value context (`context n = count(…)`) given the new side's body: `from` and `to` are the canonical names (diff-atoms.ts). */
  | { readonly kind: 'value'; readonly from: string; readonly to: CheckedValue }
  | { readonly kind: 'default' }
  | { readonly kind: 'input'; readonly path: readonly string[] }
  | { readonly kind: 'order'; readonly list: ClauseList }
  | { readonly kind: 'whole' };

export interface VersionEdit {
  /** Equal keys are the same edit in another pair of versions (a shared module edited once). */
  readonly key: string;
  readonly kind: Edit['kind'];
  readonly text: string;
  readonly ops: readonly EditOp[];
}

const LIST: Record<CheckedClause['kind'], ClauseList> = { redline: 'redlines', rule: 'rules', exemption: 'exemptions' };
const LISTS: readonly ClauseList[] = ['redlines', 'rules', 'exemptions'];
const SNIPPET = 160;

const snippet = (text: string) => `\`${text.length > SNIPPET ? `${text.slice(0, SNIPPET - 1)}…` : text}\``;
const print = (c: Condition) => printCondition(c);

/** The outcomes a version decides and their scales, as text (Bylaw 1: its one scale, as before). */
function scaleText(p: Program): string {
  if (!p.declaredOutcomes) return p.scale.members.join(' < ');
  return p.outcomes.map((o) => `outcome ${o.name}: ${o.scale.members.map((m) => (o.scale.timed.includes(m) ? `${m}(duration)` : m)).join(' < ')}`).join('; ');
}

/** What decides: kind, conditions (contexts by name), action, what it exempts. Not `because`. */
function signature(c: CheckedClause): string {
  return JSON.stringify([c.kind, print(c.when), c.unless ? print(c.unless) : '', c.action, c.kind === 'exemption' ? (c as CheckedExemption).from : []]);
}

/** The module a clause comes from, or null when the version's own file declares it. */
function moduleOf(c: CheckedClause, program: Program): string | null {
  return c.span.file === program.file ? null : basename(c.span.file, '.policy');
}

/**
 * The parts of two conditions that differ, as (before, after) texts: the operands of an `and`
 * or `or` are compared one by one, so a moved threshold shows as that one comparison.
 */
export function conditionChanges(a: Condition | null, b: Condition | null): [string | null, string | null][] {
  if (a === null || b === null) return a === b ? [] : [[a && print(a), b && print(b)]];
  if (print(a) === print(b)) return [];
  if ((a.kind === 'and' || a.kind === 'or') && a.kind === b.kind) {
    const x = a.operands;
    const y = (b as typeof a).operands;
    if (x.length === y.length) return x.flatMap((o, i) => conditionChanges(o, y[i]!));
    const ys = new Set(y.map(print));
    const xs = new Set(x.map(print));
    const out: [string | null, string | null][] = [...x.filter((o) => !ys.has(print(o))).map((o): [string, null] => [print(o), null]), ...y.filter((o) => !xs.has(print(o))).map((o): [null, string] => [null, print(o)])];
    if (out.length > 0) return out;
  }
  return [[print(a), print(b)]];
}

function describeChanges(word: string, changes: [string | null, string | null][]): string[] {
  return changes.map(([x, y]) => (x === null ? `${word} + ${snippet(y!)}` : y === null ? `${word} − ${snippet(x)}` : `${word} ${snippet(x)} → ${snippet(y)}`));
}

function clauseChange(a: CheckedClause, b: CheckedClause): string {
  const parts: string[] = [];
  if (a.kind !== b.kind) parts.push(`${a.kind} → ${b.kind}`);
  parts.push(...describeChanges('when', conditionChanges(a.when, b.when)), ...describeChanges('unless', conditionChanges(a.unless, b.unless)));
  if (a.action !== b.action) parts.push(`then ${a.action} → ${b.action}`);
  const from = (c: CheckedClause) => (c.kind === 'exemption' ? (c as CheckedExemption).from : []);
  const added = from(b).filter((r) => !from(a).includes(r));
  const removed = from(a).filter((r) => !from(b).includes(r));
  if (added.length + removed.length > 0) parts.push(`from ${[...added.map((r) => `+ ${r}`), ...removed.map((r) => `− ${r}`)].join(', ')}`);
  if (parts.length === 0) parts.push('order of `from`');
  return `${b.kind} \`${b.name}\`: ${parts.join('; ')}`;
}

/** The edits that turn `before` into `after` (null: no version in force on that side). */
export function versionEdits(before: Program | null, after: Program | null, dated: boolean): VersionEdit[] {
  if (before === null && after === null) return [];
  if (before === null) return [{ key: `version|none>${after!.version}`, kind: 'version', text: `version ${after!.version} in force (no version before)`, ops: [{ kind: 'whole' }] }];
  if (after === null) return [{ key: `version|${before.version}>none`, kind: 'version', text: `no version in force (version ${before.version} before)`, ops: [{ kind: 'whole' }] }];
  const other = dated && before.version !== after.version;
  const keyPrefix = other ? `${before.version}>${after.version}|` : '';
  const textPrefix = other ? `version ${after.version} in force instead of ${before.version}: ` : '';
  const edit = (key: string, kind: Edit['kind'], text: string, ops: EditOp[]): VersionEdit => ({ key: keyPrefix + key, kind, text: textPrefix + text, ops });
  if (scaleText(before) !== scaleText(after) || before.declaredOutcomes !== after.declaredOutcomes) {
    const what = before.declaredOutcomes || after.declaredOutcomes ? 'the outcomes' : 'the action scale';
    return [edit('scale', 'scale', `${what} \`${scaleText(before)}\` → \`${scaleText(after)}\``, [{ kind: 'whole' }])];
  }
  const edits: VersionEdit[] = [];
  const old = new Map(clausesOf(before).map((c) => [c.name, c]));
  const now = new Map(clausesOf(after).map((c) => [c.name, c]));
  for (const [name, b] of now) {
    const a = old.get(name);
    if (a && signature(a) !== signature(b)) edits.push(edit(`clause|${name}|${signature(a)}|${signature(b)}`, 'clause', clauseChange(a, b), [{ kind: 'clause', name, to: b }]));
  }
  // Clauses only one side has: a whole module used or no longer used is one `use` edit.
  const oneSided = (from: Program, to: Program, others: ReadonlyMap<string, CheckedClause>, added: boolean) => {
    const used = new Set(clausesOf(to).map((c) => moduleOf(c, to)));
    const modules = new Map<string, CheckedClause[]>();
    for (const c of clausesOf(from)) {
      if (others.has(c.name)) continue;
      const m = moduleOf(c, from);
      const ops: EditOp[] = [{ kind: 'clause', name: c.name, to: added ? c : null }];
      if (m !== null && !used.has(m)) {
        const list = modules.get(m);
        if (list) list.push(c);
        else modules.set(m, [c]);
        continue;
      }
      edits.push(edit(`clause|${c.name}|${added ? '' : signature(c)}|${added ? signature(c) : ''}`, 'clause', `${c.kind} \`${c.name}\` ${added ? 'added' : 'removed'}`, ops));
    }
    for (const [m, list] of modules) {
      const names = list.map((c) => `${c.kind} \`${c.name}\``).join(', ');
      edits.push(
        edit(`use|${m}|${added}|${list.map(signature).join(';')}`, 'use', `\`use ${m}\` ${added ? 'added' : 'removed'} (${names})`, list.map((c) => ({ kind: 'clause', name: c.name, to: added ? c : null }))),
      );
    }
  };
  oneSided(before, after, now, false);
  oneSided(after, before, old, true);

  const oldContexts = contextsOf(before);
  for (const c of after.contexts) {
    const o = oldContexts.get(c.name);
    if (!o || print(o) === print(c.body)) continue;
    const changes = describeChanges('', conditionChanges(o, c.body)).map((s) => s.trimStart());
    edits.push(edit(`context|${c.name}|${print(o)}|${print(c.body)}`, 'context', `context \`${c.name}\`: ${changes.join('; ')}`, [{ kind: 'context', name: c.name, to: c.body }]));
  }
  // Value contexts by the name the author gave them; their canonical names differ where their bodies do.
  for (const v of after.values) {
    const o = before.values.find((x) => shownName(x.name) === shownName(v.name));
    if (!o || o.name === v.name) continue;
    const name = shownName(v.name);
    edits.push(edit(`value|${name}|${o.name}|${v.name}`, 'context', `context \`${name}\`: ${snippet(printOperand(o.value))} → ${snippet(printOperand(v.value))}`, [{ kind: 'value', from: o.name, to: v }]));
  }
  if (before.defaultAction.action !== after.defaultAction.action) {
    edits.push(edit(`default|${before.defaultAction.action}|${after.defaultAction.action}`, 'default', `default ${before.defaultAction.action} → ${after.defaultAction.action}`, [{ kind: 'default' }]));
  }
  for (const t of typeChanges(before.inputType, after.inputType)) {
    // What list elements accept is not in the model (diff.ts says so): no edit to apply for it.
    if (t.shape || t.path.includes(LIST_ELEMENT)) continue;
    edits.push(edit(`input|${t.path}|${t.before}|${t.after}|${t.what}`, 'input', `input \`${t.path}\`: ${t.what}`, [{ kind: 'input', path: t.path.split('.') }]));
  }
  for (const list of LISTS) {
    const common = (p: Program, q: Program) => p[list].map((c) => c.name).filter((n) => q[list].some((c) => c.name === n));
    if (common(before, after).join(',') !== common(after, before).join(',')) {
      edits.push(edit(`order|${list}|${common(after, before).join(',')}`, 'order', `order of the ${list === 'redlines' ? 'red lines' : list}`, [{ kind: 'order', list }]));
    }
  }
  return edits;
}

/**
 * `before` with some edits towards `after` applied: the version "with this edit alone".
 * Clauses keep the old order, new ones go after the clause that precedes them in `after`;
 * contexts only `after` has are always there (only the clauses it brings in read them).
 * With every edit applied the result decides as `after` does (the tests check it).
 */
export function applyEdits(before: Program, after: Program, ops: readonly EditOp[]): Program {
  if (ops.some((o) => o.kind === 'whole')) return after;
  const lists: Record<ClauseList, CheckedClause[]> = { redlines: [...before.redlines], rules: [...before.rules], exemptions: [...before.exemptions] };
  const rank = new Map(clausesOf(after).map((c, i) => [c.name, i]));
  const clauseOps = ops.filter((o): o is Extract<EditOp, { kind: 'clause' }> => o.kind === 'clause').sort((x, y) => (rank.get(x.name) ?? -1) - (rank.get(y.name) ?? -1));
  for (const op of ops) {
    if (op.kind !== 'order') continue;
    // The clauses both have, in the new order; the others stay after their old predecessor.
    const list = lists[op.list];
    const order = new Map(after[op.list].map((c, i) => [c.name, i]));
    const common = list.filter((c) => order.has(c.name)).sort((x, y) => order.get(x.name)! - order.get(y.name)!);
    const out: CheckedClause[] = [...common];
    list.forEach((c, i) => {
      if (order.has(c.name)) return;
      const previous = list[i - 1];
      out.splice(previous ? out.indexOf(previous) + 1 : 0, 0, c);
    });
    lists[op.list] = out;
  }
  for (const op of clauseOps) {
    // A changed clause of the same kind keeps its place; others leave their list.
    const own = op.to === null ? -1 : lists[LIST[op.to.kind]].findIndex((c) => c.name === op.name);
    if (own >= 0) {
      lists[LIST[op.to!.kind]][own] = op.to!;
      continue;
    }
    for (const list of LISTS) lists[list] = lists[list].filter((c) => c.name !== op.name);
    if (op.to === null) continue;
    const list = lists[LIST[op.to.kind]];
    const peers = after[LIST[op.to.kind]];
    let at = 0;
    for (let i = peers.findIndex((c) => c.name === op.name) - 1; i >= 0; i--) {
      const k = list.findIndex((c) => c.name === peers[i]!.name);
      if (k >= 0) {
        at = k + 1;
        break;
      }
    }
    list.splice(at, 0, op.to);
  }
  const contexts = new Map(before.contexts.map((c) => [c.name, c]));
  for (const c of after.contexts) if (!contexts.has(c.name)) contexts.set(c.name, c);
  const values = new Map(before.values.map((v) => [v.name, v]));
  for (const v of after.values) if (![...values.values()].some((x) => shownName(x.name) === shownName(v.name))) values.set(v.name, v);
  let inputType = before.inputType;
  let defaultAction = before.defaultAction;
  let defaults = before.defaults;
  const renames: [string, string][] = [];
  for (const op of ops) {
    if (op.kind === 'context') contexts.set(op.name, { ...contexts.get(op.name)!, body: op.to });
    if (op.kind === 'default') [defaultAction, defaults] = [after.defaultAction, after.defaults];
    if (op.kind === 'input') inputType = withTypeAt(inputType, op.path, typeAt(after.inputType, op.path)!, fieldAt(after.inputType, op.path)!.optional);
    if (op.kind === 'value') {
      values.delete(op.from);
      values.set(op.to.name, op.to);
      renames.push([op.from, op.to.name]);
    }
  }
  const edited: Program = {
    ...before,
    redlines: lists.redlines,
    rules: lists.rules,
    exemptions: lists.exemptions as CheckedExemption[],
    contexts: [...contexts.values()],
    values: [...values.values()],
    defaultAction,
    defaults,
    inputType,
  };
  // The old version's conditions read a changed value by its old name: they now read the new one.
  return renames.reduce((p, [from, to]) => renameValue(p, from, to), edited);
}
