import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from './io.js';

export interface FormatAliases<F extends string> {
  /** The old `--error-format <format>` (check, compile): the same values. */
  readonly errorFormat?: boolean;
  /** An old boolean flag meaning one format, e.g. `--json` (decide). */
  readonly flags?: Readonly<Record<string, F>>;
}

/**
 * `--format <format>`: the one name, on every command, of the flag that picks how a command
 * prints its report and diagnostics (docs/cli.md lists the values per command). The names used
 * before stay as hidden aliases that set the same option.
 */
export function formatOption<F extends string>(command: Command, formats: readonly F[], fallback: F, what: string, aliases: FormatAliases<F> = {}): Command {
  const parse = (value: string): F => {
    if ((formats as readonly string[]).includes(value)) return value as F;
    throw new InvalidArgumentError(`unknown format \`${value}\` (use ${formats.slice(0, -1).join(', ')} or ${formats[formats.length - 1]})`);
  };
  command.option('--format <format>', `${what}: ${formats.join(', ')}`, parse, fallback);
  // Two of the names asking for different formats (`--format json --error-format github`) is a
  // usage error: the last one silently winning would print what the user did not ask for.
  let first: { flag: string; format: string } | undefined;
  const chosen = (flag: string, format: string) => {
    if (first !== undefined && first.format !== format) {
      throw new UsageError(`${first.flag} and ${flag} ask for different formats: give one of them`);
    }
    first ??= { flag, format };
    command.setOptionValueWithSource('format', format, 'cli');
  };
  // These run after commander's own listener, which has validated the value (or stopped).
  command.on('option:format', (value: string) => chosen(`--format ${value}`, value));
  if (aliases.errorFormat) {
    command.addOption(new Option('--error-format <format>', 'the same as --format').argParser(parse).hideHelp());
    command.on('option:error-format', (value: string) => chosen(`--error-format ${value}`, value));
  }
  for (const [flag, format] of Object.entries(aliases.flags ?? {})) {
    command.addOption(new Option(`--${flag}`, `the same as --format ${format}`).hideHelp());
    command.on(`option:${flag}`, () => chosen(`--${flag}`, format));
  }
  return command;
}
