/**
 * The runtime (src/runtime/) inside a generated module: code generation asks for each piece it
 * uses by name (`use`), and the module gets exactly those and what they use in turn, in one
 * fixed order — so output is byte-identical run to run and no unused helper fails a strict
 * `noUnusedLocals` build. The pieces' text comes from runtime-text.ts, generated from the
 * type-checked sources by scripts/build-runtime.ts.
 */
import type { Target } from './emit.js';
import { RUNTIME, type RuntimeName } from './runtime-text.js';

const ORDER = Object.keys(RUNTIME) as RuntimeName[];

export class RuntimeUse {
  private readonly used = new Set<RuntimeName>();

  /** The piece's name in generated code (`$isDate`; a public one keeps its name). */
  use(name: RuntimeName): string {
    this.add(name);
    return RUNTIME[name].id;
  }

  private add(name: RuntimeName): void {
    if (this.used.has(name)) return;
    this.used.add(name);
    for (const dependency of RUNTIME[name].uses) this.add(dependency);
  }

  /** The public pieces used (error classes, types), exported, for the top of a module. */
  publicCode(target: Target): string[] {
    return this.pieces(true).flatMap((name) => {
      const piece = RUNTIME[name];
      const text = target === 'ts' ? piece.ts : piece.js;
      return text === '' ? [] : [`${withDoc(piece.doc)}export ${text}`];
    });
  }

  /** The other pieces used, for the end of a module. */
  privateCode(target: Target): string[] {
    return this.pieces(false).flatMap((name) => {
      const piece = RUNTIME[name];
      const text = target === 'ts' ? piece.ts : piece.js;
      return text === '' ? [] : [text];
    });
  }

  /** The public pieces as .d.ts declarations (type text as is, classes declared). */
  declarations(): string[] {
    return this.pieces(true).map((name) => {
      const piece = RUNTIME[name];
      return `${withDoc(piece.doc)}export ${piece.typeOnly ? piece.ts : piece.dts}`;
    });
  }

  private pieces(isPublic: boolean): RuntimeName[] {
    return ORDER.filter((name) => this.used.has(name) && RUNTIME[name].isPublic === isPublic);
  }
}

const withDoc = (doc: string): string => (doc === '' ? '' : `${doc}\n`);
