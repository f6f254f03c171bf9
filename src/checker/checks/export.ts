/**
 * The export mapping of a version (its `statement` declarations): checked against the policy
 * with src/statements' own rules (`checkMapping`), each problem turned into a located diagnostic
 * (BL5xx) with help in the language's terms. A version without `statement` declarations has no
 * mapping and nothing to report.
 */
import type * as A from '../../ast/nodes.js';
import { DiagnosticBag, type Code } from '../../diagnostics/codes.js';
import type { Note } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/span.js';
import { SINGLE_VALUED, checkMapping, type ExportMapping, type PolicyShape, type ShapeClause } from '../../statements/mapping.js';
import type { Problem } from '../../statements/problems.js';
import type { CheckedClause, Program } from '../program.js';
import type { Scope } from '../scope.js';
import { readMapping, type ReadMapping } from './export-mapping.js';

/**
 * A name the version lacks: a warning, since a module's mapping serves every version and a
 * version file may be checked alone (`bylaw diff v2.policy v3.policy`); across a set it is kept
 * only when no version has the name (checker/index.ts). What the name was meant for is then
 * unmapped, an error of its own (BL501, BL505).
 */
export const UNKNOWN_IN_VERSION: Code = 'BL555';

const CODES: Readonly<Record<string, Code>> = {
  'unmapped-action': 'BL501',
  'unknown-key': 'BL502',
  'field-written-twice': 'BL503',
  'because-too-long': 'BL504',
  'unmapped-clause': 'BL505',
  'unknown-outcome': 'BL555',
  'unknown-action': 'BL555',
  'unknown-clause': 'BL555',
  'missing-other-text': 'BL508',
  'text-too-long': 'BL509',
  'invalid-ground': 'BL510',
  'invalid-url': 'BL511',
  'default-restricts': 'BL512',
  'explanation-may-overflow': 'BL551',
  'other-text-unused': 'BL552',
  'missing-version-url': 'BL553',
  'duration-ignored': 'BL554',
};

/**
 * The checked mapping of `program`, or null when it has none or it has errors (reported to
 * `bag`). `files` are every file the version sees; `root` is the version's own.
 */
export function checkExport(files: readonly A.PolicyFile[], root: A.PolicyFile, scope: Scope, program: Program, bag: DiagnosticBag): ExportMapping | null {
  const local = new DiagnosticBag();
  const read = readMapping(files, program.version, local);
  if (!read) return null;
  for (const decl of read.otherVersions) {
    // In a module shared by every version, the other versions' URLs are expected here: this is
    // kept only when no version of the set has that name (checker/index.ts).
    local.report(UNKNOWN_IN_VERSION, `\`${decl.version.value}\` is not a version of this policy`, decl.version.span, {
      help: 'a `statement version` gives the URL of one version of the policy, named as in that version\'s `version` header',
    });
  }
  const locate = new Locator(read, files, root, scope, program);
  const grouped = new Set<string>();
  for (const problem of checkMapping(read.mapping, shapeOf(program))) {
    const code = CODES[problem.kind];
    if (!code) throw new Error(`internal: the export mapping read from the source has a \`${problem.kind}\` problem at ${problem.path}`);
    const [, outcome] = problem.path.split('.');
    if (problem.kind === 'unmapped-action' && !read.spans.has(`outcomes.${outcome}`)) {
      // No `statement` for the outcome at all: one diagnostic for it, not one per action.
      if (grouped.has(outcome!)) continue;
      grouped.add(outcome!);
      const members = program.outcomes.find((o) => o.name === outcome)!.scale.members;
      local.report(code, `outcome \`${outcome}\` has no statement mapping`, locate.outcome(outcome!), {
        help: `say what each of its actions becomes: \`statement ${outcome} { ${members.map((m) => `${m}: …`).join(', ')} }\``,
      });
      continue;
    }
    const { span, notes } = locate.problem(problem);
    // The model says "the mapping names `x`, which is not …": in the source, the name is the statement's.
    const message = problem.message.replace(/^the mapping names (`[^`]*`), which is/, '$1 is');
    local.report(code, message, span, { help: helpFor(problem), notes });
  }
  bag.add(local.items);
  return local.hasErrors ? null : ownPart(read.mapping, program);
}

/** The part of a mapping shared by several versions that this version has: its outcomes, actions and clauses. */
function ownPart(mapping: ExportMapping, program: Program): ExportMapping {
  const outcomes = Object.fromEntries(
    program.outcomes.map((o) => [o.name, Object.fromEntries(Object.entries(mapping.outcomes[o.name] ?? {}).filter(([action]) => o.scale.members.includes(action)))]),
  );
  const deciding = new Set([...program.redlines, ...program.rules].map((c) => c.name));
  const clauses = Object.fromEntries(Object.entries(mapping.clauses).filter(([name]) => deciding.has(name)));
  return { ...mapping, outcomes, clauses };
}

/** What the mapping must cover: the version's outcomes, clauses and version, by name. */
export function shapeOf(program: Program): PolicyShape {
  const actions = (c: CheckedClause) => Object.fromEntries(c.actions.map((a) => [program.outcomes[a.outcome]!.name, a.member]));
  const clause = (c: CheckedClause, kind: ShapeClause['kind']): ShapeClause => ({ name: c.name, kind, actions: actions(c), because: c.because === null ? [] : [c.because] });
  return {
    outcomes: program.outcomes.map((o, i) => ({
      name: o.name,
      members: o.scale.members.map((name) => ({ name, duration: o.scale.timed.includes(name) })),
      default: program.defaults[i]?.member ?? o.scale.members[0]!,
    })),
    clauses: [
      ...program.redlines.map((c) => clause(c, 'redline')),
      ...program.rules.map((c) => clause(c, 'rule')),
      ...program.exemptions.map((e) => ({ ...clause(e, 'exemption'), from: e.from })),
    ],
    versions: [program.version],
  };
}

/** Help in the language's words where the model's would name its fields. */
function helpFor(p: Problem): string {
  const parts = p.path.split('.');
  switch (p.kind) {
    case 'unmapped-action':
      return `add \`${parts[2]}: DECISION_…\` to \`statement ${parts[1]} { … }\`, or \`${parts[2]}: no restriction\``;
    case 'unmapped-clause':
      return `add \`statement ${parts[1]} category STATEMENT_CATEGORY_… ground terms "…"\` (or \`ground law "…"\` for illegal content)`;
    case 'default-restricts':
      return 'add `statement default category STATEMENT_CATEGORY_… ground terms "…"` for the decisions no clause makes';
    case 'missing-version-url':
      return `add \`statement version "${parts.slice(1).join('.')}" at "https://…"\`: statements and notices link to the rules in force`;
    case 'missing-other-text':
      return parts[0] === 'outcomes'
        ? 'write the text after the key: `DECISION_VISIBILITY_OTHER "interstitial warning screen"`'
        : 'write the text after it: `KEYWORD_OTHER "the kind of content"`';
    case 'duration-ignored':
      return `\`${parts[2]}\` is declared with \`(duration)\`, so each decision gives its own: remove \`for …\` here`;
    case 'invalid-ground':
      return 'name what the ground rests on: `ground terms "Hateful Conduct Policy"`, `ground law "Section 130 StGB"`';
    default:
      return p.help;
  }
}

/** Where a problem of the mapping was written, or the part of the policy it is about. */
class Locator {
  private readonly first: Span;

  constructor(
    private readonly read: ReadMapping,
    files: readonly A.PolicyFile[],
    private readonly root: A.PolicyFile,
    private readonly scope: Scope,
    private readonly program: Program,
  ) {
    const statements = files.flatMap((f) => f.items.filter((i): i is A.StatementDecl => i.kind.startsWith('Statement')));
    const clauses = statements.find((i): i is A.StatementClausesDecl => i.kind === 'StatementClauses');
    this.first = (clauses?.clauses[0] ?? clauses?.default)?.span ?? statements[0]!.span;
  }

  problem(p: Problem): { span: Span; notes: Note[] } {
    const clause = (name: string) => [...this.program.redlines, ...this.program.rules].find((c) => c.name === name);
    const parts = p.path.split('.');
    switch (p.kind) {
      case 'unmapped-clause':
      case 'because-too-long':
        return { span: clause(parts[1]!)?.nameSpan ?? this.at(p.path), notes: [] };
      case 'missing-version-url':
        return { span: this.versionHeader(), notes: [] };
      case 'field-written-twice':
        return parts.length === 2 ? this.writtenTwice(parts[1]!) : { span: this.at(p.path), notes: [] };
      default:
        return { span: this.at(p.path), notes: [] };
    }
  }

  /** The statement block of an outcome, else its declaration (Bylaw 1: the scale). */
  outcome(name: string): Span {
    const declared = this.scope.outcomes.find((o) => o.name.name === name);
    if (declared) return declared.name.span;
    const scale = this.scope.symbols.get(this.program.scale.name);
    return scale ? scale.decl.name.span : this.first;
  }

  /** The longest written prefix of `path`. */
  private at(path: string): Span {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const span = this.read.spans.get(parts.slice(0, n).join('.'));
      if (span) return span;
    }
    return parts[0] === 'outcomes' && parts[1] ? this.outcome(parts[1]) : this.first;
  }

  /** The first target of `outcome` writing a one-value field an earlier outcome writes too, and that one. */
  private writtenTwice(outcome: string): { span: Span; notes: Note[] } {
    const writers = new Map<string, string>();
    for (const o of this.program.outcomes) {
      for (const [action, mapped] of Object.entries(this.read.mapping.outcomes[o.name] ?? {})) {
        for (const [i, t] of mapped.targets.entries()) {
          if (!SINGLE_VALUED.has(t.field)) continue;
          const path = `outcomes.${o.name}.${action}.targets.${i}`;
          const earlier = writers.get(t.field);
          if (o.name === outcome && earlier !== undefined && !earlier.startsWith(`outcomes.${outcome}.`)) {
            return { span: this.at(path), notes: [{ message: `\`${t.field}\` is also written here`, span: this.at(earlier) }] };
          }
          if (earlier === undefined) writers.set(t.field, path);
        }
      }
    }
    return { span: this.at(`outcomes.${outcome}`), notes: [] };
  }

  private versionHeader(): Span {
    const header = this.root.items.find((i): i is A.VersionHeader => i.kind === 'VersionHeader');
    return header?.value.span ?? this.root.items[0]?.span ?? this.first;
  }
}
