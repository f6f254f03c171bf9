import type * as A from '../../ast/nodes.js';
import type { DiagnosticBag } from '../../diagnostics/codes.js';
import { codePointLabel, scriptOf, skeleton } from '../../diagnostics/unicode.js';

/**
 * BL406, the per-program half: two different names in what one version sees that read the same
 * (`post` and `pоst` with a Cyrillic `о`, `role` and `ｒｏｌｅ`), by comparing their confusable
 * skeletons (src/diagnostics/unicode.ts). The per-file half — hidden characters, names mixing
 * scripts — runs in the lexer (src/syntax/unicode.ts).
 *
 * Every declared name takes part: types, enum members, fields, actions, the input, contexts and
 * clauses. A name is compared with the first name of its skeleton, in declaration order (modules
 * first), so the warning lands on the later, suspicious one.
 */
export function checkConfusableNames(files: readonly A.PolicyFile[], bag: DiagnosticBag): void {
  const first = new Map<string, A.Identifier>();
  const reported = new Set<string>();
  for (const name of declaredNames(files)) {
    const key = skeleton(name.name);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, name);
      continue;
    }
    if (earlier.name === name.name) continue;
    const pair = `${earlier.name}\u0000${name.name}\u0000${name.span.file}\u0000${name.span.start.offset}`;
    if (reported.has(pair)) continue;
    reported.add(pair);
    bag.emit('BL406', name.span, { kind: 'lookalike', name: name.name, earlier: earlier.name, difference: difference(earlier.name, name.name), earlierDeclared: earlier.span });
  }
}

function* declaredNames(files: readonly A.PolicyFile[]): Generator<A.Identifier> {
  for (const file of files) {
    for (const item of file.items) {
      switch (item.kind) {
        case 'Enum':
          yield item.name;
          yield* item.members;
          break;
        case 'Record':
          yield item.name;
          for (const field of item.fields) yield field.name;
          break;
        case 'Scale':
          yield item.name;
          for (const member of item.members) yield member.name;
          break;
        case 'Outcome':
        case 'Input':
        case 'Context':
        case 'Redline':
        case 'Rule':
        case 'Exemption':
          yield item.name;
          break;
        default:
          break;
      }
    }
  }
}

/** "`о` (U+043E, Cyrillic) where `post` has `o` (U+006F, Latin)", for the first difference. */
function difference(a: string, b: string): string {
  if (a.normalize('NFKC') === b.normalize('NFKC')) {
    const odd = a !== a.normalize('NFKC') ? a : b;
    return `\`${odd}\` is written with compatibility characters and reads as \`${odd.normalize('NFKC')}\``;
  }
  const x = [...a.normalize('NFKC')];
  const y = [...b.normalize('NFKC')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return `\`${b}\` has ${describe(y[i]!)} where \`${a}\` has ${describe(x[i]!)}`;
  }
  return 'they differ only in look-alike letters';
}

function describe(char: string): string {
  const script = scriptOf(char);
  return `\`${char}\` (${codePointLabel(char.codePointAt(0)!)}${script ? `, ${script}` : ''})`;
}
