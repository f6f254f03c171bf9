/**
 * The page's worker: the toolchain (src/browser.ts) off the main thread. It keeps the last
 * checked policy set, so `decide` and `compile` after a `check` see the text that was checked:
 * messages are handled one at a time, in order.
 */
import {
  BudgetExceeded,
  explain,
  generate,
  loadFromMemory,
  renderDiff,
  renderExplanation,
  semanticDiff,
  undated,
  decideUnknown,
  exportMappingOf,
  factsFromInput,
  formatPolicy,
  noticeOfReasons,
  StatementError,
  statementOfReasons,
  type Deployment,
  describeDuration,
  outcomeParts,
  parseDuration,
  type AnyDecision,
  type Diagnostic,
  type PolicySet,
} from '../../src/browser.js';
import type { CheckReply, DiagnosticView, DiffSide, Envelope, Files, OutcomeView, Replies, ReplyEnvelope, Request, StatementView } from './protocol.js';

let current: PolicySet | null = null;

const files = (list: Files) => new Map(list);

function view(d: Diagnostic): DiagnosticView {
  const where = (s: Diagnostic['span']) => `${s.file}:${s.start.line}:${s.start.column}`;
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    help: d.help ?? null,
    notes: d.notes.map((n) => (n.span ? `${n.message} (${where(n.span)})` : n.message)),
    file: d.span.file,
    line: d.span.start.line,
    column: d.span.start.column,
    from: d.span.start.offset,
    to: d.span.end.offset,
  };
}

function check(root: string, list: Files): CheckReply {
  const loaded = loadFromMemory(root, files(list));
  current = loaded.policy;
  const latest = current?.versions.at(-1) ?? null;
  return {
    diagnostics: loaded.diagnostics.map(view),
    ok: current !== null,
    versions: current?.versions.map((v) => ({ version: v.version, effective: v.effective, file: v.file })) ?? [],
    inputType: latest?.inputType ?? null,
    inputName: latest?.inputName ?? null,
  };
}

function decide(input: unknown, deployment: unknown): Replies['decide'] {
  if (!current) return { ok: false, problems: ['the policy has errors; fix them to decide'] };
  const result = decideUnknown(current, input);
  if (!result.ok) return { ok: false, problems: result.errors.map((e) => `${e.path}: ${e.message}`) };
  try {
    const explanation = explain(current, input);
    const { decision } = explanation;
    const statement = statementOf(current, input, decision, deployment);
    return { ok: true, result: { ...explanation, declared: 'outcomes' in decision, outcomes: outcomesOf(decision), text: renderExplanation(explanation), statement } };
  } catch (error) {
    // A date before the first version: decideUnknown reports a decision of no version in force.
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

/** As `bylaw decide --statement-of-reasons` builds it (src/cli/statements.ts), with the notice beside it. */
function statementOf(set: PolicySet, input: unknown, decision: AnyDecision, deployment: unknown): StatementView {
  try {
    exportMappingOf(set, decision.version); // a policy without a mapping is the first thing to say
    if (deployment === null || deployment === undefined) {
      return { ok: false, message: 'this set has no deployment config (`deployment.json`)', help: 'a statement of reasons needs what a decision does not know: see docs/statements-of-reasons.md' };
    }
    const config = deployment as Deployment;
    const facts = factsFromInput(input, set.dateField, config);
    return { ok: true, statement: statementOfReasons(set, decision, facts, config), notice: noticeOfReasons(set, decision, facts, config) };
  } catch (error) {
    if (error instanceof StatementError) return { ok: false, message: error.problem.message, help: error.problem.help };
    // A fault of the builder must not hide the decision it was built for.
    return { ok: false, message: `it could not be built: ${error instanceof Error ? error.message : String(error)}`, help: 'this is a bug in Bylaw: please report it with a share link' };
  }
}

/** Each outcome's part, with its duration in words beside the ISO form the decision gives. */
function outcomesOf(decision: AnyDecision): OutcomeView[] {
  return outcomeParts(decision).map(({ name, part }) => {
    const parsed = part.duration === undefined ? undefined : parseDuration(part.duration);
    const duration = part.duration === undefined ? null : { iso: part.duration, words: parsed ? describeDuration(parsed) : part.duration };
    return { name, action: part.action, duration, basis: part.basis, clause: part.clause, exemption: part.exemption, because: part.because };
  });
}

function diff(before: DiffSide, after: DiffSide): Replies['diff'] {
  const sides = [before, after].map((side) => ({ side, loaded: loadFromMemory(side.root, files(side.files)) }));
  for (const { side, loaded } of sides) {
    if (!loaded.policy) return { ok: false, message: `\`${side.root}\` has errors; fix them first` };
  }
  const [old, now] = sides.map(({ side, loaded }) => (side.root.endsWith('.policy') ? undated(loaded.policy!) : loaded.policy!));
  try {
    const result = semanticDiff(old!, now!);
    // The same pointer to the full JSON as the CLI gives, for the same two paths.
    const jsonCommand = `bylaw diff ${before.root} ${after.root} --format json`;
    return { ok: true, markdown: renderDiff(result, { before: before.root, after: after.root }, 'markdown', { jsonCommand }), regions: result.regions.length };
  } catch (error) {
    if (error instanceof BudgetExceeded) return { ok: false, message: `the policies are too large to diff exactly (${error.message})` };
    throw error;
  }
}

async function format(path: string, text: string): Promise<Replies['format']> {
  const result = await formatPolicy(text, path);
  if (result.kind === 'formatted') return { ok: true, text: result.text };
  if (result.kind === 'syntax-error') return { ok: false, message: `\`${path}\` has syntax errors; fix them to format it` };
  return { ok: false, message: result.message };
}

async function handle(request: Request): Promise<Replies[Request['kind']]> {
  switch (request.kind) {
    case 'check':
      return check(request.root, request.files);
    case 'decide':
      return decide(request.input, request.deployment);
    case 'compile':
      return current ? { ok: true, text: generate(current, { target: 'ts' }).files[0]!.text } : { ok: false, message: 'the policy has errors; fix them to compile it' };
    case 'diff':
      return diff(request.before, request.after);
    case 'format':
      return format(request.path, request.text);
  }
}

// One at a time: `format` awaits prettier, and a `decide` sent after a `check` must see its result.
let queue: Promise<unknown> = Promise.resolve();
self.onmessage = (event: MessageEvent<Envelope>) => {
  const { id, request } = event.data;
  queue = queue.then(async () => {
    let message: ReplyEnvelope;
    try {
      message = { id, reply: await handle(request) };
    } catch (error) {
      message = { id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    self.postMessage(message);
  });
};
