import type * as A from '../ast/nodes.js';

/** Declarations as their author wrote them, on one line: for hovers, outlines and completion details. */

/** `90 days` */
export function durationText(d: A.DurationLiteral): string {
  return `${d.count.raw} ${d.unit.name}`;
}

/** `remove`, `Content.remove`, `restrict for 3 days` */
export function actionText(a: A.ActionRef): string {
  return `${a.scale ? `${a.scale.name}.` : ''}${a.member.name}${a.duration ? ` for ${durationText(a.duration)}` : ''}`;
}

/** `remove, strike for 1 week` */
export function actionsText(actions: readonly A.ActionRef[]): string {
  return actions.map(actionText).join(', ');
}

/** `set<Category>`, `list<Strike>`, `int(0..)` */
export function typeText(ref: A.TypeRef): string {
  switch (ref.kind) {
    case 'NamedType':
      return ref.name.name;
    case 'SetType':
    case 'ListType':
      return `${ref.keyword.name}<${typeText(ref.element)}>`;
    case 'BoundedIntType':
      return `${ref.keyword.name}(${ref.min?.raw ?? ''}..${ref.max?.raw ?? ''})`;
  }
}

/** `none < warning < strike(duration) < terminate` */
export function scaleText(scale: A.ScaleDecl): string {
  return scale.members.map((m) => (m.timed ? `${m.name.name}(duration)` : m.name.name)).join(' < ');
}
