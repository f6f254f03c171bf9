/**
 * The fixed part of every generated module: the public types, the error classes, input
 * validation helpers (a line-for-line port of src/semantics/validate.ts and
 * src/diagnostics/suggest.ts, so messages match exactly) and the generic half of `explain`
 * (a port of src/interpreter/explain.ts and src/semantics/explanation.ts).
 *
 * Written once with TypeScript-only text between « and » (see emit.ts). No policy data here:
 * the only substitutions are the names of generated types, which are identifiers.
 */

/** Public type declarations (TypeScript source and .d.ts alike). */
export function publicTypes(action: string): string {
  return String.raw`/** What decided: a red line, a rule (exempted or not), or the default. */
export type Basis = "redline" | "rule" | "exemption" | "default";

export interface Decision {
  readonly action: ${action};
  readonly basis: Basis;
  /** The deciding red line or rule; null for the default. */
  readonly clause: string | null;
  /** The exemption applied to the deciding rule, if any. */
  readonly exemption: string | null;
  /** The version in force (its ${'`'}version${'`'} header). */
  readonly version: string;
  /** The ${'`'}because${'`'} texts of the deciding clause and of its applied exemption, in that order. */
  readonly because: readonly string[];
}

/** A place in a .policy file, 1-based, end exclusive. */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** One condition node and its value for this input. Every child is evaluated (no short cut). */
export interface ConditionTrace {
  /** ${'`'}test${'`'} is a leaf: a comparison, ${'`'}in${'`'}, ${'`'}has${'`'}, a bool field or a literal. */
  readonly kind: "and" | "or" | "not" | "context" | "test";
  /** The condition as written; a context reference is its name. */
  readonly text: string;
  readonly value: boolean;
  readonly at: SourceRef;
  /** Operands of and / or / not; a context reference has its body as only child. */
  readonly children: readonly ConditionTrace[];
}

export interface ClauseTrace {
  readonly kind: "redline" | "rule" | "exemption";
  readonly name: string;
  readonly action: ${action};
  readonly at: SourceRef;
  readonly when: ConditionTrace;
  readonly unless: ConditionTrace | null;
  /** ${'`'}when${'`'} holds and ${'`'}unless${'`'} does not. */
  readonly holds: boolean;
  /** Red lines and rules: ${'`'}holds${'`'}. Exemptions: applied to at least one fired rule. */
  readonly fired: boolean;
  /** Why it did not fire (or did not apply); null when it did. */
  readonly reason: string | null;
  /** Rules: the exemption applied to it (the least severe applicable one), if any. */
  readonly exemptedBy: string | null;
  /** Exemptions: the fired rules it was applied to. */
  readonly appliedTo: readonly string[];
  readonly because: string | null;
}

export interface Explanation {
  readonly decision: Decision;
  readonly version: { readonly version: string; readonly effective: string | null; readonly file: string };
  /** Red lines, then rules, then exemptions, each in declaration order. */
  readonly clauses: readonly ClauseTrace[];
}

/** One problem with an input, located by its JSON path (${'`'}author.followers${'`'}; ${'`'}(input)${'`'} for the whole). */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

export type Validation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly InputProblem[] };

export type DecideResult = { readonly ok: true; readonly decision: Decision } | { readonly ok: false; readonly errors: readonly InputProblem[] };`;
}

/** The error classes, as code (both targets). */
export function errorClasses(): string {
  return String.raw`/** The input is dated before the first version of the policy: no version was in force. */
export class NoVersionInForceError extends Error {
  «readonly date: string;»
  «readonly firstEffective: string;»
  constructor(date«: string», firstEffective«: string») {
    super("no version in force on " + date + ": the first version takes effect on " + firstEffective);
    this.date = date;
    this.firstEffective = firstEffective;
    this.name = "NoVersionInForceError";
  }
}

/** The input does not match the declared input type (thrown by ${'`'}explain${'`'}). */
export class InvalidInputError extends Error {
  «readonly errors: readonly InputProblem[];»
  constructor(errors«: readonly InputProblem[]») {
    super(errors.map((e) => e.path + ": " + e.message).join("\n"));
    this.errors = errors;
    this.name = "InvalidInputError";
  }
}`;
}

/** The error classes as declarations, for index.d.ts. */
export const ERROR_DECLARATIONS = `/** The input is dated before the first version of the policy: no version was in force. */
export declare class NoVersionInForceError extends Error {
  readonly date: string;
  readonly firstEffective: string;
  constructor(date: string, firstEffective: string);
}

/** The input does not match the declared input type (thrown by \`explain\`). */
export declare class InvalidInputError extends Error {
  readonly errors: readonly InputProblem[];
  constructor(errors: readonly InputProblem[]);
}`;

/** Internal helpers (both targets). `action` is the generated name of the actions type. */
export function helpers(action: string): string {
  return String.raw`// ---- runtime: shared by every Bylaw module, no policy data below this line ----

«type $Check = (value: unknown, path: string, problems: InputProblem[]) => void;»

«interface $Meta {
  readonly version: string;
  readonly effective: string | null;
  readonly file: string;
  readonly redlines: number;
  readonly rules: number;
  readonly kinds: readonly ("redline" | "rule" | "exemption")[];
  readonly names: readonly string[];
  readonly actions: readonly ${action}[];
  readonly at: readonly (readonly [number, number, number, number, number])[];
  readonly because: readonly (string | null)[];
  readonly exemptions: readonly { readonly severity: number; readonly from: readonly string[] }[];
}»

function $decision(action«: ${action}», basis«: Basis», clause«: string | null», exemption«: string | null», version«: string», because«: string[]»)«: Decision» {
  return Object.freeze({ action, basis, clause, exemption, version, because: Object.freeze(because) });
}

const $MAX_PROBLEMS = 50;

function $own(o«: object», key«: string»)«: boolean» {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function $isRecord(value«: unknown»)«: value is Record<string, unknown>» {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function $report(problems«: InputProblem[]», path«: string», message«: string»)«: void» {
  if (problems.length <= $MAX_PROBLEMS) problems.push({ path: path === "" ? "(input)" : path, message });
}

function $escapeControls(text«: string»)«: string» {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

function $describeKey(key«: string»)«: string» {
  return $escapeControls(key.length > 40 ? key.slice(0, 40) + "\u2026" : key);
}

function $describe(value«: unknown»)«: string» {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return $escapeControls(JSON.stringify(value.length > 40 ? value.slice(0, 40) + "\u2026" : value));
  if (typeof value === "boolean") return String(value);
  return typeof value;
}

function $expected(problems«: InputProblem[]», path«: string», what«: string», value«: unknown»)«: void» {
  $report(problems, path, "expected " + what + ", got " + $describe(value));
}

function $isDate(text«: string»)«: boolean» {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]«!»;
  return day <= days;
}

const $MAX_SUGGEST_LENGTH = 256;

function $editDistance(a«: string», b«: string», max«: number»)«: number» {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return Math.abs(n - m);
  const over = Math.min(max + 1, n + m + 1);
  let before«: number[]» = new Array«<number>»(m + 1).fill(over);
  let previous«: number[]» = new Array«<number>»(m + 1).fill(over);
  let current«: number[]» = new Array«<number>»(m + 1).fill(over);
  for (let j = 0; j <= Math.min(m, over); j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - over + 1);
    const to = Math.min(m, i + over - 1);
    current[0] = Math.min(i, over);
    if (from > 1) current[from - 1] = over;
    if (to < m) current[to + 1] = over;
    let rowMin = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j]«!» + 1, current[j - 1]«!» + 1, previous[j - 1]«!» + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        best = Math.min(best, before[j - 2]«!» + 1);
      }
      if (best > over) best = over;
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin >= over) return over;
    const recycled = before;
    before = previous;
    previous = current;
    current = recycled;
  }
  return previous[m]«!»;
}

function $closest(name«: string», candidates«: readonly string[]»)«: string | undefined» {
  const limit = Math.max(1, Math.floor(name.length / 3));
  const measured = name.length <= $MAX_SUGGEST_LENGTH;
  let best«: string | undefined»;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const sameLetters = candidate.toLowerCase() === lower;
    if (!sameLetters && (!measured || Math.abs(candidate.length - name.length) > limit)) continue;
    const distance = sameLetters ? 0.5 : $editDistance(name, candidate, Math.min(limit, Math.ceil(bestDistance) - 1));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

function $checkBool(value«: unknown», path«: string», problems«: InputProblem[]»)«: void» {
  if (typeof value !== "boolean") $expected(problems, path, "bool", value);
}

function $checkString(value«: unknown», path«: string», problems«: InputProblem[]»)«: void» {
  if (typeof value !== "string") $expected(problems, path, "string", value);
}

function $checkDate(value«: unknown», path«: string», problems«: InputProblem[]»)«: void» {
  if (typeof value !== "string" || !$isDate(value)) $expected(problems, path, "a date (YYYY-MM-DD)", value);
}

function $checkInt(value«: unknown», path«: string», problems«: InputProblem[]», min«: number | null», max«: number | null»)«: void» {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || Object.is(value, -0)) {
    $expected(problems, path, "int", value);
    return;
  }
  if (min !== null && value < min) $report(problems, path, value + " is below the minimum " + min);
  if (max !== null && value > max) $report(problems, path, value + " is above the maximum " + max);
}

function $checkEnum(value«: unknown», path«: string», problems«: InputProblem[]», members«: readonly string[]», expected«: string»)«: void» {
  if (typeof value !== "string" || !members.includes(value)) {
    const hint = typeof value === "string" ? $closest(value, members) : undefined;
    $report(problems, path, expected + $describe(value) + (hint ? "; did you mean \"" + hint + "\"?" : ""));
  }
}

function $checkSet(value«: unknown», path«: string», problems«: InputProblem[]», what«: string», item«: $Check»)«: void» {
  if (!Array.isArray(value)) {
    $expected(problems, path, what, value);
    return;
  }
  const seen = new Set«<unknown>»();
  for (let i = 0; i < value.length && problems.length <= $MAX_PROBLEMS; i++) {
    if (!$own(value, String(i))) continue;
    const x«: unknown» = value[i];
    const itemPath = path + "[" + i + "]";
    if (seen.has(x)) $report(problems, itemPath, $describe(x) + " is listed twice");
    seen.add(x);
    item(x, itemPath, problems);
  }
}

function $checkUnknownFields(value«: Record<string, unknown>», prefix«: string», problems«: InputProblem[]», names«: readonly string[]», record«: string»)«: void» {
  for (const key of Object.keys(value)) {
    if (problems.length > $MAX_PROBLEMS) return;
    if (names.includes(key)) continue;
    const hint = $closest(key, names);
    $report(problems, prefix + $describeKey(key), "unknown field of " + record + (hint ? "; did you mean \"" + hint + "\"?" : ""));
  }
}

function $at(file«: number», line«: number», column«: number», endLine«: number», endColumn«: number»)«: SourceRef» {
  return { file: $FILES[file]«!», line, column, endLine, endColumn };
}

function $test(text«: string», value«: boolean», at«: SourceRef»)«: ConditionTrace» {
  return { kind: "test", text, value, at, children: [] };
}

function $and(text«: string», at«: SourceRef», children«: ConditionTrace[]»)«: ConditionTrace» {
  return { kind: "and", text, value: children.every((t) => t.value), at, children };
}

function $or(text«: string», at«: SourceRef», children«: ConditionTrace[]»)«: ConditionTrace» {
  return { kind: "or", text, value: children.some((t) => t.value), at, children };
}

function $not(text«: string», at«: SourceRef», child«: ConditionTrace»)«: ConditionTrace» {
  return { kind: "not", text, value: !child.value, at, children: [child] };
}

function $context(name«: string», at«: SourceRef», body«: ConditionTrace»)«: ConditionTrace» {
  return { kind: "context", text: name, value: body.value, at, children: [body] };
}

function $failingCondition(trace«: ConditionTrace»)«: ConditionTrace» {
  if (trace.value) return trace;
  if (trace.kind === "and") {
    const first = trace.children.find((c) => !c.value);
    return first ? $failingCondition(first) : trace;
  }
  if (trace.kind === "context") return $failingCondition(trace.children[0]«!»);
  return trace;
}

function $notFiredReason(when«: ConditionTrace», unless«: ConditionTrace | null»)«: string | null» {
  if (!when.value) return "${'`'}" + $failingCondition(when).text + "${'`'} is false";
  if (unless !== null && unless.value) return "unless ${'`'}" + unless.text + "${'`'} holds";
  return null;
}

function $explainVersion(meta«: $Meta», decision«: Decision», when«: ConditionTrace[]», unless«: (ConditionTrace | null)[]»)«: Explanation» {
  const n = meta.names.length;
  const firstExemption = meta.redlines + meta.rules;
  const holds«: boolean[]» = [];
  const exemptedBy«: (string | null)[]» = [];
  const appliedTo«: string[][]» = [];
  for (let k = 0; k < n; k++) {
    const u = unless[k]«!»;
    holds.push(when[k]«!».value && !(u !== null && u.value));
    exemptedBy.push(null);
    appliedTo.push([]);
  }
  for (let i = meta.redlines; i < firstExemption; i++) {
    if (!holds[i]) continue;
    const rule = meta.names[i]«!»;
    let best = -1;
    meta.exemptions.forEach((exemption, j) => {
      if (!holds[firstExemption + j] || !exemption.from.includes(rule)) return;
      if (best < 0 || exemption.severity < meta.exemptions[best]«!».severity) best = j;
    });
    if (best < 0) continue;
    exemptedBy[i] = meta.names[firstExemption + best]«!»;
    appliedTo[firstExemption + best]«!».push(rule);
  }
  const clauses«: ClauseTrace[]» = [];
  for (let k = 0; k < n; k++) {
    const w = when[k]«!»;
    const u = unless[k]«!»;
    const isExemption = k >= firstExemption;
    const applied = appliedTo[k]«!»;
    const fired = isExemption ? applied.length > 0 : holds[k]«!»;
    let reason = $notFiredReason(w, u);
    if (isExemption && holds[k] && !fired) {
      const from = meta.exemptions[k - firstExemption]«!».from;
      let anyFired = false;
      for (let i = meta.redlines; i < firstExemption; i++) if (holds[i] && from.includes(meta.names[i]«!»)) anyFired = true;
      reason = anyFired ? "a less severe exemption applied to each rule it names" : "none of the rules it exempts fired";
    }
    const at = meta.at[k]«!»;
    clauses.push({
      kind: meta.kinds[k]«!»,
      name: meta.names[k]«!»,
      action: meta.actions[k]«!»,
      at: $at(at[0], at[1], at[2], at[3], at[4]),
      when: w,
      unless: u,
      holds: holds[k]«!»,
      fired,
      reason: fired ? null : reason,
      exemptedBy: exemptedBy[k]«!»,
      appliedTo: applied,
      because: meta.because[k]«!»,
    });
  }
  return { decision, version: { version: meta.version, effective: meta.effective, file: meta.file }, clauses };
}`;
}
