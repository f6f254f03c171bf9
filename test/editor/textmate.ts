import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';

/** Tokenizes Bylaw text with grammar/bylaw.tmLanguage.json, as VS Code does. */
export const GRAMMAR_PATH = fileURLToPath(new URL('../../grammar/bylaw.tmLanguage.json', import.meta.url));

let grammarPromise: Promise<vsctm.IGrammar> | null = null;

export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'source.bylaw' ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar('source.bylaw');
    if (!grammar) throw new Error('grammar source.bylaw did not load');
    return grammar;
  })();
  return grammarPromise;
}

export interface ScopedToken {
  readonly line: number;
  readonly text: string;
  /** Scopes without the root `source.bylaw`, outermost first. */
  readonly scopes: readonly string[];
}

export async function tokenize(text: string): Promise<ScopedToken[]> {
  const grammar = await loadGrammar();
  const tokens: ScopedToken[] = [];
  let state = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      tokens.push({ line: index + 1, text: piece, scopes: token.scopes.filter((s) => s !== 'source.bylaw') });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/** A readable dump: one row per non-blank token, `line | text | scopes`. */
export function dumpScopes(tokens: readonly ScopedToken[]): string {
  const rows = tokens
    .filter((t) => t.text.trim() !== '')
    .map((t) => `${String(t.line).padStart(3)} | ${JSON.stringify(t.text)} | ${t.scopes.join(' ') || '-'}`);
  return `${rows.join('\n')}\n`;
}

/** The innermost scope of the first token whose text is exactly `text` (after `from` tokens, when given). */
export function scopeOf(tokens: readonly ScopedToken[], text: string, nth = 0): string | undefined {
  const matches = tokens.filter((t) => t.text === text);
  const token = matches[nth];
  return token ? token.scopes[token.scopes.length - 1] : undefined;
}
