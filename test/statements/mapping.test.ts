import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/diagnostics/messages.js';
import { checkMapping, mappingIssues, type ExportMapping, type PolicyShape } from '../../src/statements/mapping.js';
import { META_MAPPING, META_SHAPE, YOUTUBE_MAPPING, YOUTUBE_SHAPE } from './fixtures/platforms.js';

const kinds = (mapping: ExportMapping, shape: PolicyShape = META_SHAPE) => checkMapping(mapping, shape).map((p) => `${p.severity} ${p.kind} ${p.path}`);
const withAccount = (actions: Record<string, unknown>): ExportMapping =>
  ({ ...META_MAPPING, outcomes: { ...META_MAPPING.outcomes, account: { ...META_MAPPING.outcomes.account, ...actions } } }) as ExportMapping;

describe('checkMapping', () => {
  it('the platform mappings are complete', () => {
    expect(checkMapping(META_MAPPING, META_SHAPE)).toEqual([]);
    expect(checkMapping(YOUTUBE_MAPPING, YOUTUBE_SHAPE)).toEqual([]);
  });

  it('an action with no mapping', () => {
    const { suspend: _, ...account } = META_MAPPING.outcomes.account!;
    const problems = checkMapping({ ...META_MAPPING, outcomes: { ...META_MAPPING.outcomes, account } }, META_SHAPE);
    expect(problems).toEqual([
      {
        kind: 'unmapped-action',
        severity: 'error',
        path: 'outcomes.account.suspend',
        message: 'action `suspend` of outcome `account` has no mapping',
        help: 'say what `suspend` becomes in a statement (e.g. `decision_visibility` `DECISION_VISIBILITY_CONTENT_REMOVED`), or map it to no restriction',
      },
    ]);
  });

  it('an outcome or action the policy does not have, with a suggestion', () => {
    const problems = checkMapping({ ...META_MAPPING, outcomes: { ...META_MAPPING.outcomes, acount: {} } }, META_SHAPE);
    expect(problems.map((p) => [p.kind, p.help])).toEqual([['unknown-outcome', 'did you mean `account`?']]);
    const actions = checkMapping(withAccount({ suspnd: { targets: [] } }), META_SHAPE);
    expect(actions.map((p) => [p.kind, p.path, p.help])).toEqual([['unknown-action', 'outcomes.account.suspnd', 'did you mean `suspend`?']]);
  });

  it('an unknown enumeration key, a key of another field, a removed category', () => {
    expect(kinds(withAccount({ suspend: { targets: [{ field: 'decision_account', value: 'DECISION_ACCOUNT_SUSPEND' }] } }))).toEqual([
      'error unknown-key outcomes.account.suspend.targets.0.value',
    ]);
    const wrongField = checkMapping(withAccount({ suspend: { targets: [{ field: 'decision_account', value: 'DECISION_PROVISION_TOTAL_SUSPENSION' }] } }), META_SHAPE);
    expect(wrongField[0]!.help).toBe('it is a key of `decision_provision`: write that field');
    expect(kinds(withAccount({ suspend: { targets: [{ field: 'decision_accounts', value: 'DECISION_ACCOUNT_SUSPENDED' }] } }))).toEqual([
      'error unknown-field outcomes.account.suspend.targets.0.field',
    ]);
    const removed = { ...META_MAPPING, clauses: { ...META_MAPPING.clauses, violation: { category: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE', ground: { kind: 'terms', reference: 'x' } } } };
    expect(kinds(removed as ExportMapping)).toEqual(['error unknown-key clauses.violation.category']);
    const keyword = { ...META_MAPPING, clauses: { ...META_MAPPING.clauses, violation: { ...META_MAPPING.clauses.violation!, keywords: ['KEYWORD_DANGEROUS_TOYS'] } } };
    expect(kinds(keyword as ExportMapping)).toEqual(['error unknown-key clauses.violation.keywords.0']);
  });

  it('two outcomes writing one single-valued field', () => {
    const both = {
      ...META_MAPPING,
      outcomes: { ...META_MAPPING.outcomes, content: { ...META_MAPPING.outcomes.content, remove: { targets: [{ field: 'decision_account', value: 'DECISION_ACCOUNT_SUSPENDED' }] } } },
    } as ExportMapping;
    const problems = checkMapping(both, META_SHAPE);
    expect(problems.map((p) => [p.kind, p.message])).toEqual([['field-written-twice', 'outcomes `content` and `account` can both write `decision_account`']]);
  });

  it('two outcomes may both write decision_visibility (a list)', () => {
    const both = withAccount({ suspend: { targets: [{ field: 'decision_visibility', value: 'DECISION_VISIBILITY_CONTENT_DISABLED' }] } });
    expect(checkMapping(both, META_SHAPE)).toEqual([]);
  });

  it('an …_OTHER key without its text, and a text the database would drop', () => {
    expect(kinds(withAccount({ suspend: { targets: [{ field: 'decision_monetary', value: 'DECISION_MONETARY_OTHER' }] } }))).toEqual([
      'error missing-other-text outcomes.account.suspend.targets.0.other',
    ]);
    expect(kinds(withAccount({ suspend: { targets: [{ field: 'decision_account', value: 'DECISION_ACCOUNT_SUSPENDED', other: 'x' }] } }))).toEqual([
      'warning other-text-unused outcomes.account.suspend.targets.0.other',
    ]);
  });

  it('a fixed duration that is not one, or that the action\'s own duration overrides', () => {
    expect(kinds(withAccount({ feature_limit: { targets: [{ field: 'decision_provision', value: 'DECISION_PROVISION_PARTIAL_SUSPENSION' }], duration: '3 days' } }))).toEqual([
      'error invalid-duration outcomes.account.feature_limit.duration',
    ]);
    expect(kinds(withAccount({ restrict: { targets: [{ field: 'decision_provision', value: 'DECISION_PROVISION_PARTIAL_SUSPENSION' }], duration: 'P3D' } }))).toEqual([
      'warning duration-ignored outcomes.account.restrict.duration',
    ]);
  });

  it('a clause that can restrict without a category and ground; a mapping for a clause that does not exist', () => {
    const { civil_unrest_protocol: _, ...clauses } = META_MAPPING.clauses;
    expect(kinds({ ...META_MAPPING, clauses })).toEqual(['error unmapped-clause clauses.civil_unrest_protocol']);
    const typo = checkMapping({ ...META_MAPPING, clauses: { ...META_MAPPING.clauses, violaton: META_MAPPING.clauses.violation! } }, META_SHAPE);
    expect(typo.map((p) => [p.kind, p.help])).toEqual([['unknown-clause', 'did you mean `violation`?']]);
  });

  it('names that Object.prototype has (`constructor`, `toString`) are looked up as own entries of the mapping only', () => {
    // Renamed: the clause civil_unrest_protocol becomes `constructor`, the version 2019-09-24 `toString`.
    const shape: PolicyShape = {
      ...META_SHAPE,
      clauses: META_SHAPE.clauses.map((c) => (c.name === 'civil_unrest_protocol' ? { ...c, name: 'constructor' } : c)),
      versions: META_SHAPE.versions.map((v, i) => (i === 0 ? 'toString' : v)),
    };
    const { civil_unrest_protocol: _, ...clauses } = META_MAPPING.clauses;
    const { [META_SHAPE.versions[0]!]: __, ...versions } = META_MAPPING.versions;
    expect(kinds({ ...META_MAPPING, clauses, versions }, shape)).toEqual(['error unmapped-clause clauses.constructor', 'warning missing-version-url versions.toString']);
  });

  it('a rule whose own action restricts nothing needs no ground, unless an exemption gives a restriction instead', () => {
    // one_time_warning names only `warning` (no restriction); no exemption from it restricts the channel.
    expect(YOUTUBE_MAPPING.clauses.one_time_warning).toBeUndefined();
    const shape: PolicyShape = {
      ...YOUTUBE_SHAPE,
      clauses: YOUTUBE_SHAPE.clauses.map((c) => (c.kind === 'exemption' ? { ...c, actions: { ...c.actions, channel: 'strike' } } : c)),
    };
    expect(kinds(YOUTUBE_MAPPING, shape)).toEqual(['error unmapped-clause clauses.one_time_warning']);
  });

  it('because texts that cannot fit the explanation, and combinations that may not', () => {
    const long = (n: number) => 'x'.repeat(n);
    const shape = (a: number, b: number): PolicyShape => ({
      ...META_SHAPE,
      clauses: META_SHAPE.clauses.map((c) => (c.name === 'violation' ? { ...c, because: [long(a)] } : c.name === 'strike_ladder' ? { ...c, because: [long(b)] } : c)),
    });
    expect(kinds(META_MAPPING, shape(2001, 10))).toEqual(['error because-too-long clauses.violation']);
    expect(kinds(META_MAPPING, shape(1500, 1500))).toEqual(['warning explanation-may-overflow clauses']);
    expect(kinds(META_MAPPING, shape(1000, 999))).toEqual([]);
  });

  it('versions: a missing URL, an invalid one, one for a version the policy lacks', () => {
    const { '2021-06-04': _, ...versions } = META_MAPPING.versions;
    expect(kinds({ ...META_MAPPING, versions })).toEqual(['warning missing-version-url versions.2021-06-04']);
    expect(kinds({ ...META_MAPPING, versions: { ...META_MAPPING.versions, '2023-02-23': { url: 'transparency.meta.com' } } })).toEqual([
      'error invalid-url versions.2023-02-23.url',
    ]);
    expect(kinds({ ...META_MAPPING, versions: { ...META_MAPPING.versions, '2024-01-01': { url: 'https://example.com' } } })).toEqual([
      'warning unknown-version versions.2024-01-01',
    ]);
  });

  it('a default action that restricts needs a default ground', () => {
    const shape: PolicyShape = { ...META_SHAPE, outcomes: META_SHAPE.outcomes.map((o) => (o.name === 'content' ? { ...o, default: 'warning_screen' } : o)) };
    expect(kinds(META_MAPPING, shape)).toEqual(['error default-restricts outcomes.content.warning_screen']);
    expect(kinds({ ...META_MAPPING, default: META_MAPPING.clauses.violation }, shape)).toEqual([]);
  });

  it('grounds: KEYWORD_OTHER needs its text, a reference must be given and fit', () => {
    const clause = (patch: object) => ({ ...META_MAPPING, clauses: { ...META_MAPPING.clauses, violation: { ...META_MAPPING.clauses.violation!, ...patch } } }) as ExportMapping;
    expect(kinds(clause({ keywords: ['KEYWORD_OTHER'] }))).toEqual(['error missing-other-text clauses.violation.keywordOther']);
    expect(kinds(clause({ ground: { kind: 'terms', reference: ' ' } }))).toEqual(['error invalid-ground clauses.violation.ground.reference']);
    expect(kinds(clause({ ground: { kind: 'contract', reference: 'x' } }))).toEqual(['error invalid-ground clauses.violation.ground']);
    expect(kinds(clause({ ground: { kind: 'law', reference: 'x'.repeat(401) } }))).toEqual(['error text-too-long clauses.violation.ground.reference']);
  });

  it('each problem is data, a code and its parts, worded by that code\'s constructor in the model\'s terms', () => {
    const { suspend: _, ...account } = META_MAPPING.outcomes.account!;
    const mapping = { ...META_MAPPING, outcomes: { ...META_MAPPING.outcomes, account }, clauses: { ...META_MAPPING.clauses, violaton: META_MAPPING.clauses.violation! } };
    const issues = mappingIssues(mapping, META_SHAPE);
    expect(issues.map((i) => (i.code === null ? null : [i.code, i.args]))).toEqual([
      ['BL501', { kind: 'action', outcome: 'account', action: 'suspend' }],
      ['BL555', { kind: 'clause', name: 'violaton', clauses: new Set(META_SHAPE.clauses.filter((c) => c.kind !== 'exemption').map((c) => c.name)) }],
    ]);
    const problems = checkMapping(mapping, META_SHAPE);
    expect(problems.map((p) => [p.message, p.help])).toEqual([
      [MESSAGES.BL501({ kind: 'action', outcome: 'account', action: 'suspend' }, 'model').message, MESSAGES.BL501({ kind: 'action', outcome: 'account', action: 'suspend' }, 'model').help],
      ['the mapping names `violaton`, which is not a red line or rule of the policy', 'did you mean `violation`?'],
    ]);
    // What no `statement` declaration can write has no code: it is worded with the problem.
    const notAList = mappingIssues(withAccount({ suspend: { targets: 'DECISION_ACCOUNT_SUSPENDED' } }), META_SHAPE);
    expect(notAList).toEqual([
      { kind: 'invalid-mapping', severity: 'error', path: 'outcomes.account.suspend.targets', code: null, message: '`targets` is "DECISION_ACCOUNT_SUSPENDED", not a list', help: 'give a list of restrictions, empty for none' },
    ]);
  });

  it('every message follows the diagnostics style: lowercase, no trailing period', () => {
    const { suspend: _, ...account } = META_MAPPING.outcomes.account!;
    const problems = checkMapping({ outcomes: { content: {}, account }, clauses: {}, versions: {} }, META_SHAPE);
    expect(problems.length).toBeGreaterThan(5);
    for (const p of problems) expect(p.message).toMatch(/^[a-z`].*[^.]$/);
  });
});

/** META_MAPPING with the value at `keys` set to `value` (`undefined`: deleted). */
function patched(keys: readonly string[], value: unknown): unknown {
  const copy = structuredClone(META_MAPPING) as unknown as Record<string, unknown>;
  let at = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  if (value === undefined) delete at[keys[keys.length - 1]!];
  else at[keys[keys.length - 1]!] = value;
  return copy;
}

/** Every path of `value`'s objects and lists, as keys (the root: []). */
function pathsOf(value: unknown, keys: readonly string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [[...keys]];
  return [[...keys], ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...keys, k]))];
}

const HOSTILE = [null, [], 5, 'x', true, {}, undefined, [null], { targets: 'x' }];

describe('checkMapping given a value not shaped as an ExportMapping', () => {
  const problems = (mapping: unknown) => checkMapping(mapping, META_SHAPE).map((p) => [p.kind, p.path, p.message]);

  it('a value that is not an object is one problem, at the root', () => {
    for (const [value, shown] of [[null, 'null'], [[], 'an array'], [5, '5'], ['x', '"x"'], [true, 'true'], [undefined, 'undefined']] as const) {
      const found = checkMapping(value, META_SHAPE);
      expect(found).toEqual([
        { kind: 'invalid-mapping', severity: 'error', path: '', message: `the mapping is ${shown}, not an object`, help: 'give an object with `outcomes`, `clauses` and `versions` (docs/statements-of-reasons.md)' },
      ]);
    }
  });

  it('missing and mistyped top-level fields', () => {
    expect(problems({})).toEqual([
      ['invalid-mapping', 'outcomes', '`outcomes` is missing'],
      ['invalid-mapping', 'clauses', '`clauses` is missing'],
      ['invalid-mapping', 'versions', '`versions` is missing'],
    ]);
    expect(problems({ outcomes: [], clauses: null, versions: 'v1', default: 7 })).toEqual([
      ['invalid-mapping', 'outcomes', '`outcomes` is an array, not an object'],
      ['invalid-mapping', 'clauses', '`clauses` is null, not an object'],
      ['invalid-mapping', 'default', '`default` is 7, not an object'],
      ['invalid-mapping', 'versions', '`versions` is "v1", not an object'],
    ]);
  });

  it('nested fields of the wrong type, each at its path, and nothing else reported', () => {
    const cases: [readonly string[], unknown, string, string][] = [
      [['outcomes', 'account'], null, 'outcomes.account', 'outcome `account` is null, not an object'],
      [['outcomes', 'account', 'suspend'], 5, 'outcomes.account.suspend', 'action `suspend` of outcome `account` is 5, not an object'],
      [['outcomes', 'account', 'suspend', 'targets'], undefined, 'outcomes.account.suspend.targets', '`targets` is missing'],
      [['outcomes', 'account', 'suspend', 'targets', '0'], null, 'outcomes.account.suspend.targets.0', 'the target is null, not an object'],
      // A hole in a sparse list.
      [['outcomes', 'account', 'suspend', 'targets', '0'], undefined, 'outcomes.account.suspend.targets.0', 'the target is missing'],
      [['outcomes', 'account', 'suspend', 'targets', '0', 'field'], 5, 'outcomes.account.suspend.targets.0.field', '`field` is 5, not a string'],
      [['outcomes', 'account', 'suspend', 'targets', '0', 'value'], undefined, 'outcomes.account.suspend.targets.0.value', '`value` is missing'],
      [['outcomes', 'content', 'remove', 'targets', '0', 'other'], 3, 'outcomes.content.remove.targets.0.other', '`other` is 3, not a string'],
      [['outcomes', 'account', 'suspend', 'targets', '0', 'permanent'], 'yes', 'outcomes.account.suspend.targets.0.permanent', '`permanent` is "yes", not `true` or `false`'],
      [['outcomes', 'account', 'suspend', 'duration'], 3, 'outcomes.account.suspend.duration', '`duration` is 3, not a string'],
      [['outcomes', 'content', 'warning_screen', 'notice'], [], 'outcomes.content.warning_screen.notice', '`notice` is an array, not a string'],
      [['clauses', 'violation'], null, 'clauses.violation', 'clause `violation` is null, not an object'],
      [['clauses', 'violation', 'category'], undefined, 'clauses.violation.category', '`category` is missing'],
      [['clauses', 'violation', 'keywords'], 'KEYWORD_OTHER', 'clauses.violation.keywords', '`keywords` is "KEYWORD_OTHER", not a list'],
      [['clauses', 'violation', 'keywords'], ['KEYWORD_OTHER', 1], 'clauses.violation.keywords.1', 'the keyword is 1, not a string'],
      [['clauses', 'violation', 'keywordOther'], {}, 'clauses.violation.keywordOther', '`keywordOther` is an object, not a string'],
      [['clauses', 'violation', 'ground', 'illegal'], 'no', 'clauses.violation.ground.illegal', '`illegal` is "no", not `true` or `false`'],
      [['versions', '2021-06-04'], null, 'versions.2021-06-04', 'version `2021-06-04` is null, not an object'],
      [['versions', '2021-06-04', 'url'], 5, 'versions.2021-06-04.url', '`url` is 5, not a string'],
      [['default'], null, 'default', '`default` is null, not an object'],
      [['default'], { category: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', keywords: {} , ground: { kind: 'terms', reference: 'x' } }, 'default.keywords', '`keywords` is an object, not a list'],
    ];
    for (const [keys, value, path, message] of cases) expect(problems(patched(keys, value))).toEqual([['invalid-mapping', path, message]]);
  });

  it('a ground of another form is worded by BL510 in the model\'s terms', () => {
    const ground = (value: unknown) => problems(patched(['clauses', 'violation', 'ground'], value));
    for (const value of [undefined, null, 'terms', ['terms'], { kind: 5, reference: 'x' }]) {
      expect(ground(value)).toEqual([['invalid-ground', 'clauses.violation.ground', MESSAGES.BL510({ kind: 'basis' }, 'model').message]]);
    }
    for (const reference of [undefined, 5, null]) {
      expect(ground({ kind: 'terms', reference })).toEqual([['invalid-ground', 'clauses.violation.ground.reference', 'the ground names no reference']]);
    }
  });

  it('any hostile value anywhere in a mapping gives problems in the diagnostics style, never an exception', () => {
    const paths = pathsOf(META_MAPPING);
    expect(paths.length).toBeGreaterThan(50);
    for (const keys of paths) {
      for (const value of HOSTILE) {
        const found = checkMapping(keys.length === 0 ? value : patched(keys, value), META_SHAPE);
        for (const p of found) {
          expect(p.message).toMatch(/^[a-z`].*[^.]$/);
          expect(p.help).not.toBe('');
        }
      }
    }
  });
});
