/**
 * The input form for Bylaw 2 inputs: lists as rows to add and remove, optional fields with a
 * "present" box. The value functions run here; the form itself runs in headless Chromium, bundled
 * on its own (no page build), skipped, saying so, when no Chromium is installed.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideUnknown, loadFromMemory, type RecordType } from '../../src/browser.js';
import { loadPolicy } from '../../src/load-policy.js';
import { fill, put, structure } from '../src/form.js';
import { CHROMIUM, hasChromium, launchChromium, PLAYGROUND, REPO, type LaunchedBrowser } from './support.js';

/** The input type of a set's latest version, as the worker hands it to the form. */
function inputTypeOf(set: string): RecordType {
  const policy = loadPolicy(join(REPO, 'policies', set)).policy;
  if (!policy) throw new Error(`policies/${set} does not check`);
  return policy.versions[policy.versions.length - 1]!.inputType;
}

const youtube = inputTypeOf('youtube');
const meta = inputTypeOf('meta');

/** A version whose input holds lists of scalars (the example sets have lists of records only). */
const SCALARS = `policy demo
version "1"
effective 2024-01-01

scale Action { allow < remove }

enum Tag { news, satire, spam }

record Post {
  date: date,
  tags: list<Tag>,
  scores: list<int(0..10)>,
}

input post: Post

default allow

rule spammy
  when count(t in post.tags where t == spam) >= 2
  then remove
`;
const scalars = (() => {
  const loaded = loadFromMemory('demo.policy', new Map([['demo.policy', SCALARS]]));
  if (!loaded.policy) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
  return { set: loaded.policy, type: loaded.policy.versions[0]!.inputType };
})();

describe('the form’s values', () => {
  it('fills required fields, leaves optional ones absent, starts lists empty and fills the records in them', () => {
    const filled = fill(youtube, { channel: { strikes: [{ policy: 'harassment' }] } }) as Record<string, unknown>;
    expect(filled).not.toHaveProperty('edsa');
    expect(filled.kind).toBe('video');
    expect(filled.channel).toEqual({ warnings: [], strikes: [{ policy: 'harassment', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }] });
    // An optional field given stays; null stays null (the checker reads it as absent).
    expect(fill(youtube, { edsa: 'artistic' })).toHaveProperty('edsa', 'artistic');
    expect(fill(meta, { newsworthiness: null })).toHaveProperty('newsworthiness', null);
    // An optional record given is filled like any other.
    expect((fill(meta, { newsworthiness: {} }) as { newsworthiness: unknown }).newsworthiness).toEqual({ public_interest: 'none', risk_of_harm: 'none' });
  });

  it('keeps anything that is not what the type says, for the checker to report', () => {
    expect(fill(youtube, { channel: { strikes: 'none' }, extra: 1 })).toMatchObject({ channel: { strikes: 'none', warnings: [] }, extra: 1 });
  });

  it('puts values into lists by index and removes a field given undefined', () => {
    expect(put({ a: [{ x: 1 }, { x: 2 }] }, ['a', 1, 'x'], 3)).toEqual({ a: [{ x: 1 }, { x: 3 }] });
    expect(put({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
    expect(put({}, ['l', 0], 'x')).toEqual({ l: ['x'] });
  });

  it('describes the lists’ lengths, so that the form is rebuilt exactly when a row comes or goes', () => {
    const one = structure(youtube, { channel: { warnings: [], strikes: [{}] } });
    expect(structure(youtube, { channel: { warnings: [], strikes: [{ date: '2020-01-01' }] } })).toBe(one);
    expect(structure(youtube, { channel: { warnings: [], strikes: [{}, {}] } })).not.toBe(one);
    expect(structure(youtube, { channel: { warnings: 'garbage' } })).toBe(structure(youtube, {}));
    // A list of scalars: one element is a row more than none (it was not, and the row never showed).
    expect(structure(scalars.type, { tags: ['spam'] })).not.toBe(structure(scalars.type, { tags: [] }));
    expect(structure(scalars.type, { tags: ['spam'] })).toBe(structure(scalars.type, { tags: ['news'] }));
  });
});

if (!hasChromium) console.warn(`\n  SKIPPED: the input form in Chromium: no Chromium at ${CHROMIUM}\n`);

describe.skipIf(!hasChromium)('the form in Chromium', () => {
  let chromium: LaunchedBrowser;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  /** The JSON view's value. */
  const json = async () => JSON.parse(await page.inputValue('#json')) as Record<string, any>;

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [join(PLAYGROUND, 'src', 'form.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'FormModule',
      write: false,
      logLevel: 'silent',
    });
    chromium = await launchChromium();
    browser = chromium.browser;
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<form id="form"></form><textarea id="json"></textarea><p id="json-error"></p>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  }, 120_000);

  afterAll(async () => {
    await chromium?.close();
  });

  /** A fresh form for `type`, with `value`; changes are counted in `window.changes`. */
  const show = (type: RecordType, name: string, value: unknown) =>
    page.evaluate(
      ([t, n, v]) => {
        const w = window as unknown as { FormModule: { InputForm: new (...args: unknown[]) => { set(t: unknown, n: unknown, v: unknown): void } }; changes: number; form: unknown };
        w.changes = 0;
        const $ = (id: string) => document.getElementById(id)!;
        const form = new w.FormModule.InputForm($('form'), $('json'), $('json-error'), () => w.changes++);
        form.set(t, n, v);
        w.form = form;
      },
      [JSON.parse(JSON.stringify(type)), name, value] as const,
    );

  it('adds a row to a list of records, edits it, and removes it', async () => {
    await show(youtube, 'item', {});
    expect((await json()).channel.strikes).toEqual([]);
    await page.click('button[aria-label="add to strikes"]');
    expect(await page.locator('#in-channel-strikes-0-date').count()).toBe(1);
    expect((await json()).channel.strikes).toHaveLength(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('add to strikes');
    await page.selectOption('#in-channel-strikes-0-policy', 'hate_speech');
    await page.fill('#in-channel-strikes-0-date', '2024-02-29');
    expect((await json()).channel.strikes).toEqual([{ date: '2024-02-29', policy: 'hate_speech' }]);
    await page.click('button[aria-label="add to strikes"]');
    await page.click('button[aria-label="remove strikes[0]"]');
    const strikes = (await json()).channel.strikes as { policy: string }[];
    expect(strikes).toHaveLength(1);
    expect(strikes[0]!.policy).toBe('spam_deceptive');
    expect(await page.locator('#in-channel-strikes-1-date').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { changes: number }).changes)).toBeGreaterThanOrEqual(5);
  });

  it('makes an optional field present with a default, and absent again', async () => {
    await show(youtube, 'item', {});
    const box = page.locator('input[aria-label="edsa present"]');
    expect(await box.isChecked()).toBe(false);
    expect(await page.locator('#in-edsa').isHidden()).toBe(true);
    expect(await json()).not.toHaveProperty('edsa');
    await box.check();
    expect((await json()).edsa).toBe('educational');
    expect(await page.locator('#in-edsa').isVisible()).toBe(true);
    await page.selectOption('#in-edsa', 'artistic');
    expect((await json()).edsa).toBe('artistic');
    await box.uncheck();
    expect(await json()).not.toHaveProperty('edsa');
  });

  it('makes an optional record present with its fields filled, and an optional field inside a list row', async () => {
    await show(meta, 'piece', {});
    await page.check('input[aria-label="newsworthiness present"]');
    expect((await json()).newsworthiness).toEqual({ public_interest: 'none', risk_of_harm: 'none' });
    expect(await page.locator('#in-newsworthiness-public_interest').isVisible()).toBe(true);
    await show(youtube, 'item', {});
    await page.click('button[aria-label="add to warnings"]');
    await page.check('input[aria-label="channel.warnings[0].training_completed present"]');
    expect((await json()).channel.warnings[0].training_completed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('follows the JSON view: rows appear for a list typed there, a null optional shows absent', async () => {
    await show(youtube, 'item', {});
    const edited = { ...(await json()), edsa: null, channel: { warnings: [], strikes: [{ date: '2023-01-01', policy: 'spam_deceptive' }, { date: '2023-02-01', policy: 'harassment' }] } };
    await page.fill('#json', JSON.stringify(edited));
    expect(await page.inputValue('#in-channel-strikes-1-date')).toBe('2023-02-01');
    expect(await page.inputValue('#in-channel-strikes-1-policy')).toBe('harassment');
    expect(await page.locator('input[aria-label="edsa present"]').isChecked()).toBe(false);
  });

  it('adds and removes elements of lists of scalars (an enum, a bounded int), and the decision reads them', async () => {
    await show(scalars.type, 'post', { date: '2024-02-01' });
    expect((await json()).tags).toEqual([]);
    await page.click('button[aria-label="add to tags"]');
    expect(await page.locator('#in-tags-0').count()).toBe(1);
    await page.click('button[aria-label="add to tags"]');
    expect(await page.locator('#in-tags-1').evaluate((s) => (s as HTMLSelectElement).options.length)).toBe(3);
    await page.selectOption('#in-tags-0', 'spam');
    expect((await json()).tags).toEqual(['spam', 'news']);
    expect(decideUnknown(scalars.set, await json())).toMatchObject({ ok: true, decision: { action: 'allow' } });
    await page.selectOption('#in-tags-1', 'spam');
    expect(decideUnknown(scalars.set, await json())).toMatchObject({ ok: true, decision: { action: 'remove', clause: 'spammy' } });
    await page.click('button[aria-label="add to scores"]');
    expect(await page.getAttribute('#in-scores-0', 'max')).toBe('10');
    await page.fill('#in-scores-0', '7');
    expect((await json()).scores).toEqual([7]);
    await page.click('button[aria-label="remove tags[0]"]');
    expect((await json()).tags).toEqual(['spam']);
    expect(await page.locator('#in-tags-1').count()).toBe(0);
    expect(decideUnknown(scalars.set, await json())).toMatchObject({ ok: true, decision: { action: 'allow' } });
  });

  it('raises no page error', () => {
    expect(errors).toEqual([]);
  });
});
