/**
 * Names and strings in generated code. Every string that comes from a policy (a `because`, a
 * source text, a version, a member or field name) reaches the output through `jsString`, and
 * every name through `propertyKey` / `access` / `TypeNames`: nothing from a policy is ever
 * pasted into code, a template literal or a comment unescaped.
 *
 * Generated internal names (helpers, locals, constants) all start with `INTERNAL_PREFIX`, a `$`:
 * Bylaw identifiers are letters, digits and `_` only, so no policy name can ever equal one.
 */

export const INTERNAL_PREFIX = '$';

/** An internal name: `$` + a base made of ASCII letters, digits and `_`. */
export function internal(base: string | number): string {
  const text = String(base);
  if (!/^[A-Za-z0-9_]+$/.test(text)) throw new Error(`internal name must be ASCII: ${JSON.stringify(text)}`);
  return `${INTERNAL_PREFIX}${text}`;
}

/**
 * A JavaScript string literal with the same value as `value`. JSON.stringify escapes quotes,
 * backslashes, control characters and lone surrogates; U+2028/U+2029 are escaped too (line
 * terminators in older JS), and so are `«` and `»`, the markers the emitter uses for
 * TypeScript-only text, so a policy string can never be mistaken for one. A `<` before `/` or
 * `!` is escaped as well: `</script>` or `<!--` would end or derail an inline `<script>` that
 * holds the module.
 */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029\u00ab\u00bb]|<(?=[/!])/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A `//` comment that may name policy things (names, files). Only a line terminator can end a
 * line comment; those, other control and format characters (bidirectional overrides), lone
 * surrogates and the « » markers become `?`, and so does a `<` before `/` or `!` (an inline
 * `<script>` ends at `</script>` even inside a comment).
 */
export function comment(text: string): string {
  return `// ${text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u00ab\u00bb]|<(?=[/!])/gu, '?')}`;
}

/** A number literal (ints from a policy; never NaN). */
export function jsNumber(value: number): string {
  if (Number.isNaN(value)) throw new Error('NaN in a policy literal');
  if (value === Infinity) return '(1 / 0)';
  if (value === -Infinity) return '(-1 / 0)';
  return Object.is(value, -0) ? '0' : String(value);
}

const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name that may follow a `.` or stand unquoted as a property key (reserved words included, ES5+). */
function plainProperty(name: string): boolean {
  return ASCII_IDENTIFIER.test(name) && name !== '__proto__' && name !== 'constructor';
}

/** A property key for an object literal, an interface member or a type: quoted unless plain ASCII. */
export function propertyKey(name: string): string {
  return plainProperty(name) ? name : jsString(name);
}

/** `object.name`, or `object["name"]` when the name is not a plain ASCII identifier. */
export function access(object: string, name: string): string {
  return plainProperty(name) ? `${object}.${name}` : `${object}[${jsString(name)}]`;
}

/** Reserved words of JavaScript and TypeScript, which cannot name a type. */
const RESERVED_WORDS = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
  'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await',
  'async', 'of', 'type', 'as', 'is', 'keyof', 'infer', 'declare', 'namespace', 'module', 'abstract', 'readonly',
  'unique', 'satisfies', 'accessor', 'asserts', 'out', 'global', 'require', 'get', 'set', 'from', 'constructor',
  // TypeScript's built-in types.
  'any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'undefined', 'intrinsic',
];

/** Globals the generated module (or its reader) relies on; a policy type must not shadow them. */
const GLOBALS = [
  'Object', 'Array', 'ReadonlyArray', 'Error', 'TypeError', 'Set', 'ReadonlySet', 'Map', 'ReadonlyMap', 'Number',
  'String', 'Boolean', 'Symbol', 'BigInt', 'JSON', 'Math', 'Date', 'RegExp', 'RegExpExecArray', 'Record', 'Readonly',
  'Partial', 'Required', 'Pick', 'Omit', 'Exclude', 'Extract', 'NonNullable', 'ReturnType', 'Parameters',
  'Infinity', 'NaN', 'Promise', 'Function', 'globalThis', 'arguments', 'eval', 'PropertyKey', 'Iterable',
];

/** The names the generated module exports itself. */
export const EXPORTED_NAMES = [
  'decide', 'explain', 'validate', 'decideUnknown', 'NoVersionInForceError', 'InvalidInputError',
  'Decision', 'Basis', 'Explanation', 'ClauseTrace', 'ConditionTrace', 'SourceRef', 'InputProblem', 'Validation',
  'DecideResult', 'VERSIONS',
] as const;

const TAKEN = new Set<string>([...RESERVED_WORDS, ...GLOBALS, ...EXPORTED_NAMES]);

/** True when TypeScript accepts `name` as an identifier (Unicode letters included). */
export function isIdentifier(name: string): boolean {
  return /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u.test(name);
}

/**
 * The name of one version's declaration of a type that versions declare differently:
 * `Post_2023_02_23` for version "2023-02-23". Only letters, decimal digits and `_` of the version
 * are kept (the rest become `_`): a version header is free text, a type name must not carry
 * invisible or format characters. `TypeNames` still makes the result clash-free.
 */
export function versionedName(name: string, version: string): string {
  return `${name}_${version.replace(/[^\p{L}\p{Nd}_]/gu, '_')}`;
}

/**
 * Allocates clash-free type names from policy names, deterministically: the first type to ask
 * for a name gets it (made a valid identifier), later ones and reserved words get `_`, `_2`, ….
 */
export class TypeNames {
  private readonly used: Set<string>;

  /** `alsoTaken`: names the module exports besides the usual ones (statements of reasons). */
  constructor(alsoTaken: readonly string[] = []) {
    this.used = new Set<string>([...TAKEN, ...alsoTaken]);
  }

  allocate(policyName: string): string {
    let base = [...policyName].map((c, i) => (isIdentifier(i === 0 ? c : `_${c}`) ? c : '_')).join('');
    if (base === '' || !isIdentifier(base)) base = `T_${base}`;
    if (!this.used.has(base)) return this.take(base);
    if (!this.used.has(`${base}_`)) return this.take(`${base}_`);
    for (let n = 2; ; n++) if (!this.used.has(`${base}_${n}`)) return this.take(`${base}_${n}`);
  }

  private take(name: string): string {
    this.used.add(name);
    return name;
  }
}
