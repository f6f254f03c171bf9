/**
 * The package as a user gets it: `npm pack`, installed into an empty project, used from there —
 * the CLI, the API under `tsc --strict` with nodenext resolution, the prettier plugin and the
 * grammar by its package path. dist/ is built once per run by the test setup (what `prepack`
 * does), so the tarball is packed with --ignore-scripts. npm installs the dependencies from its
 * cache where it can (--prefer-offline) and asks the registry for the rest.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docImports } from './doc-imports.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test', 'package', 'fixtures');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

let work: string;
let project: string;
let files: string[];

function run(command: string, args: readonly string[], options: { input?: string; cwd?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd: options.cwd ?? project, encoding: 'utf8', input: options.input, env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return result;
}

const bylaw = (...args: string[]) => run(process.execPath, [join(project, 'node_modules', 'bylaw', 'bin', 'bylaw.js'), ...args]);
const expectOk = (r: SpawnSyncReturns<string>) => expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bylaw-pack-'));
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT });
  expectOk(packed);
  const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
  files = info.files.map((f) => f.path);
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'empty', private: true, type: 'module' }));
  const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, info.filename)]);
  expectOk(installed);
  // The user's own files: the Twitter set, its golden cases, one post, a TypeScript program.
  cpSync(join(ROOT, 'policies', 'twitter'), join(project, 'policies', 'twitter'), { recursive: true });
  cpSync(join(ROOT, 'test', 'golden', 'twitter.cases.json'), join(project, 'cases', 'twitter.cases.json'));
  cpSync(join(FIXTURES, 'post.json'), join(project, 'post.json'));
  cpSync(join(FIXTURES, 'api.ts'), join(project, 'api.ts'));
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds what users need and nothing of the repository\'s tests, benchmarks, scripts or CI', () => {
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/bylaw.js', 'dist/bundle/main.js', 'dist/bundle/replay-worker.js', 'dist/index.js', 'dist/index.d.ts', 'dist/format/prettier-plugin.js', 'stdlib/moderation.policy', 'grammar/bylaw.tmLanguage.json']) {
      expect(files).toContain(needed);
    }
    const unwanted = files.filter((f) => /^(test|bench|scripts|src|editors|policies|\.ci|\.github|node_modules)\//.test(f) || f.endsWith('.map') || /\.test\./.test(f));
    expect(unwanted).toEqual([]);
  });
});

describe('the CLI, installed', () => {
  it('npx bylaw --version prints the package version', () => {
    const r = run('npx', ['--no-install', 'bylaw', '--version']);
    expectOk(r);
    expect(r.stdout.trim()).toBe(manifest.version);
  });

  it('check, test and verify the Twitter set', () => {
    const check = bylaw('check', 'policies/twitter');
    expectOk(check);
    expect(check.stderr).toContain('checked 1 policy: 0 errors, 0 warnings');
    const test = bylaw('test', 'policies/twitter', '--cases', 'cases/twitter.cases.json');
    expectOk(test);
    expect(test.stdout).toMatch(/^(\d+) passed, 0 failed$/m);
    const verify = bylaw('verify', 'policies', '--cases-dir', 'cases');
    expectOk(verify);
    expect(verify.stdout).toContain('compile: ok');
  });

  it('decide one post, from a file and from standard input', () => {
    const fromFile = bylaw('decide', 'policies/twitter', '--input', 'post.json', '--format', 'json');
    expectOk(fromFile);
    expect(JSON.parse(fromFile.stdout)).toMatchObject({ action: 'allow', basis: 'exemption', exemption: 'newsworthy' });
    const piped = run(process.execPath, [join(project, 'node_modules', '.bin', 'bylaw'), 'decide', 'policies/twitter'], { input: readFileSync(join(FIXTURES, 'post.json'), 'utf8') });
    expectOk(piped);
    expect(piped.stdout).toMatch(/^allow \(exemption\) by rule `violent_threat` via exemption `newsworthy`/);
  });

  it('compile to TypeScript, JavaScript (which runs) and SQL', async () => {
    expectOk(bylaw('compile', 'policies/twitter', '-o', 'out/ts'));
    expect(readFileSync(join(project, 'out/ts/index.ts'), 'utf8')).toContain('export function decide(');
    expectOk(bylaw('compile', 'policies/twitter', '-o', 'out/js', '--target', 'js'));
    const compiled = (await import(join(project, 'out/js/index.js'))) as { decide(input: unknown): { action: string } };
    expect(compiled.decide(JSON.parse(readFileSync(join(FIXTURES, 'post.json'), 'utf8'))).action).toBe('allow');
    expectOk(bylaw('compile', 'policies/twitter', '-o', 'out/sql', '--target', 'sql', '--dialect', 'trino'));
    expect(readFileSync(join(project, 'out/sql/posts_decisions.sql'), 'utf8')).toMatch(/^CREATE OR REPLACE VIEW/);
  });

  it('fmt, diff and replay; --engine duckdb without DuckDB installed says what to install (exit 2)', () => {
    expectOk(bylaw('fmt', '--check', 'policies/twitter'));
    const diff = bylaw('diff', 'policies/twitter/v1_newsworthiness.policy', 'policies/twitter/v3_world_leaders.policy', '--format', 'markdown');
    expect(diff.status, diff.stderr).toBe(1);
    expect(diff.stdout).toContain('Bylaw semantic diff');
    writeFileSync(join(project, 'posts.jsonl'), `${readFileSync(join(FIXTURES, 'post.json'), 'utf8').trim()}\n`);
    const replay = bylaw('replay', 'policies/twitter', '--input', 'posts.jsonl', '--jobs', '1');
    expectOk(replay);
    expect(replay.stdout).toContain('decided 1, bad lines 0');
    const duckdb = bylaw('replay', 'policies/twitter', '--input', 'posts.jsonl', '--engine', 'duckdb');
    expect(duckdb.status).toBe(2);
    expect(duckdb.stderr).toContain('help: install it next to bylaw: `npm install @duckdb/node-api@');
  });

  it('lsp answers initialize over stdio', async () => {
    const child = spawn(process.execPath, [join(project, 'node_modules', '.bin', 'bylaw'), 'lsp', '--stdio'], { cwd: project });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let out = '';
    const answer = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const at = out.indexOf('\r\n\r\n');
        const length = Number(/Content-Length: (\d+)/.exec(out)?.[1]);
        if (at >= 0 && Buffer.byteLength(out.slice(at + 4)) >= length) resolve(out.slice(at + 4));
      });
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`bylaw lsp exited with ${code}`)));
    });
    child.kill();
    expect(JSON.parse(answer)).toMatchObject({ id: 1, result: { serverInfo: { name: 'bylaw' } } });
  });
});

describe('the API, installed', () => {
  it('type-checks under tsc --strict with nodenext resolution, with every import the docs show, and runs', () => {
    // Each import statement of the docs in a module of its own (the same name may be imported twice).
    const shown = docImports(ROOT);
    mkdirSync(join(project, 'docs-imports'));
    shown.forEach((i, n) => writeFileSync(join(project, 'docs-imports', `${n}.ts`), `// ${i.at}\n${i.statement};\nexport {};\n`));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          strict: true,
          skipLibCheck: true,
          outDir: 'build',
          // @types/node, as a Node project has it.
          typeRoots: [join(ROOT, 'node_modules', '@types')],
          types: ['node'],
        },
        include: ['api.ts', 'docs-imports/*.ts'],
      }),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const program = run(process.execPath, ['build/api.js']);
    expect(program.stderr).toBe('');
    expect(program.stdout.trim().split('\n')).toEqual([
      'interpreter: allow (exemption)',
      'compiled: action allow',
      'explain: decision: allow (exemption) by rule `violent_threat` via exemption `newsworthy`',
      'ts: export function decide(',
      'sql: CREATE OR REPLACE VIEW "lake"."posts_decisions" AS',
      'from memory: 1 version, BL304 at bad.policy:3:9',
      'format: formatted, changed (bylaw)',
    ]);
  });
});

describe('prettier and the grammar, installed', () => {
  it('prettier --plugin bylaw/prettier --check passes the set and locates a syntax error without a stack trace', () => {
    const prettier = join(project, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
    expectOk(run(process.execPath, [prettier, '--plugin', 'bylaw/prettier', '--check', 'policies/twitter/*.policy']));
    writeFileSync(join(project, 'broken.policy'), 'use moderation\ninput post: Post\ndefault allow\nrule r when then remove\n');
    const broken = run(process.execPath, [prettier, '--plugin', 'bylaw/prettier', '--check', 'broken.policy']);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.policy: SyntaxError: BL002: .* \(4:13\)/);
    expect(broken.stderr).toMatch(/> 4 \| rule r when then remove/);
    expect(broken.stderr).not.toMatch(/^\[error\]\s+at /m);
  });

  it('the TextMate grammar and the stdlib resolve by package path', () => {
    const require = createRequire(join(project, 'index.js'));
    const grammar = JSON.parse(readFileSync(require.resolve('bylaw/grammar/bylaw.tmLanguage.json'), 'utf8')) as { scopeName: string };
    expect(grammar.scopeName).toBe('source.bylaw');
    expect(readFileSync(require.resolve('bylaw/stdlib/moderation.policy'), 'utf8')).toContain('scale');
  });
});
