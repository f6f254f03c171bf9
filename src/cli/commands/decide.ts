import { InvalidArgumentError, type Command } from 'commander';
import { explain } from '../../interpreter/explain.js';
import { decideUnknown } from '../../interpreter/evaluate.js';
import { decisionText, renderExplanation } from '../../semantics/explanation.js';
import { withReaderProblems } from '../../semantics/validate.js';
import { readInputText } from '../files.js';
import { numberProblems, tryParseJson } from '../read-json.js';
import type { JsonLocator } from '../../cases/locate.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { printDiagnostics } from '../report.js';
import { stringifyDeep } from '../json.js';
import { formatOption } from '../format-option.js';
import { EXIT, UsageError, type CommandContext } from '../io.js';
import { requirePolicy } from '../policy-arg.js';
import { escapeControls } from '../../diagnostics/text.js';

type NoticeStyle = 'text' | 'markdown';

function parseNoticeStyle(value: string): NoticeStyle {
  if (value === 'text' || value === 'markdown') return value;
  throw new InvalidArgumentError(`unknown notice style \`${value}\` (use text or markdown)`);
}

interface DecideOptions {
  input?: string;
  explain?: boolean;
  statementOfReasons?: boolean;
  /** `true`: the flag alone (plain text). */
  notice?: true | NoticeStyle;
  deployment?: string;
  format: 'human' | 'json';
}

export function registerDecide(program: Command, ctx: CommandContext): void {
  const command = program
    .command('decide')
    .description('decide one input (JSON) with the version in force on its date')
    .argument('<policy>', 'a policy file or policy set (folder)')
    .option('-i, --input <file>', 'the input JSON (default, or `-`: standard input)')
    .option('--explain', 'show the full trace: every clause, fired or not, and why')
    .option('--statement-of-reasons', 'print the statement of reasons for the DSA Transparency Database (JSON; null when nothing is restricted)')
    .option('--notice [style]', 'print the notice the person receives: text (default) or markdown; with --format json, {subject, text, markdown} (null when nothing is restricted)', parseNoticeStyle)
    .option('--deployment <file>', 'the platform\'s deployment config for --statement-of-reasons and --notice (default: deployment.json beside the policy)');
  formatOption(command, ['human', 'json'] as const, 'human', 'the decision (or explanation) as', { flags: { json: 'json' } })
    .action(async (path: string, options: DecideOptions) => {
      const json = options.format === 'json';
      const chosen = [options.explain && '--explain', options.statementOfReasons && '--statement-of-reasons', options.notice && '--notice'].filter(Boolean);
      if (chosen.length > 1) throw new UsageError(`${chosen.join(' and ')} print different things: give one of them`);
      const policy = requirePolicy(ctx, path, options.format);
      if (!policy) return;
      // `-` is standard input, as for most commands that read a file.
      const file = options.input === '-' ? undefined : options.input;
      const source = file ?? '<stdin>';
      const text = await readInputText(file, ctx);
      if (text.trim() === '') throw new UsageError(`${source}: empty input; expected a JSON object`);
      // Problems are diagnostics at their places in the text, as a case file's are (BL601, BL604);
      // what finds and words them loads only when there is one (start-up, docs/performance.md).
      const refuse = async (why: string, diagnose: (places: typeof import('../case-files.js'), locator: JsonLocator) => Diagnostic[]) => {
        const [places, { JsonLocator }] = await Promise.all([import('../case-files.js'), import('../../cases/locate.js')]);
        printDiagnostics(ctx, diagnose(places, new JsonLocator(source, text)), new Map([[source, text]]), options.format);
        ctx.err(`error: ${source} ${why}; nothing was decided`);
        ctx.exit(EXIT.usage);
      };
      const parsed = tryParseJson(text);
      if (!parsed.ok) {
        const { error } = parsed;
        return refuse('is not JSON', (places, locator) => [places.syntaxDiagnostic(locator, error, 'input')]);
      }
      const input = parsed.value;
      const result = withReaderProblems(decideUnknown(policy, input), numberProblems(parsed.fractional));
      if (!result.ok) {
        const { errors } = result;
        const why = `is not a valid ${policy.versions[0]!.inputType.name}: ${errors.length} error${errors.length === 1 ? '' : 's'}`;
        return refuse(why, (places, locator) => places.inputProblemDiagnostics(policy, locator, input, errors, [], (_, e) => ({ caseId: null, path: e.path }), 'input'));
      }
      if (options.explain) {
        const explanation = explain(policy, input);
        ctx.out(json ? explanationJson(explanation) : renderExplanation(explanation));
        return;
      }
      const d = result.decision;
      // Statements load their builder, validator and the compiler: only when asked (start-up).
      const statements = options.statementOfReasons || options.notice ? await import('../statements.js') : null;
      if (options.statementOfReasons && statements) {
        const { statementForInput, readDeployment } = statements;
        ctx.out(JSON.stringify(statementForInput(policy, input, d, readDeployment(options.deployment, policy)), null, 2));
        return;
      }
      if (options.notice && statements) {
        const { noticeForInput, readDeployment } = statements;
        const notice = noticeForInput(policy, input, d, readDeployment(options.deployment, policy));
        if (json) ctx.out(JSON.stringify(notice, null, 2));
        else if (notice === null) ctx.err('no notice: the decision restricts nothing');
        // Policy and config texts reach a terminal: control characters escaped, line breaks kept.
        else ctx.out((options.notice === 'markdown' ? notice.markdown : notice.text).trimEnd().split('\n').map(escapeControls).join('\n'));
        return;
      }
      if (json) {
        ctx.out(JSON.stringify(d, null, 2));
        return;
      }
      for (const line of decisionText(d)) ctx.out(line);
    });
}

/**
 * The explanation as JSON: indented when that is reasonable. A trace nests every context's body
 * inside its references, so a chain of 1,000 contexts is a tree 4,000 levels deep: indented it is
 * hundreds of megabytes, and JSON.stringify runs out of stack. Then: one line, written without
 * recursion.
 */
function explanationJson(explanation: unknown): string {
  try {
    const pretty = JSON.stringify(explanation, null, 2);
    if (pretty.length <= 64 * 1024 * 1024) return pretty;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return stringifyDeep(explanation);
}
