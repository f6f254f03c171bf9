/**
 * Turns src/runtime/*.ts into src/compiler/runtime-text.ts: the text of every top-level
 * declaration, as TypeScript and as JavaScript, with the names it uses, for `bylaw compile` to
 * inline into generated modules (see src/runtime/README.md). Names that are not `@public` become
 * `$name`, resolved by the type checker, so only real references are renamed.
 *
 *   npx tsx scripts/build-runtime.ts           write the file
 *   npx tsx scripts/build-runtime.ts --check   exit 1 when the file is stale
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNTIME = join(root, 'src', 'runtime');
const OUT = join(root, 'src', 'compiler', 'runtime-text.ts');

interface Piece {
  readonly name: string;
  readonly isPublic: boolean;
  readonly typeOnly: boolean;
  /** Public pieces: their doc comment, for users' editors. */
  readonly doc: string;
  readonly ts: string;
  readonly js: string;
  /** Public classes: the declaration for a .d.ts. */
  readonly dts: string;
  readonly uses: string[];
}

/**
 * The strictest options we know a consumer might build with: generated modules are held to them
 * (test/compiler/typescript.ts), and so is the runtime text they inline.
 */
export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: [],
  noUnusedLocals: true,
  noUnusedParameters: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  noFallthroughCasesInSwitch: true,
};

export function buildRuntimeText(): string {
  const files = readdirSync(RUNTIME)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(RUNTIME, f));
  // The inlined text must pass the options generated modules are held to.
  const program = ts.createProgram(files, STRICT_OPTIONS);
  const checker = program.getTypeChecker();
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    throw new Error(ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
  }

  // Every top-level declaration: its statement, name and whether it keeps its name.
  const declarations = new Map<ts.Node, { name: string; isPublic: boolean }>();
  const statements: { statement: ts.Statement; name: string; isPublic: boolean; file: ts.SourceFile }[] = [];
  for (const path of files) {
    const file = program.getSourceFile(path)!;
    for (const statement of file.statements) {
      if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue;
      const named = declaredName(statement);
      if (!named) throw new Error(`${path}: only functions, consts, classes, interfaces and types may stand at the top level`);
      const isPublic = ts.getJSDocTags(statement).some((tag) => tag.tagName.text === 'public');
      if (statements.some((s) => s.name === named.text)) throw new Error(`${path}: \`${named.text}\` is declared twice in src/runtime`);
      declarations.set(named.node, { name: named.text, isPublic });
      statements.push({ statement, name: named.text, isPublic, file });
    }
  }
  const pieceOf = (id: ts.Identifier): { name: string; isPublic: boolean } | null => {
    let symbol = checker.getSymbolAtLocation(id);
    if (!symbol) return null;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const d of symbol.declarations ?? []) {
      const node = ts.isVariableDeclaration(d) ? d.parent.parent : d;
      const found = declarations.get(node);
      if (found) return found;
    }
    return null;
  };

  const pieces: Piece[] = statements.map(({ statement, name, isPublic, file }) => {
    const uses = new Set<string>();
    const edits: { start: number; end: number; text: string }[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const target = pieceOf(node);
        if (target) {
          if (target.name !== name) uses.add(target.name);
          if (!target.isPublic) edits.push({ start: node.getStart(file), end: node.getEnd(), text: `$${target.name}` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    // The statement without its leading comments and `export`, with the renames applied.
    const start = statement.getStart(file);
    let text = file.text.slice(start, statement.getEnd());
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
      text = text.slice(0, edit.start - start) + edit.text + text.slice(edit.end - start);
    }
    text = text.replace(/^export /, '');
    let doc = '';
    // A public piece keeps its doc comment (users read it in their editor), without the tag.
    if (isPublic) {
      const comment = /\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.exec(file.text.slice(statement.getFullStart(), start));
      const kept = comment?.[0].trim().replace(/\n \* @public(?=\n)/, '').replace(/^\/\*\* @public \*\/$/, '');
      if (kept) doc = kept.replace(/^\/\*\*\n \* (.*)\n \*\/$/, '/** $1 */');
    }
    const typeOnly = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
    const js = typeOnly ? '' : toJavaScript(text);
    const dts = isPublic && ts.isClassDeclaration(statement) ? toDeclaration(text) : '';
    return { name, isPublic, typeOnly, doc, ts: text, js, dts, uses: [...uses].sort() };
  });

  const lines = [
    '// Generated by scripts/build-runtime.ts from src/runtime/*.ts: do not edit. `npm run build:runtime` writes it again.',
    '',
    'export interface RuntimePiece {',
    '  /** The name in generated code: `$name`, or `name` when public. */',
    '  readonly id: string;',
    '  /** Exported from a generated module (error classes, public types). */',
    '  readonly isPublic: boolean;',
    '  /** A type or interface: TypeScript only. */',
    '  readonly typeOnly: boolean;',
    '  /** Public pieces: their doc comment. */',
    '  readonly doc: string;',
    '  readonly ts: string;',
    '  readonly js: string;',
    '  /** Public classes: their declaration, for a .d.ts. */',
    '  readonly dts: string;',
    '  /** Other pieces it refers to, by source name. */',
    '  readonly uses: readonly RuntimeName[];',
    '}',
    '',
    `export type RuntimeName = ${pieces.map((p) => JSON.stringify(p.name)).join(' | ')};`,
    '',
    '/** Every piece, in the order generated modules list them (file, then declaration order). */',
    'export const RUNTIME: Readonly<Record<RuntimeName, RuntimePiece>> = {',
    ...pieces.map(
      (p) =>
        `  ${p.name}: { id: ${JSON.stringify(p.isPublic ? p.name : `$${p.name}`)}, isPublic: ${p.isPublic}, typeOnly: ${p.typeOnly}, doc: ${JSON.stringify(p.doc)}, ts: ${JSON.stringify(p.ts)}, js: ${JSON.stringify(p.js)}, dts: ${JSON.stringify(p.dts)}, uses: [${p.uses.map((u) => JSON.stringify(u)).join(', ')}] },`,
    ),
    '};',
    '',
  ];
  return lines.join('\n');
}

function declaredName(statement: ts.Statement): { node: ts.Node; text: string } | null {
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
    return { node: statement, text: statement.name.text };
  }
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return { node: statement, text: statement.name.text };
  if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1) {
    const d = statement.declarationList.declarations[0]!;
    if (ts.isIdentifier(d.name)) return { node: statement, text: d.name.text };
  }
  return null;
}

function toJavaScript(text: string): string {
  const out = ts.transpileModule(text, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, useDefineForClassFields: false },
  }).outputText;
  // The printer indents by four spaces; generated modules indent by two.
  return out
    .replace(/\n*export \{\};\s*$/, '')
    .trimEnd()
    .replace(/^((?:    )+)/gm, (indent) => '  '.repeat(indent.length / 4));
}

function toDeclaration(text: string): string {
  const out = ts.transpileDeclaration(`export ${text}`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  return out
    .replace(/^export /, '')
    .trimEnd()
    .replace(/^((?:    )+)/gm, (indent) => '  '.repeat(indent.length / 4));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = buildRuntimeText();
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== text) {
      process.stderr.write('src/compiler/runtime-text.ts is stale: run `npm run build:runtime`\n');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
  }
}
