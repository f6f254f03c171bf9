import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type * as A from '../../ast/nodes.js';
import type { LineMap } from '../positions.js';
import { actionsText, durationText, typeText } from '../written.js';
import { targetsText } from './statement-info.js';

/**
 * The outline of one file: the policy header, the input, types (enums, records and scales with
 * their members and fields), outcomes, contexts, clauses and statements of reasons — each with
 * its kind as detail.
 */
export function documentSymbols(ast: A.PolicyFile, lines: LineMap): DocumentSymbol[] {
  const symbol = (name: string, detail: string, kind: SymbolKind, node: { span: A.Item['span'] }, selection: A.Item['span'], children?: DocumentSymbol[]): DocumentSymbol => ({
    name,
    detail,
    kind,
    range: lines.range(node.span),
    selectionRange: lines.range(selection),
    ...(children ? { children } : {}),
  });
  const out: DocumentSymbol[] = [];
  for (const item of ast.items) {
    switch (item.kind) {
      case 'PolicyHeader':
        out.push(symbol(item.name.parts.map((p) => p.name).join('.'), 'policy', SymbolKind.Namespace, item, item.name.span));
        break;
      case 'Input':
        out.push(symbol(item.name.name, 'input', SymbolKind.Variable, item, item.name.span));
        break;
      case 'Enum':
        out.push(
          symbol(item.name.name, 'enum', SymbolKind.Enum, item, item.name.span, item.members.map((m) => symbol(m.name, '', SymbolKind.EnumMember, m, m.span))),
        );
        break;
      case 'Scale': {
        const members = item.members.map((m) => symbol(m.name.name, m.timed ? 'action (duration)' : 'action', SymbolKind.EnumMember, m, m.name.span));
        out.push(symbol(item.name.name, 'scale', SymbolKind.Enum, item, item.name.span, members));
        break;
      }
      case 'Outcome':
        out.push(symbol(item.name.name, `outcome on ${item.scale.name}`, SymbolKind.Property, item, item.name.span));
        break;
      case 'Record': {
        const fields = item.fields.map((f) => symbol(f.name.name, `${typeText(f.type)}${f.optional ? '?' : ''}`, SymbolKind.Field, f, f.name.span));
        out.push(symbol(item.name.name, 'record', SymbolKind.Struct, item, item.name.span, fields));
        break;
      }
      case 'Context':
        out.push(symbol(item.name.name, 'context', SymbolKind.Boolean, item, item.name.span));
        break;
      case 'Redline':
        out.push(symbol(item.name.name, `redline → ${actionsText(item.actions)}`, SymbolKind.Event, item, item.name.span));
        break;
      case 'Rule':
        out.push(symbol(item.name.name, `rule → ${actionsText(item.actions)}`, SymbolKind.Function, item, item.name.span));
        break;
      case 'Exemption':
        out.push(symbol(item.name.name, `exemption → ${actionsText(item.actions)}`, SymbolKind.Method, item, item.name.span));
        break;
      case 'Default':
        out.push(symbol('default', actionsText(item.actions), SymbolKind.Constant, item, item.actions[0]!.span));
        break;
      case 'StatementActions': {
        const actions = item.actions.map((a) =>
          symbol(`${a.name.name}${a.duration ? ` for ${durationText(a.duration)}` : ''}`, targetsText(a), SymbolKind.EnumMember, a, a.name.span),
        );
        out.push(symbol(`statement ${item.outcome.name}`, 'statement of reasons: actions', SymbolKind.Object, item, item.outcome.span, actions));
        break;
      }
      case 'StatementClauses': {
        const names = item.default ? 'default' : item.clauses.map((c) => c.name).join(', ');
        out.push(symbol(`statement ${names}`, `statement of reasons: ${item.category.name}`, SymbolKind.Object, item, (item.default ?? item.clauses[0]!).span));
        break;
      }
      case 'StatementVersion':
        out.push(symbol(`statement version ${item.version.raw}`, item.url.value, SymbolKind.Object, item, item.version.span));
        break;
      default:
        break;
    }
  }
  return out;
}
