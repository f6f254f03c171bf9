/** The browser test's view of a decision with declared outcomes, and the CLI's, to compare them. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { bylaw } from './support.js';

export interface CliOutcome {
  action: string;
  duration?: string;
  basis: string;
  clause: string | null;
  exemption: string | null;
  because: string[];
}

export interface CliOutcomes {
  version: string;
  outcomes: Record<string, CliOutcome>;
}

/** Each outcome as the page shows it: action, duration (words and ISO), basis, clause, exemption, because. */
export const shownOutcomes = (p: Page) =>
  p.$$eval('#decision-body section.part', (sections) =>
    sections.map((section) => {
      const facts: Record<string, string> = {};
      for (const dt of section.querySelectorAll('dl.facts dt')) facts[dt.textContent!] = dt.nextElementSibling!.textContent!.trim();
      const duration = section.querySelector<HTMLElement>('.decision .duration');
      return {
        name: section.getAttribute('data-outcome'),
        action: section.querySelector('.decision .action')!.textContent,
        duration: duration ? { iso: duration.dataset.iso, text: duration.textContent } : null,
        basis: section.querySelector('.decision .basis')!.textContent,
        facts,
        because: [...section.querySelectorAll('.because li')].map((li) => li.textContent),
      };
    }),
  );

/** `bylaw decide SET --format json` on `input`: the version and each outcome. */
export function outcomesOfCli(set: string, input: string): CliOutcomes {
  const run = bylaw(['decide', set, '--format', 'json'], input);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as CliOutcomes;
}

/** The page shows every outcome `bylaw decide` gives, in its order, with the same parts, and the version once. */
export async function expectOutcomesShown(page: Page, d: CliOutcomes): Promise<void> {
  const shown = await shownOutcomes(page);
  expect(shown.map((o) => o.name)).toEqual(Object.keys(d.outcomes));
  for (const o of shown) {
    const want = d.outcomes[o.name!]!;
    expect(o.action).toBe(want.action);
    expect(o.duration?.iso).toBe(want.duration);
    if (want.duration) expect(o.duration!.text).toMatch(new RegExp(`^for \\d+ (hour|day|week|month|year)s? ${want.duration}$`));
    expect(o.basis).toBe(`(${want.basis})`);
    expect(o.facts.clause).toEqual(want.clause ? expect.stringMatching(new RegExp(` ${want.clause}$`)) : 'none (the default)');
    expect(o.facts.exemption).toBe(want.exemption ? `exemption ${want.exemption}` : undefined);
    expect(o.because).toEqual(want.because);
  }
  expect(await page.locator('#decision-body dl.facts.version dd').textContent()).toMatch(new RegExp(`^${d.version} `));
}
