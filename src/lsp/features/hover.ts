import { basename, resolve } from 'node:path';
import type { Hover } from 'vscode-languageserver';
import type * as A from '../../ast/nodes.js';
import { typeName } from '../../checker/types.js';
import type { Span } from '../../diagnostics/span.js';
import type { Analysis } from '../project.js';
import type { SymbolInfo } from '../symbols-index.js';

const CLAUSE_WORDS = { redline: 'red line', rule: 'rule', exemption: 'exemption' } as const;

/** Hover over a name: what it is, where it comes from, and the text that defines it. */
export function hover(analysis: Analysis, path: string, offset: number): Hover | null {
  const occurrence = analysis.index.at(path, offset);
  if (!occurrence) return null;
  const symbol = analysis.index.symbols.get(occurrence.symbol);
  if (!symbol) return null;
  const value = describeSymbol(analysis, symbol);
  if (!value) return null;
  const lines = analysis.files.get(occurrence.file)?.lines;
  return {
    contents: { kind: 'markdown', value },
    ...(lines ? { range: lines.range(occurrence.span) } : {}),
  };
}

/** Markdown describing a symbol; shared with completion's documentation. */
export function describeSymbol(analysis: Analysis, symbol: SymbolInfo): string | null {
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
      const parts = [`**${CLAUSE_WORDS[symbol.kind]}** \`${clause.name.name}\` → \`${clause.action.name}\``];
      if (clause.kind === 'Exemption') parts.push(`Exempts ${clause.from.map((f) => `\`${f.name}\``).join(', ')}.`);
      parts.push(code(`when ${reindent(text(clause.when.span))}${clause.unless ? `\nunless ${reindent(text(clause.unless.span))}` : ''}`));
      if (clause.because) parts.push(`> ${clause.because.value.replace(/\n/g, '\n> ')}`);
      parts.push(`Declared in ${where}.`);
      return parts.join('\n\n');
    }
    case 'enum':
    case 'record':
    case 'scale':
      return [code(text((decl as A.Item).span)), `Declared in ${where}.`].join('\n\n');
    case 'input': {
      const input = decl as A.InputDecl;
      return [code(`input ${input.name.name}: ${text(input.type.span)}`), `The input of every decision, declared in ${where}.`].join('\n\n');
    }
    case 'field': {
      const field = decl as A.FieldDecl;
      const type = fieldTypeName(analysis, symbol) ?? text(field.type.span);
      const written = text(field.type.span);
      const detail = written !== type ? ` (\`${written}\`)` : '';
      return [code(`${symbol.container}.${field.name.name}: ${type}`), `A field of \`${symbol.container}\`${detail}, declared in ${where}.`].join('\n\n');
    }
    case 'member': {
      const members = (decl as A.EnumDecl).members.map((m) => m.name);
      return [code(`${symbol.container}.${symbol.name}`), `A member of the enum \`${symbol.container}\` { ${members.join(', ')} }, declared in ${where}.`].join('\n\n');
    }
    case 'action': {
      const members = (decl as A.ScaleDecl).members.map((m) => m.name);
      const rank = members.indexOf(symbol.name) + 1;
      return [
        code(`${symbol.container}.${symbol.name}`),
        `An action on the scale \`${symbol.container}\` (${rank} of ${members.length}, least severe first: ${members.join(' < ')}).`,
      ].join('\n\n');
    }
    case 'module':
      return [`**module** \`${symbol.name}\``, `\`${symbol.file}\``].join('\n\n');
  }
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
