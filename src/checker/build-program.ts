import { basename } from 'node:path';
import type * as A from '../ast/nodes.js';
import type { CheckContext } from './check-context.js';
import { need } from './check-context.js';
import { actionText, type Outcomes } from './outcomes.js';
import type { ActionRef, CheckedContext, CheckedValue, Program, RecordType } from './program.js';

/** The checked program of a version whose passes reported no error: the contract for every backend. */
export function buildProgram(
  ctx: CheckContext,
  inputType: RecordType,
  outcomes: Outcomes,
  ordered: { contexts: CheckedContext[]; values: CheckedValue[] },
  defaults: ActionRef[],
): Program {
  const root = ctx.unit.root;
  const header = <K extends A.HeaderItem['kind']>(kind: K) =>
    root.ast.items.find((i): i is Extract<A.HeaderItem, { kind: K }> => i.kind === kind);
  const effective = header('EffectiveHeader')?.date.value ?? null;
  return {
    name: header('PolicyHeader')?.name.parts.map((p) => p.name).join('.') ?? basename(root.path, '.policy'),
    version: header('VersionHeader')?.value.value ?? effective ?? basename(root.path, '.policy'),
    effective,
    source: header('SourceHeader')?.value.value ?? null,
    file: root.path,
    inputName: need(ctx.input, 'input').name.name,
    inputType,
    types: need(ctx.types, 'types'),
    scale: outcomes.list[0]!.scale,
    outcomes: outcomes.list,
    declaredOutcomes: outcomes.declared,
    contexts: ordered.contexts,
    values: ordered.values,
    redlines: ctx.redlines,
    rules: ctx.rules,
    exemptions: ctx.exemptions,
    defaultAction: { action: defaults.map(actionText).join(', '), span: ctx.defaultDecl?.span ?? ctx.unitSpan() },
    defaults,
  };
}
