/**
 * The playground, built once (vite) and driven in headless Chromium (Debian's package, through
 * playwright-core). The bundle checks need no browser; the page checks are skipped, saying so,
 * when no Chromium is installed (`.ci/run` installs it, so CI always runs them).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideUnknown, factsFromInput, noticeOfReasons, type Deployment } from '../../src/browser.js';
import { loadPolicy } from '../../src/load-policy.js';
import { expectOutcomesShown, outcomesOfCli, shownOutcomes, type CliOutcomes } from './outcomes.js';
import { ARTIFACTS, bylaw, CHROMIUM, DIST, hasChromium, launchChromium, PLAYGROUND, REPO, serveStatic, type LaunchedBrowser, type StaticServer } from './support.js';

if (!hasChromium) {
  console.warn(`\n  SKIPPED: the playground's browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set BYLAW_CHROMIUM)\n`);
}

const BUDGET_GZIP_BYTES = 400 * 1024;
const measurements: Record<string, unknown> = {};

/** Every module id that went into a chunk, the page's and the worker's. */
const moduleIds: string[] = [];
const recordModules = (): Plugin => ({
  name: 'record-module-graph',
  generateBundle(_options, bundle) {
    for (const output of Object.values(bundle)) if (output.type === 'chunk') moduleIds.push(...Object.keys(output.modules));
  },
});

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await build({
    configFile: join(PLAYGROUND, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: [recordModules()],
    worker: { plugins: () => [recordModules()] },
  });
}, 300_000);

afterAll(() => {
  writeFileSync(join(ARTIFACTS, 'measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
});

describe('the built playground', () => {
  it('holds no Node built-in: neither the page nor its worker', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const isBuiltin = (id: string) => {
      const bare = id.replace(/^\0/, '');
      return builtins.has(bare) || bare.startsWith('node:') || bare.includes('browser-external');
    };
    expect(moduleIds.some((id) => id.includes('/src/checker/'))).toBe(true);
    expect(moduleIds.some((id) => id.includes('@codemirror/view'))).toBe(true);
    expect(moduleIds.filter(isBuiltin)).toEqual([]);
    // Nothing of the CLI, the disk host, DuckDB or the language server either.
    expect(moduleIds.filter((id) => /\/src\/(cli|lsp|sql)\/|\/src\/modules\/(host|load)\.ts|duckdb|commander/.test(id))).toEqual([]);
  });

  it(`its JavaScript is at most ${BUDGET_GZIP_BYTES / 1024} KB gzipped, with relative URLs only`, () => {
    const assets = readdirSync(join(DIST, 'assets'));
    const sizes = Object.fromEntries(
      assets.filter((f) => f.endsWith('.js')).map((f) => {
        const bytes = readFileSync(join(DIST, 'assets', f));
        return [f.replace(/-[\w-]{8}\.js$/, '.js'), { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }];
      }),
    );
    const total = Object.values(sizes).reduce((sum, s) => sum + s.gzip, 0);
    measurements.javascript = { files: sizes, totalGzipBytes: total };
    expect(Object.keys(sizes).sort()).toEqual(['index.js', 'worker.js']);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    expect(html).toMatch(/src="\.\/assets\/index-/);
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
  });
});


interface Shown {
  action: string;
  basis: string;
  facts: Record<string, string>;
  because: string[];
}

describe.skipIf(!hasChromium)('the playground in Chromium', () => {
  let server: StaticServer;
  let chromium: LaunchedBrowser;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let requestsAfterLoad = 0;

  const watch = (p: Page) => {
    p.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  const shot = (name: string, p: Page = page) => p.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const shown = (p: Page = page): Promise<Shown> =>
    p.evaluate(() => {
      const text = (s: string) => document.querySelector(s)?.textContent?.trim() ?? '';
      const facts: Record<string, string> = {};
      for (const dt of document.querySelectorAll('#decision-body dl.facts dt')) facts[dt.textContent!] = dt.nextElementSibling!.textContent!.trim();
      return {
        action: text('#decision-action'),
        basis: text('#decision-body .basis'),
        facts,
        because: [...document.querySelectorAll('#decision-body .because li')].map((li) => li.textContent!),
      };
    });
  const inputJson = () => page.inputValue('#json');
  /** What `bylaw decide` says about the page's current input, in the page's words. */
  const cliDecision = async () => {
    const run = bylaw(['decide', 'twitter', '--json'], await inputJson());
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as { action: string; basis: string; clause: string | null; exemption: string | null; version: string; because: string[] };
  };
  const expectShownToBe = async (d: Awaited<ReturnType<typeof cliDecision>>) => {
    const s = await shown();
    expect(s.action).toBe(d.action);
    expect(s.basis).toBe(`(${d.basis})`);
    expect(s.facts.clause).toEqual(d.clause ? expect.stringMatching(new RegExp(` ${d.clause}$`)) : 'none (the default)');
    expect(s.facts.exemption).toBe(d.exemption ? `exemption ${d.exemption}` : undefined);
    expect(s.facts.version).toMatch(new RegExp(`^${d.version} `));
    expect(s.because).toEqual(d.because);
  };
  const waitForDecision = (p: Page = page) => p.waitForSelector('#decision-body .decision', { state: 'attached', timeout: 30_000 });
  const cliOutcomes = async (set: string) => outcomesOfCli(set, await inputJson());
  const expectOutcomesShownToBe = (d: CliOutcomes) => expectOutcomesShown(page, d);
  /** Chooses an example set and waits for its decision: the version shown is one of the set's files. */
  const chooseExample = async (name: string) => {
    await page.selectOption('#example', name);
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('#decision-body dl.facts dd')].some((dd) => dd.textContent?.includes(` — ${n}/`)),
      name,
      { timeout: 30_000 },
    );
  };

  beforeAll(async () => {
    server = await serveStatic(DIST);
    chromium = await launchChromium();
    browser = chromium.browser;
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(page);
    await page.goto(server.url);
    await waitForDecision();
    measurements.firstDecisionMs = await page.evaluate(() => performance.getEntriesByName('bylaw:first-decision')[0]?.startTime);
    requestsAfterLoad = server.requests.length;
    await shot('1-loaded');
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('opens on the Twitter set with the decision of its first case, as `bylaw decide` decides it; every set is offered', async () => {
    expect(await page.inputValue('#example')).toBe('twitter');
    expect(await page.locator('#example option').allTextContents()).toEqual(['meta', 'twitter', 'youtube']);
    const cases = JSON.parse(readFileSync(join(REPO, 'test', 'golden', 'twitter.cases.json'), 'utf8')) as { cases: { input: unknown }[] };
    expect(JSON.parse(await inputJson())).toEqual(cases.cases[0]!.input);
    await expectShownToBe(await cliDecision());
    expect(typeof measurements.firstDecisionMs).toBe('number');
  });

  it('the Meta set shows both outcomes of its default input as `bylaw decide` decides them', async () => {
    await chooseExample('meta');
    expect(await page.locator('#file-tabs [role=tab]').allTextContents()).toEqual([
      ...readdirSync(join(REPO, 'policies', 'meta')).filter((f) => f.endsWith('.policy')).sort(),
      'moderation.policy (stdlib, read-only)',
    ]);
    expect(await page.locator('#problem-count').textContent()).toBe('none');
    const cases = JSON.parse(readFileSync(join(REPO, 'test', 'golden', 'meta.cases.json'), 'utf8')) as { cases: { input: unknown }[] };
    expect(JSON.parse(await inputJson())).toEqual(cases.cases[0]!.input);
    const decision = await cliOutcomes('meta');
    expect(Object.keys(decision.outcomes)).toEqual(['content', 'account']);
    await expectOutcomesShownToBe(decision);
    // The explanation as the CLI prints it, and every clause it traces.
    const explain = bylaw(['decide', 'meta', '--explain'], await inputJson());
    expect(await page.locator('#explain-text').textContent()).toBe(explain.stdout.replace(/\n$/, ''));
    const traced = JSON.parse(bylaw(['decide', 'meta', '--explain', '--format', 'json'], await inputJson()).stdout) as { clauses: { name: string; fired: boolean; quantifiers?: unknown[] }[] };
    expect(await page.$$eval('#decision-body .trace > li', (items) => items.map((li) => ({ name: li.getAttribute('data-clause'), fired: li.classList.contains('fired') })))).toEqual(
      traced.clauses.map((c) => ({ name: c.name, fired: c.fired })),
    );
    expect(await page.locator('#decision-body .trace .quantifiers li').count()).toBe(traced.clauses.reduce((n, c) => n + (c.quantifiers?.length ?? 0), 0));
    await shot('1-meta');
  });

  it('shows the statement of reasons as `bylaw decide --statement-of-reasons` builds it, and the notice to the person', async () => {
    const input = await inputJson();
    const cli = bylaw(['decide', 'meta', '--statement-of-reasons'], input);
    expect(cli.stderr).toBe('');
    expect(await page.locator('#statement-json').textContent()).toBe(cli.stdout.replace(/\n$/, ''));
    // Its PUID is a SHA-256 of the input (src/runtime/statement-puid.ts, as in the CLI): the same as the CLI's.
    expect(JSON.parse(cli.stdout).puid).toMatch(/^meta-h-[0-9a-f]{64}$/);
    const set = loadPolicy(join(REPO, 'policies', 'meta')).policy!;
    const deployment = JSON.parse(readFileSync(join(REPO, 'policies', 'meta', 'deployment.json'), 'utf8')) as Deployment;
    const decision = decideUnknown(set, JSON.parse(input));
    if (!decision.ok) throw new Error('the default input does not decide');
    const notice = noticeOfReasons(set, decision.decision, factsFromInput(JSON.parse(input), set.dateField, deployment), deployment)!;
    expect(await page.locator('#notice-text').textContent()).toBe(notice.text);
    expect(await page.locator('#statement summary').first().textContent()).toBe(`notice: ${notice.subject}`);
  });

  it('a strike added to the list in the form reaches the decision: the account is restricted for a day', async () => {
    expect(await shownOutcomes(page).then((o) => o.find((p) => p.name === 'account')?.action)).toBe('warning');
    await page.getByRole('button', { name: 'add to strikes' }).click();
    await page.fill('#in-author-strikes-0-date', '2022-10-01');
    await page.fill('#in-author-strikes-0-content_posted', '2022-09-30');
    await page.waitForFunction(() => document.getElementById('decision-action-account')?.textContent === 'restrict', null, { timeout: 30_000 });
    const input = JSON.parse(await inputJson()) as { author: { strikes: unknown[] } };
    expect(input.author.strikes).toEqual([{ date: '2022-10-01', content_posted: '2022-09-30', severe: false }]);
    const decision = await cliOutcomes('meta');
    expect(decision.outcomes.account).toMatchObject({ action: 'restrict', duration: 'P1D', clause: 'second_strike' });
    await expectOutcomesShownToBe(decision);
    expect(await page.locator('section.part[data-outcome="account"] .duration').textContent()).toBe('for 1 day P1D');
    await shot('1-meta-strike');
    // Removing the row takes the strike away again.
    await page.getByRole('button', { name: 'remove strikes[0]' }).click();
    await page.waitForFunction(() => document.getElementById('decision-action-account')?.textContent === 'warning', null, { timeout: 30_000 });
    expect(JSON.parse(await inputJson()).author.strikes).toEqual([]);
  });

  it('highlights Bylaw 2: `outcome`, `list<…>`, `statement` and the words that are keywords only in one', async () => {
    /** The `tok-*` classes of each token of the first editor line holding `text`. */
    const tokens = (text: string) =>
      page.locator('.cm-line', { hasText: text }).first().evaluate((line) =>
        Object.fromEntries([...line.querySelectorAll('span')].map((span) => [span.textContent, [...span.classList].filter((c) => c.startsWith('tok-')).join(' ')])),
      );
    await page.locator('#file-tabs [role=tab]', { hasText: 'rules.policy' }).first().click();
    expect(await tokens('outcome account: Account')).toMatchObject({ outcome: 'tok-keyword', account: 'tok-variableName tok-definition' });
    await page.locator('.cm-line', { hasText: 'strikes: list<Strike>' }).first().scrollIntoViewIfNeeded();
    expect(await tokens('strikes: list<Strike>')).toMatchObject({ list: 'tok-typeName' });
    await page.locator('#file-tabs [role=tab]', { hasText: 'statements.policy' }).click();
    expect(await tokens('statement content {')).toMatchObject({ statement: 'tok-keyword' });
    expect(await tokens('allow: no restriction')).toMatchObject({ no: 'tok-keyword', restriction: 'tok-keyword' });
    expect(await tokens('DECISION_ACCOUNT_SUSPENDED')).toMatchObject({ DECISION_ACCOUNT_SUSPENDED: 'tok-atom' });
    // Coloured as keywords are: the style sheet, not only the class.
    const colours = await page.locator('.cm-line', { hasText: 'statement content {' }).first().evaluate((line) => {
      const colour = (text: string) => [...line.querySelectorAll('span')].find((s) => s.textContent === text)!;
      return { statement: getComputedStyle(colour('statement')).color, content: getComputedStyle(colour('content')).color };
    });
    expect(colours.statement).toBe('rgb(122, 31, 162)');
    expect(colours.content).not.toBe(colours.statement);
    await shot('1-meta-statements');
  });

  it.each(['youtube', 'meta'])('the %s set checks, decides its first case as `bylaw decide` and diffs its last two versions as `bylaw diff`', async (name) => {
    await chooseExample(name);
    expect(await page.locator('#problem-count').textContent()).toBe('none');
    const cases = JSON.parse(readFileSync(join(REPO, 'test', 'golden', `${name}.cases.json`), 'utf8')) as { cases: { input: unknown }[] };
    expect(JSON.parse(await inputJson())).toEqual(cases.cases[0]!.input);
    await expectOutcomesShownToBe(await cliOutcomes(name));
    // The statement of reasons, or the CLI's reason for none (YouTube's 2019 case predates the database).
    const statement = bylaw(['decide', name, '--statement-of-reasons'], await inputJson());
    const refused = /^error: no statement of reasons: (.*)\n {2}help: (.*)\n$/.exec(statement.stderr);
    if (refused) {
      expect(statement.code).toBe(2);
      expect(await page.locator('#statement p').allTextContents()).toEqual([`none: ${refused[1]}`, `help: ${refused[2]}`]);
    } else {
      expect(statement.stderr).toBe('');
      if (statement.stdout.trim() === 'null') expect(await page.locator('#statement').textContent()).toContain('nothing is restricted');
      else expect(await page.locator('#statement-json').textContent()).toBe(statement.stdout.replace(/\n$/, ''));
    }
    await page.locator('#view-tabs [role=tab]', { hasText: 'Diff' }).click();
    const versions = readdirSync(join(REPO, 'policies', name)).filter((f) => /^v\d/.test(f)).sort();
    const [before, after] = [await page.inputValue('#diff-before'), await page.inputValue('#diff-after')];
    expect([before, after]).toEqual(versions.slice(-2).map((f) => `${name}/${f}`));
    const cli = bylaw(['diff', before, after, '--format', 'markdown']);
    expect(cli.stderr).toBe('');
    await page.waitForFunction((md) => document.getElementById('diff-markdown')?.textContent === md, cli.stdout.replace(/\n$/, ''), { timeout: 60_000 });
    expect(await page.locator('#diff-output table').count()).toBeGreaterThan(0);
    await shot(`1-${name}-diff`);
    await page.locator('#view-tabs [role=tab]', { hasText: 'Decide' }).click();
  });

  it('shows the Twitter set and the decision for the default input, as `bylaw decide` decides it', async () => {
    await chooseExample('twitter');
    expect(await page.locator('#file-tabs [role=tab]').allTextContents()).toEqual([
      ...readdirSync(join(REPO, 'policies', 'twitter')).filter((f) => f.endsWith('.policy')).sort(),
      'moderation.policy (stdlib, read-only)',
    ]);
    expect(await page.locator('#problem-count').textContent()).toBe('none');
    const cases = JSON.parse(readFileSync(join(REPO, 'test', 'golden', 'twitter.cases.json'), 'utf8')) as { cases: { input: unknown }[] };
    expect(JSON.parse(await inputJson())).toEqual(cases.cases[0]!.input);
    const decision = await cliDecision();
    await expectShownToBe(decision);
    // It restricts nothing: no statement of reasons (the CLI prints null).
    expect(bylaw(['decide', 'twitter', '--statement-of-reasons'], await inputJson()).stdout).toBe('null\n');
    expect(await page.locator('#statement p').textContent()).toBe('nothing is restricted: no statement of reasons and no notice');
  });

  it('the explanation lists every clause `bylaw decide --explain` lists, each linked to its source line', async () => {
    const run = bylaw(['decide', 'twitter', '--explain', '--json'], await inputJson());
    const explanation = JSON.parse(run.stdout) as { clauses: { name: string; kind: string; fired: boolean; at: { file: string; line: number } }[] };
    const listed = await page.$$eval('#decision-body .trace > li', (items) =>
      items.map((li) => ({ name: li.getAttribute('data-clause'), fired: li.classList.contains('fired'), where: li.querySelector('.where')!.getAttribute('title') })),
    );
    expect(listed).toEqual(explanation.clauses.map((c) => ({ name: c.name, fired: c.fired, where: expect.stringContaining(`go to ${c.at.file}:${c.at.line}:`) })));
    // Following a clause's link opens its file at its line.
    const fired = explanation.clauses.find((c) => c.fired)!;
    await page.locator(`#decision-body .trace > li[data-clause="${fired.name}"] .where`).click();
    expect(await page.locator('#file-tabs [aria-selected=true]').textContent()).toBe(fired.at.file.split('/').pop());
    expect(await page.locator('.cm-lineNumbers .cm-activeLineGutter').textContent()).toBe(String(fired.at.line));
    await page.locator(`#decision-body .trace > li[data-clause="${fired.name}"] summary`).click();
    await shot('2-explanation');
  });

  it('a typo (`world_leeder`) shows BL204 and its help at its line as you type; fixing it clears it', async () => {
    await page.locator('#file-tabs [role=tab]', { hasText: 'v3_world_leaders.policy' }).click();
    const line = page.locator('.cm-line', { hasText: 'post.author.role == world_leader' });
    await line.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'ader'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Delete');
    const typed = await page.evaluate(() => performance.now());
    await page.keyboard.type('e');
    const problem = page.locator('#problem-list .problem[data-code="BL204"]');
    await problem.waitFor({ timeout: 30_000 });
    measurements.typoToDiagnosticMs = (await page.evaluate(() => performance.now())) - typed;
    const text = await problem.textContent();
    expect(text).toContain('error[BL204]');
    expect(text).toContain('`world_leeder` is not a member of `Role`');
    expect(text).toContain('help: did you mean `world_leader`?');
    expect(text).toContain('twitter/v3_world_leaders.policy:42:23');
    // Underlined in the editor, on that line; the tab is flagged; no decision while the set has errors.
    const underlined = page.locator('.cm-lintRange-error');
    expect(await underlined.textContent()).toBe('world_leeder');
    expect(await page.locator('.cm-line', { has: underlined }).textContent()).toBe('  post.author.role == world_leeder');
    expect(await page.locator('#file-tabs [aria-selected=true]').getAttribute('data-flag')).toBe('error');
    await page.locator('#decision-body .problems').waitFor();
    await shot('3-typo');

    // The panel jumps to the place.
    await page.locator('#file-tabs [role=tab]', { hasText: 'rules.policy' }).first().click();
    await problem.click();
    expect(await page.locator('#file-tabs [aria-selected=true]').textContent()).toBe('v3_world_leaders.policy');
    expect(await page.locator('.cm-lineNumbers .cm-activeLineGutter').textContent()).toBe('42');

    await page.keyboard.press('End');
    for (let i = 0; i < 'eder'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Delete');
    await page.keyboard.type('a');
    await page.waitForFunction(() => document.getElementById('problem-count')?.textContent === 'none', null, { timeout: 30_000 });
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    await waitForDecision();
    await expectShownToBe(await cliDecision());
    await shot('4-fixed');
  });

  it('changing the form changes the decision, and the JSON view with it', async () => {
    const before = await shown();
    await page.selectOption('#in-target', 'individual');
    await page.waitForFunction((action) => document.getElementById('decision-action')?.textContent !== action, before.action, { timeout: 30_000 });
    expect(JSON.parse(await inputJson()).target).toBe('individual');
    await expectShownToBe(await cliDecision());
    // And the other way: the JSON view drives the form.
    const edited = { ...JSON.parse(await inputJson()), public_interest: false };
    await page.fill('#json', JSON.stringify(edited, null, 2));
    await page.waitForFunction(() => !(document.getElementById('in-public_interest') as HTMLInputElement).checked);
    await expectShownToBe(await cliDecision());
    await shot('5-form-changed');
  });

  it('the Diff tab shows the v2 → v3 regions as `bylaw diff --format markdown` prints them', async () => {
    await page.locator('#view-tabs [role=tab]', { hasText: 'Diff' }).click();
    expect(await page.inputValue('#diff-before')).toBe('twitter/v2_public_interest_notice.policy');
    expect(await page.inputValue('#diff-after')).toBe('twitter/v3_world_leaders.policy');
    await page.waitForSelector('#diff-output table', { timeout: 60_000 });
    const cli = bylaw(['diff', 'twitter/v2_public_interest_notice.policy', 'twitter/v3_world_leaders.policy', '--format', 'markdown']);
    expect(cli.code).toBe(1);
    expect(await page.locator('#diff-markdown').textContent()).toBe(cli.stdout.replace(/\n$/, ''));
    const regions = Number(/\*\*(\d+) regions change decision/.exec(cli.stdout)![1]);
    expect(regions).toBeGreaterThan(0);
    expect(await page.locator('#diff-output').textContent()).toContain(`${regions} regions change decision`);
    // Every table of the Markdown rendered, row for row; the examples fold into <details>.
    const tables = cli.stdout.split(/\n\s*\n/).filter((block) => block.startsWith('| ')).map((block) => block.split('\n').length - 2);
    expect(tables.length).toBeGreaterThan(0);
    expect(await page.$$eval('#diff-output table', (rendered) => rendered.map((t) => t.querySelectorAll('tbody tr').length))).toEqual(tables);
    const examples = cli.stdout.split('\n').filter((line) => line.startsWith('| ') && line.includes('<details>')).length;
    expect(examples).toBeGreaterThan(0);
    expect(await page.locator('#diff-output table details summary').count()).toBe(examples);
    // The example as loaded against the edited text: the typo is fixed, so nothing changes.
    await page.locator('input[name="diff-mode"][value="original"]').check();
    expect(await page.isDisabled('#diff-before')).toBe(true);
    const same = bylaw(['diff', 'twitter', 'twitter', '--format', 'markdown']);
    expect(same.code).toBe(0);
    await page.waitForFunction((md) => document.getElementById('diff-markdown')?.textContent === md, same.stdout.replace(/\n$/, ''), { timeout: 30_000 });
    await page.locator('input[name="diff-mode"][value="versions"]').check();
    await page.waitForSelector('#diff-output table', { timeout: 60_000 });
    await shot('6-diff');
  });

  it('the Compiled tab shows the module `bylaw compile --target ts` writes', async () => {
    await page.locator('#view-tabs [role=tab]', { hasText: 'Compiled' }).click();
    await page.waitForFunction(() => (document.getElementById('compiled')?.textContent ?? '').includes('export function decide'));
    const out = join(ARTIFACTS, 'compiled');
    expect(bylaw(['compile', 'twitter', '-o', out, '--target', 'ts']).code).toBe(0);
    expect(await page.locator('#compiled').textContent()).toBe(readFileSync(join(out, 'index.ts'), 'utf8'));
    await shot('7-compiled');
  });

  it('the result tabs and file tabs work from the keyboard', async () => {
    await page.locator('#view-tabs [aria-selected=true]').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('#view-tabs [aria-selected=true]').textContent()).toBe('Diff');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Diff');
    await page.keyboard.press('Home');
    expect(await page.locator('#view-tabs [aria-selected=true]').textContent()).toBe('Decide & explain');
    expect(await page.isVisible('#view-decide')).toBe(true);
    expect(await page.getAttribute('#view-panel', 'aria-labelledby')).toBe(await page.locator('#view-tabs [aria-selected=true]').getAttribute('id'));
    // Every control has a name.
    const unnamed = await page.$$eval('input:not([type=hidden]), select, textarea, button', (controls) =>
      controls.filter((c) => !(c as HTMLElement).hidden && !(c.getAttribute('aria-label') || (c as HTMLInputElement).labels?.length || c.textContent?.trim())).map((c) => c.outerHTML),
    );
    expect(unnamed).toEqual([]);
  });

  it('formats the open file on demand, as `bylaw fmt` lays it out', async () => {
    const path = 'twitter/leaders_not_blocked.policy';
    await page.locator('#file-tabs [role=tab]', { hasText: 'leaders_not_blocked.policy' }).click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\n\n');
    await page.locator('#format').click();
    await page.waitForFunction((p) => document.getElementById('status')?.textContent === `formatted ${p}`, path, { timeout: 30_000 });
    const lines = await page.locator('.cm-line').allTextContents();
    expect(lines.join('\n')).toBe(readFileSync(join(REPO, 'policies', path), 'utf8'));
    await page.locator('#format').click();
    await page.waitForFunction((p) => document.getElementById('status')?.textContent === `${p} is already formatted`, path, { timeout: 30_000 });
  });

  it('asks the network for nothing after the page has loaded', () => {
    expect(server.requests.slice(requestsAfterLoad)).toEqual([]);
    expect(server.requests.slice(0, requestsAfterLoad).filter((r) => !r.startsWith('/assets/') && r !== '/')).toEqual([]);
  });

  it('a share link opened in a fresh page restores the same state', async () => {
    // Some state worth sharing: an edited file, a changed input, the Diff tab.
    await page.locator('#file-tabs [role=tab]', { hasText: 'rules.policy' }).first().click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('// shared from the playground\n');
    expect(await page.locator('.cm-line').first().textContent()).toBe('// shared from the playground');
    await page.selectOption('#in-author-role', 'candidate');
    await page.locator('#view-tabs [role=tab]', { hasText: 'Diff' }).click();
    await page.waitForFunction(() => document.getElementById('problem-count')?.textContent === 'none');
    await page.locator('#share').click();
    const link = await page.inputValue('#share-link');
    expect(link.startsWith(server.url)).toBe(true);
    const decision = await shown();
    const json = await inputJson();

    const fresh = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    watch(fresh);
    await fresh.goto(link);
    await waitForDecision(fresh);
    expect(await fresh.locator('#file-tabs [aria-selected=true]').textContent()).toBe('rules.policy');
    expect(await fresh.locator('.cm-line').first().textContent()).toBe('// shared from the playground');
    expect(await fresh.locator('#view-tabs [aria-selected=true]').textContent()).toBe('Diff');
    expect(await fresh.inputValue('#json')).toBe(json);
    expect(await fresh.inputValue('#in-author-role')).toBe('candidate');
    expect(await shown(fresh)).toEqual(decision);
    // The whole state: sharing again from the fresh page gives the same link.
    await fresh.locator('#share').click();
    expect(await fresh.inputValue('#share-link')).toBe(link);
    await shot('8-shared', fresh);
    await fresh.close();
  });

  it('lays out on a phone screen in one column, nothing wider than the screen', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    watch(phone);
    await phone.goto(server.url);
    await waitForDecision(phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot('9-phone', phone);
    await phone.close();
  });

  it('logs no console error and throws no page error', () => {
    expect(problems).toEqual([]);
  });
});
