import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type * as A from '../../ast/nodes.js';
import type { LineMap } from '../positions.js';

/**
 * The outline of one file: the policy header, the input, types (enums, records and the scale with
 * their members and fields), contexts, and clauses — each with its kind as detail.
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
      case 'Scale':
        out.push(
          symbol(item.name.name, 'scale', SymbolKind.Enum, item, item.name.span, item.members.map((m) => symbol(m.name, 'action', SymbolKind.EnumMember, m, m.span))),
        );
        break;
      case 'Record':
        out.push(
          symbol(item.name.name, 'record', SymbolKind.Struct, item, item.name.span, item.fields.map((f) => symbol(f.name.name, typeText(f.type), SymbolKind.Field, f, f.name.span))),
        );
        break;
      case 'Context':
        out.push(symbol(item.name.name, 'context', SymbolKind.Boolean, item, item.name.span));
        break;
      case 'Redline':
        out.push(symbol(item.name.name, `redline → ${item.action.name}`, SymbolKind.Event, item, item.name.span));
        break;
      case 'Rule':
        out.push(symbol(item.name.name, `rule → ${item.action.name}`, SymbolKind.Function, item, item.name.span));
        break;
      case 'Exemption':
        out.push(symbol(item.name.name, `exemption → ${item.action.name}`, SymbolKind.Method, item, item.name.span));
        break;
      case 'Default':
        out.push(symbol('default', item.action.name, SymbolKind.Constant, item, item.action.span));
        break;
      default:
        break;
    }
  }
  return out;
}

function typeText(ref: A.TypeRef): string {
  switch (ref.kind) {
    case 'NamedType':
      return ref.name.name;
    case 'SetType':
      return `${ref.keyword.name}<${typeText(ref.element)}>`;
    case 'BoundedIntType':
      return `${ref.keyword.name}(${ref.min?.raw ?? ''}..${ref.max?.raw ?? ''})`;
  }
}
