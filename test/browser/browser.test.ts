import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideUnknown, loadFromMemory, memoryHost } from '../../src/browser.js';
import { loadPolicy } from '../../src/load-policy.js';

const twitter = 'policies/twitter';
const files = new Map<string, string>([
  ...readdirSync(twitter).map((f): [string, string] => [`twitter/${f}`, readFileSync(join(twitter, f), 'utf8')]),
  ['stdlib/moderation.policy', readFileSync('stdlib/moderation.policy', 'utf8')],
]);
const cases = (JSON.parse(readFileSync('test/golden/twitter.cases.json', 'utf8')) as { cases: { id: string; input: unknown }[] }).cases;

describe('the toolchain over in-memory files (src/browser.ts)', () => {
  it('a memory host lists files and their folders, from the root of the tree', () => {
    const host = memoryHost(files);
    expect(host.list('/')).toEqual(['stdlib', 'twitter']);
    expect(host.list('twitter')).toContain('rules.policy');
    expect(host.isDirectory('twitter') && host.isDirectory('/stdlib')).toBe(true);
    expect(host.isFile('twitter/rules.policy') && !host.isFile('twitter')).toBe(true);
    expect(host.readFile('/twitter/../stdlib/moderation.policy')).toBe(files.get('stdlib/moderation.policy'));
    expect(host.readFile('twitter/nothing.policy')).toBeNull();
  });

  it('loads the Twitter set as the CLI does from the disk: same versions, same decision for every golden case', () => {
    const memory = loadFromMemory('twitter', files);
    const disk = loadPolicy(twitter);
    expect(memory.diagnostics).toEqual([]);
    expect(memory.policy!.versions.map((v) => [v.version, v.file])).toEqual(disk.policy!.versions.map((v) => [v.version, v.file.replace('policies/', '')]));
    for (const c of cases) expect(decideUnknown(memory.policy!, c.input), c.id).toEqual(decideUnknown(disk.policy!, c.input));
  });

  it('reports a mistake at its place in the tree, with the stdlib found in the tree', () => {
    const broken = new Map(files);
    broken.set('twitter/v3_world_leaders.policy', files.get('twitter/v3_world_leaders.policy')!.replace('== world_leader\n', '== world_leeder\n'));
    const { policy, diagnostics } = loadFromMemory('twitter', broken);
    expect(policy).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.span.file, d.span.start.line, d.help])).toEqual([
      ['BL204', 'twitter/v3_world_leaders.policy', 42, 'did you mean `world_leader`?'],
    ]);
    expect(diagnostics[0]!.notes[0]!.span!.file).toBe('stdlib/moderation.policy');
  });

  it('a missing module is reported, not a crash', () => {
    const alone = new Map([...files].filter(([path]) => !path.startsWith('stdlib/')));
    const { policy, diagnostics } = loadFromMemory('twitter', alone);
    expect(policy).toBeNull();
    expect(diagnostics.map((d) => d.code)).toContain('BL101');
  });
});
