/**
 * The export mapping of a version (its `statement` declarations): checked against the policy
 * with src/statements' own rules (`mappingIssues`, what `checkMapping` words), each problem, a
 * BL5xx code and its parts, reported where it was written, in the language's terms. A version
 * without `statement` declarations has no mapping and nothing to report.
 */
import type * as A from '../../ast/nodes.js';
import { DiagnosticBag, type Code } from '../../diagnostics/codes.js';
import type { Span } from '../../diagnostics/span.js';
import { mappingIssues, type ExportMapping, type MappingEmission, type MappingIssue, type PolicyShape, type ShapeClause } from '../../statements/mapping.js';
import { ownEntry } from '../../runtime/statement-mapping.js';
import type { CheckedClause, Program } from '../program.js';
import type { Scope } from '../scope.js';
import { readMapping, type ReadMapping } from './export-mapping.js';

/**
 * A name the version lacks: a warning, since a module's mapping serves every version and a
 * version file may be checked alone (`bylaw diff v2.policy v3.policy`); across a set it is kept
 * only when no version has the name (checker/index.ts). What the name was meant for is then
 * unmapped, an error of its own (BL501, BL505).
 */
export const UNKNOWN_IN_VERSION = 'BL555' satisfies Code;

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
    local.emit(UNKNOWN_IN_VERSION, decl.version.span, { kind: 'version', version: decl.version.value, versions: [program.version] });
  }
  const locate = new Locator(read, files, root, scope, program);
  const grouped = new Set<string>();
  for (const issue of mappingIssues(read.mapping, shapeOf(program))) {
    if (issue.code === null) throw new Error(`internal: the export mapping read from the source has a \`${issue.kind}\` problem at ${issue.path}`);
    if (issue.code === 'BL501' && issue.args.kind === 'action' && !read.spans.has(`outcomes.${issue.args.outcome}`)) {
      // No `statement` for the outcome at all: one diagnostic for it, not one per action.
      const { outcome } = issue.args;
      if (grouped.has(outcome)) continue;
      grouped.add(outcome);
      const members = program.outcomes.find((o) => o.name === outcome)!.scale.members;
      local.emit('BL501', locate.outcome(outcome), { kind: 'outcome', outcome, members });
      continue;
    }
    const { span, emission } = locate.problem(issue);
    local.emit(emission.code, span, emission.args);
  }
  bag.add(local.items);
  return local.hasErrors ? null : ownPart(read.mapping, program);
}

/** The part of a mapping shared by several versions that this version has: its outcomes, actions and clauses. */
function ownPart(mapping: ExportMapping, program: Program): ExportMapping {
  const outcomes = Object.fromEntries(
    program.outcomes.map((o) => [o.name, Object.fromEntries(Object.entries(ownEntry(mapping.outcomes, o.name) ?? {}).filter(([action]) => o.scale.members.includes(action)))]),
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

  /** Where `p` goes, and what it says there (two outcomes writing one field note where the other does). */
  problem(p: MappingIssue & MappingEmission): { span: Span; emission: MappingEmission } {
    const clause = (name: string) => [...this.program.redlines, ...this.program.rules].find((c) => c.name === name);
    switch (p.code) {
      case 'BL505':
      case 'BL504':
        return { span: clause(p.args.clause)?.nameSpan ?? this.at(p.path), emission: p };
      case 'BL553':
        return { span: this.versionHeader(), emission: p };
      case 'BL503': {
        if (p.args.kind === 'action') return { span: this.at(p.path), emission: p };
        const { span, also } = this.writtenTwice(p.args.outcome, p.args.field);
        return { span, emission: { code: p.code, args: { ...p.args, also } } };
      }
      default:
        return { span: this.at(p.path), emission: p };
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

  /** The first target of `outcome` writing the one-value `field` that an earlier outcome writes too, and that one. */
  private writtenTwice(outcome: string, field: string): { span: Span; also?: Span } {
    let earlier: string | undefined;
    for (const o of this.program.outcomes) {
      for (const [action, mapped] of Object.entries(ownEntry(this.read.mapping.outcomes, o.name) ?? {})) {
        for (const [i, t] of mapped.targets.entries()) {
          if (t.field !== field) continue;
          const path = `outcomes.${o.name}.${action}.targets.${i}`;
          if (o.name === outcome && earlier !== undefined && !earlier.startsWith(`outcomes.${outcome}.`)) {
            return { span: this.at(path), also: this.at(earlier) };
          }
          earlier ??= path;
        }
      }
    }
    return { span: this.at(`outcomes.${outcome}`) };
  }

  private versionHeader(): Span {
    const header = this.root.items.find((i): i is A.VersionHeader => i.kind === 'VersionHeader');
    return header?.value.span ?? this.root.items[0]?.span ?? this.first;
  }
}
