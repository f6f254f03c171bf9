import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DocImport {
  /** Where it is shown, `docs/compiling.md:312`. */
  readonly at: string;
  /** The statement as written. */
  readonly statement: string;
  readonly module: string;
  readonly defaultName: string | null;
  readonly names: readonly { readonly name: string; readonly typeOnly: boolean }[];
}

const FENCE = /^```(?:ts|typescript|js|javascript|mjs)\s*\n([\s\S]*?)^```/gm;
const IMPORT = /import\s+(type\s+)?(?:([\w$]+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s+'(bylaw(?:\/[^']*)?)'/g;

/** Every `import … from 'bylaw…'` in a code block of README.md and docs/*.md. */
export function docImports(root: string): DocImport[] {
  const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const found: DocImport[] = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const fence of text.matchAll(FENCE)) {
      for (const m of fence[1]!.matchAll(IMPORT)) {
        const offset = fence.index! + fence[0].indexOf(fence[1]!) + m.index!;
        const allTypes = m[1] !== undefined;
        const names = (m[3] ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
          .map((s) => {
            const typeOnly = allTypes || s.startsWith('type ');
            return { name: s.replace(/^type\s+/, '').split(/\s+as\s+/)[0]!, typeOnly };
          });
        found.push({ at: `${file}:${text.slice(0, offset).split('\n').length}`, statement: m[0], module: m[4]!, defaultName: m[2] ?? null, names });
      }
    }
  }
  return found;
}
