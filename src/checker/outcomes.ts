/**
 * Outcomes, scales and actions (LANGUAGE-2 §1–2): which outcomes a version decides, on which
 * scales, and what each `then` and `default` names in each of them — members resolved to their
 * outcome, durations checked against the members that carry them.
 */
import type * as A from '../ast/nodes.js';
import type { DiagnosticBag } from '../diagnostics/codes.js';
import type { Span } from '../diagnostics/span.js';
import { durationText } from '../semantics/durations.js';
import type { ActionRef, Duration, DurationUnit, CheckedOutcome, Scale } from './program.js';
import type { RecordReference } from './references.js';
import type { Scope } from './scope.js';

/** The outcomes of a version, and whether they were declared (false: Bylaw 1's one `action`). */
export interface Outcomes {
  readonly list: readonly CheckedOutcome[];
  readonly declared: boolean;
}

/** The units of time a duration may be written in (`3 days`), singular and plural. */
export const UNITS: Readonly<Record<string, DurationUnit>> = {
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
};

/** A duration as written (`3 days`), or null after reporting a unit or count that is not one. */
export function durationOf(literal: A.DurationLiteral, bag: DiagnosticBag): Duration | null {
  const unit = UNITS[literal.unit.name];
  if (!unit) {
    // After `1` the singular is meant, after any other count the plural (`3 dayz` is `3 days`).
    const names = Object.keys(UNITS).sort((a, b) => Number(a.endsWith('s') === (literal.count.value === 1)) - Number(b.endsWith('s') === (literal.count.value === 1)));
    bag.emit('BL216', literal.unit.span, { kind: 'unit', unit: literal.unit.name, units: names });
    return null;
  }
  if (literal.count.value < 1) {
    bag.emit('BL216', literal.count.span, { kind: 'not-positive', unit });
    return null;
  }
  return { count: literal.count.value, unit };
}

function scaleOf(decl: A.ScaleDecl, bag: DiagnosticBag): Scale {
  const members: string[] = [];
  const timed: string[] = [];
  for (const m of decl.members) {
    if (members.includes(m.name.name)) {
      bag.emit('BL405', m.span, { name: m.name.name, in: { scale: true } });
      continue;
    }
    members.push(m.name.name);
    if (m.timed) timed.push(m.name.name);
  }
  if (timed.includes(members[0]!)) {
    const first = decl.members[0]!;
    bag.emit('BL309', first.span, { member: first.name.name, scale: decl.name.name });
  }
  return { name: decl.name.name, members, timed };
}

/**
 * The outcomes a version decides. With `outcome` declarations: those, each on its scale. Without:
 * one outcome, `action`, on the version's one scale (Bylaw 1). Null after reporting why there is none.
 */
export function resolveOutcomes(
  scope: Scope,
  bag: DiagnosticBag,
  single: (scales: readonly A.ScaleDecl[]) => A.ScaleDecl | null,
  resolved?: RecordReference,
): Outcomes | null {
  const decls = scope.outcomes;
  const scales = scope.byKind('scale').map((s) => s.decl);
  if (decls.length === 0) {
    const decl = single(scales);
    return decl ? { list: [{ name: 'action', scale: scaleOf(decl, bag) }], declared: false } : null;
  }
  const list: CheckedOutcome[] = [];
  const byScale = new Map<string, A.OutcomeDecl>();
  let ok = true;
  for (const decl of decls) {
    const other = decls.find((d) => d !== decl && d.name.name === decl.name.name);
    if (other && decls.indexOf(other) < decls.indexOf(decl)) {
      bag.emit('BL308', decl.name.span, { kind: 'twice', outcome: decl.name.name, first: other.name.span });
      ok = false;
      continue;
    }
    const symbol = scope.symbols.get(decl.scale.name);
    if (symbol?.kind !== 'scale') {
      bag.emit('BL308', decl.scale.span, { kind: 'not-a-scale', scale: decl.scale.name, declared: symbol !== undefined, scales: scales.map((s) => s.name.name) });
      ok = false;
      continue;
    }
    resolved?.(decl.scale.span, 'scale', symbol.decl.name.span);
    const twice = byScale.get(decl.scale.name);
    if (twice) {
      bag.emit('BL308', decl.scale.span, { kind: 'shared', first: twice.name.name, second: decl.name.name, scale: decl.scale.name, firstSpan: twice.span });
      ok = false;
      continue;
    }
    byScale.set(decl.scale.name, decl);
    list.push({ name: decl.name.name, scale: scaleOf(symbol.decl, bag) });
  }
  return ok && list.length > 0 ? { list, declared: true } : null;
}

/** Resolves `then` / `default` lists of actions to one ActionRef per outcome they name. */
export class ActionResolver {
  /** `scope` and `resolved`: to record each scale and member an action names (references.ts). */
  constructor(
    private readonly outcomes: Outcomes,
    private readonly bag: DiagnosticBag,
    private readonly scope?: Scope,
    private readonly resolved?: RecordReference,
  ) {}

  /** The actions of a `then` (at least one) or a `default`; null after reporting a problem. */
  resolve(actions: readonly A.ActionRef[], span: Span, what: 'clause' | 'default' = 'clause'): ActionRef[] | null {
    const resolved: ActionRef[] = [];
    const written = new Map<number, A.ActionRef[]>();
    let ok = true;
    for (const ref of actions) {
      const action = this.action(ref);
      if (!action) {
        ok = false;
        continue;
      }
      const same = written.get(action.outcome);
      if (same) same.push(ref);
      else {
        written.set(action.outcome, [ref]);
        resolved.push(action);
      }
    }
    // One report per outcome named more than once, over all its extra actions.
    for (const [outcome, refs] of written) {
      if (refs.length < 2) continue;
      this.tooMany(this.outcomes.list[outcome]!, refs, what);
      ok = false;
    }
    if (!ok) return null;
    if (resolved.length === 0) {
      this.bag.emit('BL304', span, { kind: 'none' });
      return null;
    }
    return resolved.sort((a, b) => a.outcome - b.outcome);
  }

  /** Every outcome's default: the `default` declaration's, or the least severe member. */
  defaults(decl: A.DefaultDecl | null): ActionRef[] | null {
    const given = decl ? this.resolve(decl.actions, decl.span, 'default') : [];
    if (!given) return null;
    return this.outcomes.list.map((o, i): ActionRef => given.find((a) => a.outcome === i) ?? { outcome: i, member: o.scale.members[0]!, rank: 0, duration: null });
  }

  private action(written: A.ActionRef): ActionRef | null {
    const { list } = this.outcomes;
    const name = written.member.name;
    let candidates = list.map((o, i) => ({ o, i })).filter(({ o }) => o.scale.members.includes(name));
    if (written.scale) {
      const scale = written.scale.name;
      const outcome = list.findIndex((o) => o.scale.name === scale);
      if (outcome < 0) {
        this.bag.emit('BL304', written.scale.span, { kind: 'scale', scale, scales: list.map((o) => o.scale.name) });
        return null;
      }
      this.refer(written.scale, 'scale', scale);
      candidates = candidates.filter(({ i }) => i === outcome);
      if (candidates.length === 0) {
        this.notOnScale(written, [list[outcome]!]);
        return null;
      }
    }
    if (candidates.length === 0) {
      this.notOnScale(written, list);
      return null;
    }
    if (candidates.length > 1) {
      this.bag.emit('BL305', written.member.span, { member: name, outcomes: candidates.map(({ o }) => ({ outcome: o.name, scale: o.scale.name })) });
      return null;
    }
    const { o, i } = candidates[0]!;
    this.refer(written.member, 'action', o.scale.name);
    const timed = o.scale.timed.includes(name);
    if (timed && !written.duration) {
      this.bag.emit('BL307', written.span, { member: name, scale: o.scale.name, written: null });
      return null;
    }
    if (!timed && written.duration) {
      this.bag.emit('BL307', written.duration.span, { member: name, scale: o.scale.name, written: `${written.duration.count.value} ${written.duration.unit.name}` });
      return null;
    }
    const duration = written.duration ? durationOf(written.duration, this.bag) : null;
    if (written.duration && !duration) return null;
    return { outcome: i, member: name, rank: o.scale.members.indexOf(name), duration };
  }

  /** Records `name` as naming the scale `scale` (`kind` scale) or one of its members (`kind` action). */
  private refer(name: A.Identifier, kind: 'scale' | 'action', scale: string): void {
    const symbol = this.scope?.symbols.get(scale);
    if (symbol?.kind !== 'scale') return;
    const target = kind === 'scale' ? symbol.decl.name : symbol.decl.members.find((m) => m.name.name === name.name)?.name;
    if (target) this.resolved?.(name.span, kind, target.span);
  }

  private tooMany(outcome: CheckedOutcome, refs: readonly A.ActionRef[], where: 'clause' | 'default'): void {
    const [first, ...extra] = refs as [A.ActionRef, ...A.ActionRef[]];
    const span = { ...extra[0]!.span, end: extra[extra.length - 1]!.span.end };
    this.bag.emit('BL306', span, { declared: this.outcomes.declared, outcome: outcome.name, where, written: refs.map(writtenText), first: first.member.name, firstSpan: first.span });
  }

  private notOnScale(written: A.ActionRef, outcomes: readonly CheckedOutcome[]): void {
    this.bag.emit('BL304', written.member.span, { kind: 'member', member: written.member.name, on: outcomes.map((o) => o.scale) });
  }
}

/** An action as the author wrote it: `Content.remove`, `restrict for 3 days`. */
function writtenText(ref: A.ActionRef): string {
  const name = ref.scale ? `${ref.scale.name}.${ref.member.name}` : ref.member.name;
  return ref.duration ? `${name} for ${ref.duration.count.raw} ${ref.duration.unit.name}` : name;
}

/** How an action is written back: `restrict for 3 days`. */
export function actionText(a: ActionRef): string {
  return a.duration ? `${a.member} for ${durationText(a.duration)}` : a.member;
}
