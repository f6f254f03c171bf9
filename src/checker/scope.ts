import { basename } from 'node:path';
import type * as A from '../ast/nodes.js';
import type { DiagnosticBag } from '../diagnostics/codes.js';
import { closestMatch } from '../diagnostics/suggest.js';

export type Symbol =
  | { readonly kind: 'enum'; readonly decl: A.EnumDecl }
  | { readonly kind: 'record'; readonly decl: A.RecordDecl }
  | { readonly kind: 'scale'; readonly decl: A.ScaleDecl }
  | { readonly kind: 'input'; readonly decl: A.InputDecl }
  | { readonly kind: 'context'; readonly decl: A.ContextDecl }
  | { readonly kind: 'redline'; readonly decl: A.RedlineDecl }
  | { readonly kind: 'rule'; readonly decl: A.RuleDecl }
  | { readonly kind: 'exemption'; readonly decl: A.ExemptionDecl };

export const KIND_WORDS: Record<Symbol['kind'], string> = {
  enum: 'an enum',
  record: 'a record',
  scale: 'a scale',
  input: 'the input',
  context: 'a context',
  redline: 'a red line',
  rule: 'a rule',
  exemption: 'an exemption',
};

/** Everything one version sees, by name; one namespace for all declarations. */
export class Scope {
  readonly symbols = new Map<string, Symbol>();
  readonly defaults: A.DefaultDecl[] = [];
  /** `outcome` declarations, in order (their names are the keys of a Decision's `outcomes`). */
  readonly outcomes: A.OutcomeDecl[] = [];

  byKind<K extends Symbol['kind']>(kind: K): Extract<Symbol, { kind: K }>[] {
    return [...this.symbols.values()].filter((s): s is Extract<Symbol, { kind: K }> => s.kind === kind);
  }

  namesOf(...kinds: Symbol['kind'][]): string[] {
    return [...this.symbols.entries()].filter(([, s]) => kinds.includes(s.kind)).map(([n]) => n);
  }
}

/** What `use … except` may leave out: what a version can replace with its own (LANGUAGE-2 §7). */
const EXCEPTABLE: ReadonlySet<Symbol['kind']> = new Set(['context', 'redline', 'rule', 'exemption']);

const SYMBOL_KINDS: Partial<Record<A.Item['kind'], Symbol['kind']>> = {
  Enum: 'enum',
  Record: 'record',
  Scale: 'scale',
  Input: 'input',
  Context: 'context',
  Redline: 'redline',
  Rule: 'rule',
  Exemption: 'exemption',
};

/**
 * Collects the declarations of `files` (in order); a name declared twice is reported with both
 * places. `excluded`: per file, the names a `use … except` leaves out of it (LANGUAGE-2 §7).
 */
export function collectScope(files: readonly A.PolicyFile[], bag: DiagnosticBag, excluded: ReadonlyMap<string, readonly A.Identifier[]> = new Map()): Scope {
  const scope = new Scope();
  // Names an `except` misspelt (`warnings_block` for `warning_blocks`): the version's own
  // declaration of the right name is then the same mistake, not a second one (BL105).
  const misspelt = new Set<string>();
  for (const file of files) {
    checkHeaders(file, bag);
    const left = excluded.get(file.span.file) ?? [];
    const leftOut = new Set(left.map((n) => n.name));
    const found = new Set<string>();
    for (const item of file.items) {
      if (item.kind === 'Default') {
        scope.defaults.push(item);
        continue;
      }
      if (item.kind === 'Outcome') {
        scope.outcomes.push(item);
        continue;
      }
      const kind = SYMBOL_KINDS[item.kind];
      if (!kind) continue;
      const decl = item as A.EnumDecl;
      const name = decl.name.name;
      if (leftOut.has(name)) {
        found.add(name);
        if (EXCEPTABLE.has(kind)) continue;
        // Types, scales and the input are shared by everything else the module declares.
        for (const n of left.filter((l) => l.name === name)) {
          bag.emit('BL109', n.span, { kind: 'not-exceptable', name, is: KIND_WORDS[kind], declared: decl.name.span });
        }
      }
      const existing = scope.symbols.get(name);
      if (existing && misspelt.has(name)) continue;
      if (existing) {
        bag.emit('BL105', decl.name.span, { kind: 'name', name, is: KIND_WORDS[existing.kind], first: existing.decl.name.span });
        continue;
      }
      scope.symbols.set(name, { kind, decl: item } as Symbol);
    }
    const module = basename(file.span.file, '.policy');
    const candidates = file.items.flatMap((i) => {
      const kind = SYMBOL_KINDS[i.kind];
      return kind && EXCEPTABLE.has(kind) ? [(i as A.ClauseDecl | A.ContextDecl).name.name] : [];
    });
    for (const name of left) {
      if (found.has(name.name)) continue;
      const meant = closestMatch(name.name, candidates);
      if (meant) misspelt.add(meant);
      bag.emit('BL109', name.span, { kind: 'undeclared', name: name.name, module, meant: meant || undefined, candidates });
    }
  }
  return scope;
}

function checkHeaders(file: A.PolicyFile, bag: DiagnosticBag): void {
  const seen = new Map<string, A.HeaderItem>();
  for (const item of file.items) {
    if (!item.kind.endsWith('Header')) continue;
    const header = item as A.HeaderItem;
    const first = seen.get(header.kind);
    if (first) {
      const word = header.kind.replace('Header', '').toLowerCase();
      bag.emit('BL108', header.span, { header: word, first: first.span });
    } else {
      seen.set(header.kind, header);
    }
  }
}
