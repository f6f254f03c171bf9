import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { renderDiff, type DiffFormat } from '../../analysis/diff-report.js';
import { hasChanges, semanticDiff, undated } from '../../analysis/diff.js';
import { BudgetExceeded } from '../../logic/index.js';
import type { PolicySet } from '../../checker/program.js';
import { loadPolicy } from '../../load-policy.js';
import { bundledStdlib, diskHost, type SourceHost } from '../../modules/host.js';
import { EXIT, UsageError, type CommandContext } from '../io.js';
import { printDiagnostics } from '../report.js';

interface DiffOptions {
  format: DiffFormat;
  git?: string;
  clauses?: boolean;
  maxRegions?: number;
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError(`expected a whole number of regions, got \`${value}\``);
  return Number(value);
}

/** A word of a command line, quoted for a POSIX shell when it needs to be. */
const shellWord = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

function parseFormat(value: string): DiffFormat {
  if (value === 'text' || value === 'markdown' || value === 'json') return value;
  throw new InvalidArgumentError(`unknown format \`${value}\` (use text, markdown or json)`);
}

/**
 * `bylaw diff OLD NEW` / `bylaw diff --git REV PATH`: the exact semantic diff (analysis/diff.ts).
 * Exit 0 when nothing changes, 1 when a decision or the accepted inputs do, 2 on errors.
 */
export function registerDiff(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description('exact semantic diff: every input whose decision changes, as readable regions with examples')
    .argument('[old]', 'the old policy file or policy set')
    .argument('[new]', 'the new policy file or policy set')
    .option('--git <rev>', 'compare PATH (the one argument) with its version at git revision REV')
    .option('--format <format>', 'text, markdown (a pull-request comment) or json', parseFormat, 'text' as DiffFormat)
    .option('--clauses', 'also report inputs whose deciding clause or exemption changes while action and basis stay')
    .option('--max-regions <n>', 'show at most N regions (text and markdown; json has all)', parseCount)
    .action((first: string | undefined, second: string | undefined, options: DiffOptions) => {
      let before: Side;
      let after: Side;
      if (options.git !== undefined) {
        if (first === undefined || second !== undefined) throw new UsageError('with --git, give exactly one PATH: `bylaw diff --git REV PATH`');
        before = loadAtRevision(ctx, options.git, first);
        after = loadSide(ctx, first, diskHost, first);
      } else {
        if (first === undefined || second === undefined) throw new UsageError('give two policies (`bylaw diff OLD NEW`) or `--git REV PATH`');
        before = loadSide(ctx, first, diskHost, first);
        after = loadSide(ctx, second, diskHost, second);
      }
      if (!before.policy || !after.policy) {
        ctx.exit(EXIT.usage);
        return;
      }
      // Two files are two policies, each one undated version; folders are policy sets, dated.
      const both = before.isFile && after.isFile;
      const old = both ? undated(before.policy) : before.policy;
      const now = both ? undated(after.policy) : after.policy;
      let diff;
      try {
        diff = semanticDiff(old, now, { clauses: options.clauses === true });
      } catch (error) {
        if (error instanceof BudgetExceeded) throw new UsageError(`the policies are too large to diff exactly (${error.message})`);
        throw error;
      }
      const words = options.git !== undefined ? ['--git', options.git, first] : [first, second!];
      const jsonCommand = ['bylaw', 'diff', ...words.map(shellWord), ...(options.clauses ? ['--clauses'] : []), '--format', 'json'].join(' ');
      ctx.out(renderDiff(diff, { before: before.label, after: after.label }, options.format, { maxRegions: options.maxRegions, jsonCommand }));
      if (hasChanges(diff)) ctx.exit(EXIT.failed);
    });
}

interface Side {
  readonly policy: PolicySet | null;
  readonly label: string;
  readonly isFile: boolean;
}

function loadSide(ctx: CommandContext, path: string, host: SourceHost, label: string, isFile?: boolean): Side {
  if (host === diskHost && !existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
  const loaded = loadPolicy(path, { host });
  if (!loaded.policy) {
    printDiagnostics(ctx, loaded.diagnostics, loaded.sources);
    ctx.err(`error: ${label} has errors; fix them first`);
  }
  return { policy: loaded.policy, label, isFile: isFile ?? statSync(path).isFile() };
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * PATH as it was at REV: every file of the repository is read from REV (`git ls-tree`,
 * `git show`), so `use` finds sibling modules as they were; the bundled stdlib and anything
 * outside the repository come from the disk.
 */
function loadAtRevision(ctx: CommandContext, rev: string, path: string): Side {
  const absolute = resolve(path);
  const probe = existsSync(absolute) ? (statSync(absolute).isDirectory() ? absolute : dirname(absolute)) : nearestExisting(absolute);
  let top: string;
  try {
    top = realpathSync(git(probe, ['rev-parse', '--show-toplevel']).trim());
  } catch {
    throw new UsageError(`${path} is not inside a git repository`);
  }
  let commit: string;
  try {
    commit = git(top, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).trim();
  } catch {
    throw new UsageError(`unknown git revision \`${rev}\``);
  }
  const real = existsSync(absolute) ? realpathSync(absolute) : resolve(realpathSync(probe), relative(probe, absolute));
  const rel = relative(top, real).split(sep).join('/');
  if (rel.startsWith('..')) throw new UsageError(`${path} is outside the repository at ${top}`);
  const files = new Set(git(top, ['ls-tree', '-r', '--name-only', '-z', commit]).split('\0').filter((f) => f !== ''));
  const folders = new Set<string>(['']);
  for (const f of files) for (let i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) folders.add(f.slice(0, i));
  const isFile = files.has(rel);
  if (!isFile && !folders.has(rel)) throw new UsageError(`${path} does not exist at ${rev}`);

  const stdlib = realpathSync(bundledStdlib());
  const cache = new Map<string, string | null>();
  /** The path inside the repository, or null for the disk (outside it, or the bundled stdlib). */
  const inRepo = (p: string): string | null => {
    const abs = resolve(p);
    const full = existsSync(abs) ? realpathSync(abs) : abs;
    if (full === stdlib || full.startsWith(stdlib + sep)) return null;
    const r = relative(top, full);
    if (r.startsWith('..')) return null;
    return r.split(sep).join('/');
  };
  const host: SourceHost = {
    readFile(p) {
      const r = inRepo(p);
      if (r === null) return diskHost.readFile(p);
      if (!files.has(r)) return null;
      if (!cache.has(r)) {
        try {
          cache.set(r, git(top, ['show', `${commit}:${r}`]));
        } catch {
          cache.set(r, null);
        }
      }
      return cache.get(r)!;
    },
    isFile(p) {
      const r = inRepo(p);
      return r === null ? diskHost.isFile(p) : files.has(r);
    },
    isDirectory(p) {
      const r = inRepo(p);
      return r === null ? diskHost.isDirectory(p) : folders.has(r);
    },
    list(p) {
      const r = inRepo(p);
      if (r === null) return diskHost.list(p);
      const prefix = r === '' ? '' : `${r}/`;
      const names = new Set<string>();
      for (const f of [...files, ...folders]) {
        if (f === r || !f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        if (rest !== '' && !rest.includes('/')) names.add(rest);
      }
      return [...names].sort();
    },
  };
  return loadSide(ctx, path, host, `${rev}:${path}`, isFile);
}

function nearestExisting(p: string): string {
  let dir = dirname(p);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
