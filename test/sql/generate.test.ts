/**
 * The SQL text: byte-identical per run, quoted and escaped per dialect, parsed by a Spark and a
 * Trino grammar (dt-sql-parser: ANTLR grammars of Spark SQL and Trino; we cannot run those
 * engines here), and the runnable bits of escaping checked in DuckDB.
 */
// The two grammars alone: the package's index loads all eight (seconds per run).
import { SparkSQL } from 'dt-sql-parser/dist/parser/spark/index.js';
import { TrinoSQL } from 'dt-sql-parser/dist/parser/trino/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicySet } from '../../src/checker/program.js';
import { generateSql, createTableSql, decisionColumns, DECISION_COLUMNS, DIALECTS } from '../../src/compiler/sql/index.js';
import { jsonLinesQuery } from '../../src/replay/duckdb/json-lines.js';
import { loadPolicy } from '../../src/load-policy.js';
import { evaluate } from '../../src/interpreter/evaluate.js';
import type { Decision } from '../../src/semantics/decision.js';
import { DuckDbRunner } from '../../src/replay/duckdb/runner.js';
import { compilePolicy } from '../support/policies.js';
import { decideInDuckDb, expectSameDecisions } from './support/duckdb.js';

function load(path: string): PolicySet {
  const loaded = loadPolicy(path);
  if (!loaded.policy) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.policy;
}

const twitter = load('policies/twitter');
const names = load('test/compiler/fixtures/names.policy');

describe('text', () => {
  it('an unknown dialect (from plain JavaScript) is refused with the dialects there are', () => {
    expect(() => generateSql(twitter, { dialect: 'oracle' as 'duckdb' })).toThrow(new RangeError('unknown SQL dialect "oracle": use duckdb, spark, trino'));
  });

  it('is byte-identical on every run, for every dialect and policy', () => {
    for (const dialect of DIALECTS) {
      for (const set of [twitter, names]) {
        const first = generateSql(set, { dialect });
        expect(generateSql(load(set.root), { dialect })).toBe(first);
      }
    }
  });

  it('creates `<table>_decisions` in the table schema, or is a bare SELECT', () => {
    expect(generateSql(twitter, { table: 'lake.moderation.posts' })).toMatch(/^CREATE OR REPLACE VIEW "lake"\."moderation"\."posts_decisions" AS\nSELECT\n/);
    expect(generateSql(twitter, { dialect: 'spark', table: 'db.posts', view: 'out' })).toMatch(/^CREATE OR REPLACE VIEW `out` AS\n/);
    expect(generateSql(twitter, { statement: 'select' })).toMatch(/^SELECT\n/);
    expect(() => generateSql(twitter, { table: 'a..b' })).toThrow(/invalid table/);
  });

  it('uses each dialect’s list function and quoting', () => {
    const duck = generateSql(twitter, { dialect: 'duckdb' });
    const spark = generateSql(twitter, { dialect: 'spark' });
    const trino = generateSql(twitter, { dialect: 'trino' });
    expect(duck).toContain('list_transform("bylaw_input"."categories"');
    expect(generateSql(twitter, { dialect: 'duckdb', portable: true })).toContain(`list_contains("bylaw_input"."categories", 'terrorism')`);
    expect(spark).toContain("array_contains(`bylaw_input`.`categories`, 'terrorism')");
    expect(trino).toContain(`contains("bylaw_input"."categories", 'terrorism')`);
    expect(spark).not.toContain('"bylaw_input"');
  });

  it('puts no comments in the output (so no policy text can end up in one)', () => {
    for (const dialect of DIALECTS) {
      const sql = generateSql(twitter, { dialect });
      expect(sql).not.toMatch(/--|\/\*/);
    }
  });

  it('escapes names and strings: identifiers quoted and doubled, strings doubled (Spark: backslash escapes)', () => {
    expect(generateSql(names, { dialect: 'duckdb', table: 'my"posts' })).toContain('FROM "my""posts" AS "bylaw_input"');
    expect(generateSql(names, { dialect: 'spark', table: 'my`posts' })).toContain('FROM `my``posts` AS `bylaw_input`');
    const version = names.versions[0]!.version;
    expect(version).toContain("'");
    const standard = `'${version.replaceAll("'", "''")}'`;
    expect(generateSql(names, { dialect: 'trino' })).toContain(standard);
    expect(generateSql(names, { dialect: 'spark' })).toContain(`'${version.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`);
  });

  it('gives each type its SQL type', () => {
    expect(createTableSql(twitter)).toContain(
      '"author" STRUCT("handle" VARCHAR, "role" VARCHAR, "verified" BOOLEAN, "followers" BIGINT, "strikes" BIGINT)',
    );
    expect(createTableSql(twitter, { dialect: 'spark' })).toContain('`categories` ARRAY<STRING>');
    expect(createTableSql(twitter, { dialect: 'trino' })).toContain('"date" DATE');
  });
});

describe('a set without declared outcomes (Bylaw 1) keeps its text byte for byte', () => {
  // The files were written by the generator before sets could declare outcomes.
  it('the Twitter view in every dialect and shape, and the JSON-lines reader', async () => {
    for (const dialect of DIALECTS) await expect(generateSql(twitter, { dialect })).toMatchFileSnapshot(`__snapshots__/twitter.${dialect}.sql`);
    await expect(generateSql(twitter, { portable: true })).toMatchFileSnapshot('__snapshots__/twitter.portable.sql');
    await expect(jsonLinesQuery({ path: 'x.jsonl', set: twitter, stripId: true }).sql).toMatchFileSnapshot('__snapshots__/twitter.json-lines.sql');
    expect(decisionColumns(twitter)).toEqual([...DECISION_COLUMNS]);
  });
});

describe('sets that declare outcomes', () => {
  const meta = load('policies/meta');
  const youtube = load('policies/youtube');

  it('add each outcome’s columns, then version and error', () => {
    expect(decisionColumns(meta)).toEqual([
      ...['action', 'duration', 'basis', 'clause', 'exemption'].map((f) => `content_${f}`),
      ...['action', 'duration', 'basis', 'clause', 'exemption'].map((f) => `account_${f}`),
      'version',
      'error',
    ]);
    for (const dialect of DIALECTS) {
      const sql = generateSql(meta, { dialect });
      const quote = (c: string) => (dialect === 'spark' ? `\`${c}\`` : `"${c}"`);
      for (const c of decisionColumns(meta)) expect(sql, `${dialect} ${c}`).toContain(`AS ${quote(c)}`);
      expect(sql).not.toMatch(/--|\/\*/);
    }
  });

  it('is byte-identical on every run', () => {
    for (const dialect of DIALECTS) {
      for (const set of [meta, youtube]) expect(generateSql(load(set.root), { dialect })).toBe(generateSql(set, { dialect }));
    }
  });

  it('quantifiers use each dialect’s list filter and lambdas; lists of records are lists of structs', () => {
    expect(generateSql(youtube)).toContain('len(list_filter("bylaw_input"."channel"."strikes", lambda "$bylaw_e1": ');
    expect(generateSql(youtube, { dialect: 'spark' })).toContain('size(filter(`bylaw_input`.`channel`.`strikes`, `$bylaw_e1` -> ');
    expect(generateSql(youtube, { dialect: 'trino' })).toContain('cardinality(filter("bylaw_input"."channel"."strikes", "$bylaw_e1" -> ');
    expect(createTableSql(youtube)).toContain('"channel" STRUCT("warnings" STRUCT("date" DATE, "policy" VARCHAR, "training_completed" DATE)[], "strikes" STRUCT("date" DATE, "policy" VARCHAR)[])');
    expect(createTableSql(youtube, { dialect: 'spark' })).toContain('`strikes`: ARRAY<STRUCT<`date`: DATE, `policy`: STRING>>');
    expect(createTableSql(youtube, { dialect: 'trino' })).toContain('"strikes" ARRAY(ROW("date" DATE, "policy" VARCHAR))');
  });

  it('a nested quantifier reads the element it is nested in', () => {
    // YouTube 2023: a strike for the warning's own policy, inside the warning's window.
    expect(generateSql(youtube)).toMatch(/lambda "\$bylaw_e3": \(\("\$bylaw_e3"\."policy" = "\$bylaw_e2"\."policy"\)/);
  });
});

describe('Spark and Trino: generated and parsed (not executed)', () => {
  const spark = new SparkSQL();
  const trino = new TrinoSQL();
  // Bylaw 2: one of each construct (the grammars are slow on the whole YouTube or Meta view).
  const sets = [twitter, names, load('test/compiler/fixtures/versions'), load('test/sql/fixtures/constructs.policy')];
  it('parse as Spark SQL', { timeout: 300_000 }, () => {
    for (const set of sets) {
      expect(spark.validate(generateSql(set, { dialect: 'spark', table: 'db.posts' })), set.name).toEqual([]);
      expect(spark.validate(createTableSql(set, { dialect: 'spark' })), set.name).toEqual([]);
    }
  });
  it('parse as Trino SQL', { timeout: 300_000 }, () => {
    for (const set of sets) {
      // The Trino grammar takes one statement without the trailing semicolon.
      expect(trino.validate(generateSql(set, { dialect: 'trino', table: 'hive.db.posts' }).replace(/;\n$/, '')), set.name).toEqual([]);
      expect(trino.validate(createTableSql(set, { dialect: 'trino' }).replace(/;\n$/, '')), set.name).toEqual([]);
    }
  });
  it('the parsers do check: broken SQL and other dialects’ syntax are rejected', () => {
    expect(spark.validate('SELECT (a FROM t').length).toBeGreaterThan(0);
    expect(trino.validate('SELECT (a FROM t').length).toBeGreaterThan(0);
    // DuckDB-only syntax (the lambda, list literals, `* EXCLUDE`) is rejected by both. (The Trino
    // grammar is lenient elsewhere: it accepts Spark's backtick identifiers.)
    for (const duckdbOnly of ['SELECT list_transform(x, lambda e: e + 1) FROM t', "SELECT ['a', 'b'][1] FROM t", 'SELECT * EXCLUDE (a) FROM t']) {
      expect(spark.validate(duckdbOnly).length, duckdbOnly).toBeGreaterThan(0);
      expect(trino.validate(duckdbOnly).length, duckdbOnly).toBeGreaterThan(0);
    }
  });
});

describe('escaped strings compare right in DuckDB', () => {
  let runner: DuckDbRunner;
  beforeAll(async () => {
    runner = await DuckDbRunner.open();
  });
  afterAll(() => runner.close());

  it('a handle with quotes, backslashes and newlines', async () => {
    const odd = `it's "odd" \\ back\\slash\nnew line -- not a comment /* nor this */`;
    const set = compilePolicy(`rule odd when post.author.handle == ${JSON.stringify(odd)} then remove\n`);
    const post = (handle: string) => ({
      date: '2020-01-01',
      author: { handle, role: 'ordinary', verified: false, followers: 0, strikes: 0 },
      target: 'none',
      categories: [],
      topic: 'none',
      public_interest: false,
      offline_harm_risk: 'none',
    });
    const inputs = [post(odd), post(odd.replace('\\', '')), post('')];
    expect(generateSql(set)).toContain(`'it''s "odd" \\ back\\slash' || chr(10) || 'new line -- not a comment /* nor this */'`);
    for (const portable of [false, true]) {
      const rows = await decideInDuckDb(runner, set, inputs, { portable });
      expect(rows.map((r) => r.action)).toEqual(['remove', 'allow', 'allow']);
      expectSameDecisions(set, inputs, rows);
    }
  });

  it('a NUL in a policy string: DuckDB takes it as chr(0) and compares it exactly; Spark and Trino refuse it', async () => {
    const set = compilePolicy('rule nul when post.author.handle == "a\\0b" then remove\n');
    const sql = generateSql(set, { table: 'nul_posts' });
    expect(sql).toContain(`('a' || chr(0) || 'b')`);
    for (const dialect of ['spark', 'trino'] as const) expect(() => generateSql(set, { dialect })).toThrow(/a NUL character .* cannot be written as Spark or Trino SQL/);
    // Handles with a NUL in the table itself (JSON lines keep `\u0000` escaped; see json-lines.ts).
    const handles = ['a\u0000b', 'a\u0000c', 'a', 'ab', 'a\u0000b\u0000'];
    await runner.run(createTableSql(set, { table: 'nul_posts' }));
    const handle = (h: string) => h.split('\u0000').map((part) => `'${part}'`).join(' || chr(0) || ');
    await runner.run(
      `INSERT INTO nul_posts SELECT DATE '2020-01-01', {'handle': h, 'role': 'ordinary', 'verified': false, 'followers': 0, 'strikes': 0}, 'none', [], 'none', false, 'none' FROM (VALUES ${handles.map((h, i) => `(${i}, ${handle(h)})`).join(', ')}) t(i, h) ORDER BY i`,
    );
    await runner.run(sql);
    const rows = await runner.query('SELECT author.handle AS handle, action FROM nul_posts_decisions');
    const expected = handles.map((h) => (evaluate(set, { date: '2020-01-01', author: { handle: h, role: 'ordinary', verified: false, followers: 0, strikes: 0 }, target: 'none', categories: [], topic: 'none', public_interest: false, offline_harm_risk: 'none' }) as Decision).action);
    expect(rows.map((r) => [r['handle'], r['action']])).toEqual(handles.map((h, i) => [h, expected[i]]));
    expect(expected).toEqual(['remove', 'allow', 'allow', 'allow', 'allow']);
  });
});
