import { basename, resolve } from 'node:path';
import type { Hover } from 'vscode-languageserver';
import type * as A from '../../ast/nodes.js';
import { durationOf } from '../../checker/outcomes.js';
import { typeName } from '../../checker/types.js';
import { DiagnosticBag } from '../../diagnostics/codes.js';
import type { Span } from '../../diagnostics/span.js';
import { durationHours } from '../../semantics/durations.js';
import type { Analysis } from '../project.js';
import type { DurationUse, Occurrence, SymbolInfo } from '../symbols-index.js';
import { actionsText, actionText, durationText, scaleText } from '../written.js';
import { actionMapping, clauseMapping, describeVersion, statementWordAt } from './statement-info.js';

const CLAUSE_WORDS = { redline: 'red line', rule: 'rule', exemption: 'exemption' } as const;

/** Hover over a name: what it is, where it comes from, and the text that defines it. Over a duration: its length. */
export function hover(analysis: Analysis, path: string, offset: number): Hover | null {
  const occurrence = analysis.index.at(path, offset);
  const symbol = occurrence ? analysis.index.symbols.get(occurrence.symbol) : undefined;
  const duration = analysis.index.durationAt(path, offset);
  const value = occurrence && symbol ? describeSymbol(analysis, symbol, occurrence) : duration ? describeDuration(duration) : null;
  if (!value) return statementKeyHover(analysis, path, offset);
  const span = occurrence && symbol ? occurrence.span : duration!.literal.span;
  const lines = analysis.files.get(resolve(span.file))?.lines;
  return {
    contents: { kind: 'markdown', value },
    ...(lines ? { range: lines.range(span) } : {}),
  };
}

/** Markdown describing a symbol (at one of its occurrences, when known); shared with completion's documentation. */
export function describeSymbol(analysis: Analysis, symbol: SymbolInfo, at?: Occurrence): string | null {
  const text = (span: Span) => sourceText(analysis, span);
  const where = `*${basename(symbol.file)}*`;
  const decl = symbol.decl;
  switch (symbol.kind) {
    case 'context': {
      const context = decl as A.ContextDecl;
      return [code(`context ${context.name.name} =\n  ${reindent(text(context.body.span))}`), `A context, declared in ${where}.`].join('\n\n');
    }
    case 'redline':
    case 'rule':
    case 'exemption': {
      const clause = decl as A.ClauseDecl;
      const parts = [`**${CLAUSE_WORDS[symbol.kind]}** \`${clause.name.name}\` → \`${actionsText(clause.actions)}\``];
      if (clause.kind === 'Exemption') parts.push(clause.everyRule ? 'Exempts every rule.' : `Exempts ${clause.from.map((f) => `\`${f.name}\``).join(', ')}.`);
      parts.push(code(`when ${reindent(text(clause.when.span))}${clause.unless ? `\nunless ${reindent(text(clause.unless.span))}` : ''}`));
      if (clause.because) parts.push(`> ${clause.because.value.replace(/\n/g, '\n> ')}`);
      const mapping = clauseMapping(analysis, clause);
      if (mapping) parts.push(mapping);
      parts.push(`Declared in ${where}.`);
      return parts.join('\n\n');
    }
    case 'enum':
    case 'record':
    case 'scale':
      return [code(text((decl as A.Item).span)), `Declared in ${where}.`].join('\n\n');
    case 'outcome': {
      const outcome = decl as A.OutcomeDecl;
      const scale = scaleNamed(analysis, outcome.scale.name);
      const members = scale ? `: ${scaleText(scale)}` : '';
      return [code(`outcome ${outcome.name.name}: ${outcome.scale.name}`), `An outcome every decision decides, on the scale \`${outcome.scale.name}\`${members}. Declared in ${where}.`].join('\n\n');
    }
    case 'input': {
      const input = decl as A.InputDecl;
      return [code(`input ${input.name.name}: ${text(input.type.span)}`), `The input of every decision, declared in ${where}.`].join('\n\n');
    }
    case 'field': {
      const field = decl as A.FieldDecl;
      const type = fieldTypeName(analysis, symbol) ?? text(field.type.span);
      const written = text(field.type.span);
      const detail = written !== type ? ` (\`${written}\`)` : '';
      const optional = field.optional ? '?' : '';
      const presence = field.optional ? ' It may be absent or null: read it under an `exists` test.' : '';
      return [code(`${symbol.container}.${field.name.name}: ${type}${optional}`), `A field of \`${symbol.container}\`${detail}, declared in ${where}.${presence}`].join('\n\n');
    }
    case 'member': {
      const members = (decl as A.EnumDecl).members.map((m) => m.name);
      return [code(`${symbol.container}.${symbol.name}`), `A member of the enum \`${symbol.container}\` { ${members.join(', ')} }, declared in ${where}.`].join('\n\n');
    }
    case 'action':
      return describeAction(analysis, symbol, at?.action);
    case 'binder': {
      const quantifier = decl as A.QuantifierExpr;
      const type = symbol.type ? typeName(symbol.type) : '?';
      return [
        code(`${symbol.name}: ${type}`),
        `Each element of \`${text(quantifier.collection.span)}\`, bound by \`${quantifier.quantifier}(…)\`; the name is visible inside its \`where\`.`,
      ].join('\n\n');
    }
    case 'module':
      return [`**module** \`${symbol.name}\``, `\`${symbol.file}\``].join('\n\n');
    case 'version':
      return describeVersion(analysis, decl as A.VersionHeader);
  }
}

/** Over a key of the DSA Transparency Database in a `statement`: its field and label (or over Bylaw 1's `action`). */
function statementKeyHover(analysis: Analysis, path: string, offset: number): Hover | null {
  const info = analysis.files.get(resolve(path));
  const key = info?.ast ? statementWordAt(analysis, info.ast, offset) : null;
  if (!key) return null;
  return { contents: { kind: 'markdown', value: key.value }, range: info!.lines.range(key.span) };
}

/** An action: its outcome(s), its place on the scale and, where it is named with one, its duration in hours. */
function describeAction(analysis: Analysis, symbol: SymbolInfo, written: A.ActionRef | undefined): string {
  const scale = symbol.decl as A.ScaleDecl;
  const names = scale.members.map((m) => m.name.name);
  const member = scale.members.find((m) => m.name.name === symbol.name);
  const rank = names.indexOf(symbol.name) + 1;
  const outcomes = outcomesOn(analysis, scale);
  const of = outcomes.length === 0 ? '' : ` of the outcome${outcomes.length > 1 ? 's' : ''} ${outcomes.map((o) => `\`${o}\``).join(', ')}`;
  const parts = [
    code(`${symbol.container}.${symbol.name}${member?.timed ? '(duration)' : ''}`),
    `An action${of} on the scale \`${symbol.container}\` (${rank} of ${names.length}, least severe first: ${scaleText(scale)}).`,
  ];
  if (member?.timed) parts.push(`It carries a duration: \`${symbol.name} for 3 days\`, say; the longer of two is the more severe.`);
  const hours = written?.duration ? hoursOf(written.duration) : null;
  if (hours !== null) parts.push(`Here \`${actionText(written!)}\`: ${hoursText(hours)}.`);
  const mapping = actionMapping(analysis, outcomesOn(analysis, scale, true), symbol.name);
  if (mapping) parts.push(mapping);
  return parts.join('\n\n');
}

/** A duration on its own: an action's length in hours, or how it moves a date. */
function describeDuration(use: DurationUse): string | null {
  const d = durationOf(use.literal, new DiagnosticBag());
  if (!d) return null;
  const written = durationText(use.literal);
  if (use.use === 'statement') return `\`${written}\`: ${hoursText(durationHours(d))}, the length a statement of reasons gives this action, which carries no duration of its own.`;
  if (use.use === 'for') return `\`${written}\`: ${hoursText(durationHours(d))}, for comparing severity (1 week = 7 days, 1 month = 30 days, 1 year = 365 days).`;
  if (d.unit === 'hour') return `\`${written}\`: a date is a day, so hours do not move one.`;
  const direction = use.use === '-' ? 'back' : 'forwards';
  const calendar = d.unit === 'month' || d.unit === 'year' ? ', in calendar steps: a day the target month lacks becomes its last day (2024-02-29 + 1 year = 2025-02-28)' : '';
  return `\`${written}\`: moves a date ${written} ${direction}${calendar}.`;
}

function hoursOf(literal: A.DurationLiteral): number | null {
  const d = durationOf(literal, new DiagnosticBag());
  return d ? durationHours(d) : null;
}

function hoursText(hours: number): string {
  return `${hours.toLocaleString('en-US')} hour${hours === 1 ? '' : 's'}`;
}

/** The declared outcomes decided on `scale`, in any unit of the analysis (Bylaw 1's implicit `action` only when `implicit`). */
function outcomesOn(analysis: Analysis, scale: A.ScaleDecl, implicit = false): string[] {
  const names = new Set<string>();
  for (const unit of analysis.units) for (const o of unit.outcomes) if ((o.decl || implicit) && sameDecl(o.scale, scale)) names.add(o.name);
  return [...names];
}

function scaleNamed(analysis: Analysis, name: string): A.ScaleDecl | null {
  for (const unit of analysis.units) {
    const symbol = unit.scope.symbols.get(name);
    if (symbol?.kind === 'scale') return symbol.decl;
  }
  return null;
}

function sameDecl(a: { readonly span: Span }, b: { readonly span: Span }): boolean {
  return resolve(a.span.file) === resolve(b.span.file) && a.span.start.offset === b.span.start.offset;
}

function fieldTypeName(analysis: Analysis, symbol: SymbolInfo): string | null {
  for (const unit of analysis.units) {
    const record = unit.types.get(symbol.container ?? '');
    const field = record?.kind === 'record' ? record.fields.find((f) => f.name === symbol.name) : undefined;
    if (field) return typeName(field.type);
  }
  return null;
}

function sourceText(analysis: Analysis, span: Span): string {
  return analysis.files.get(resolve(span.file))?.text.slice(span.start.offset, span.end.offset) ?? '';
}

/** Continuation lines of a multi-line expression, re-indented under the first. */
function reindent(text: string): string {
  const lines = text.split(/\r?\n/);
  if (lines.length === 1) return text;
  const indents = lines.slice(1).filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)![0].length);
  const common = Math.min(...indents);
  return [lines[0], ...lines.slice(1).map((l) => `  ${l.slice(common)}`)].join('\n');
}

function code(text: string): string {
  return `\`\`\`bylaw\n${text}\n\`\`\``;
}
