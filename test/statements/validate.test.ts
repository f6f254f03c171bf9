import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorBody, validateBatch, validateStatement, type StatementProblem } from '../../src/statements/validate.js';

const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
/** The example statement of the database facts (the mapping example: remove + a 1-day restriction). */
const EXAMPLE = fixture('facts-example.json');

const rules = (problems: StatementProblem[]) => problems.map((p) => `${p.field} ${p.rule}`);
const database = (body: unknown) => validateStatement(body, { profile: 'database' });
const change = (patch: Record<string, unknown>, remove: string[] = []) => {
  const body: Record<string, unknown> = { ...EXAMPLE, ...patch };
  for (const key of remove) delete body[key];
  return body;
};

describe('the validator accepts the example payloads', () => {
  it('the facts example passes the database and Bylaw', () => {
    expect(validateStatement(EXAMPLE)).toEqual([]);
  });

  it('a statement using every field passes both', () => {
    expect(validateStatement(fixture('every-field.json'))).toEqual([]);
  });

  it('a payload the database takes but Bylaw refuses: accepted by the database profile, each Bylaw point named', () => {
    const body = fixture('database-only.json');
    expect(database(body)).toEqual([]);
    expect(rules(validateStatement(body)).sort()).toEqual(
      [
        'end_date_monetary_restriction after_or_equal:application_date',
        'territorial_scope required',
        'content_language_other bylaw:known_field',
        'illegal_content_legal_ground bylaw:exclude_unless:decision_ground,DECISION_GROUND_ILLEGAL_CONTENT',
        'source_identity bylaw:exclude_unless:source_type,not SOURCE_VOLUNTARY',
        'decision_monetary bylaw:no_null_string',
      ].sort(),
    );
    const sources = new Map(validateStatement(body).map((p) => [p.field, p.source]));
    expect(sources.get('end_date_monetary_restriction')).toBe('documentation');
    expect(sources.get('territorial_scope')).toBe('documentation');
    expect(sources.get('decision_monetary')).toBe('bylaw');
  });
});

// One case per database rule: the change, and the field and rule the database would name.
const REFUSED: [string, Record<string, unknown>, string[], string][] = [
  ['a required field missing', {}, ['puid'], 'puid required'],
  ['a required text blank', { decision_facts: '   ' }, [], 'decision_facts required'],
  ['a required list empty', { content_type: [] }, [], 'content_type required'],
  ['no restriction at all', { decision_visibility: null }, ['decision_provision'], 'decision_visibility required_without_all:decision_monetary,decision_provision,decision_account'],
  ['an empty visibility list is no restriction', { decision_visibility: [] }, ['decision_provision'], 'decision_account required_without_all:decision_visibility,decision_monetary,decision_provision'],
  ['other visibility without its text', { decision_visibility: ['DECISION_VISIBILITY_OTHER'] }, [], 'decision_visibility_other required_if:decision_visibility,DECISION_VISIBILITY_OTHER'],
  ['other monetary without its text', { decision_monetary: 'DECISION_MONETARY_OTHER' }, [], 'decision_monetary_other required_if:decision_monetary,DECISION_MONETARY_OTHER'],
  ['other content type without its text', { content_type: ['CONTENT_TYPE_OTHER'] }, [], 'content_type_other required_if:content_type,CONTENT_TYPE_OTHER'],
  ['illegal ground without its legal ground', { decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT', illegal_content_explanation: 'x' }, [], 'illegal_content_legal_ground required_if:decision_ground,DECISION_GROUND_ILLEGAL_CONTENT'],
  ['illegal ground without its explanation', { decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT', illegal_content_legal_ground: 'x' }, [], 'illegal_content_explanation required_if:decision_ground,DECISION_GROUND_ILLEGAL_CONTENT'],
  ['terms ground without its ground', {}, ['incompatible_content_ground'], 'incompatible_content_ground required_if:decision_ground,DECISION_GROUND_INCOMPATIBLE_CONTENT'],
  ['terms ground without its explanation', { incompatible_content_explanation: null }, [], 'incompatible_content_explanation required_if:decision_ground,DECISION_GROUND_INCOMPATIBLE_CONTENT'],
  ['an unknown ground', { decision_ground: 'DECISION_GROUND_ILLEGAL' }, [], 'decision_ground in'],
  ['a category removed in 2025', { category: 'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT' }, [], 'category in'],
  ['a keyword that is a constant but not accepted', { category_specification: ['KEYWORD_DANGEROUS_TOYS'] }, [], 'category_specification in'],
  ['a category addition that is no category', { category_addition: ['KEYWORD_HATE_SPEECH'] }, [], 'category_addition in'],
  ['category_addition null (not nullable)', { category_addition: null }, [], 'category_addition array'],
  ['an unknown content type', { content_type: ['CONTENT_TYPE_LIVESTREAM'] }, [], 'content_type in'],
  ['content_type not a list', { content_type: 'CONTENT_TYPE_TEXT' }, [], 'content_type array'],
  ['Greece as EL', { territorial_scope: ['DE', 'EL'] }, [], 'territorial_scope in'],
  ['a lowercase language', { content_language: 'en' }, [], 'content_language in'],
  ['automated_detection as a boolean', { automated_detection: true }, [], 'automated_detection in'],
  ['automated_decision as Yes (the docs\' error example)', { automated_decision: 'Yes' }, [], 'automated_decision in'],
  ['an unknown source type', { source_type: 'SOURCE_USER' }, [], 'source_type in'],
  ['an unknown account type', { account_type: 'ACCOUNT_TYPE_PUBLIC' }, [], 'account_type in'],
  ['a visibility key in decision_account', { decision_account: 'DECISION_VISIBILITY_CONTENT_REMOVED' }, [], 'decision_account in'],
  ['incompatible_content_illegal not Yes/No', { incompatible_content_illegal: 'yes' }, [], 'incompatible_content_illegal in'],
  ['incompatible_content_illegal null with the terms ground', { incompatible_content_illegal: null }, [], 'incompatible_content_illegal in'],
  ['decision_facts over 5000', { decision_facts: 'x'.repeat(5001) }, [], 'decision_facts max:5000'],
  ['an explanation over 2000', { incompatible_content_explanation: 'x'.repeat(2001) }, [], 'incompatible_content_explanation max:2000'],
  ['a ground over 500', { incompatible_content_ground: 'x'.repeat(501) }, [], 'incompatible_content_ground max:500'],
  ['source_identity over 500', { source_identity: 'x'.repeat(501) }, [], 'source_identity max:500'],
  ['a reference URL over 500', { decision_ground_reference_url: `https://example.com/${'x'.repeat(490)}` }, [], 'decision_ground_reference_url max:500'],
  ['a PUID over 500', { puid: 'x'.repeat(501) }, [], 'puid max:500'],
  ['decision_facts not a string', { decision_facts: 12 }, [], 'decision_facts string'],
  ['a PUID with a space', { puid: 'dec 1' }, [], 'puid regex:/^[a-zA-Z0-9-_]+$/D'],
  ['a PUID with a dot', { puid: 'dec.1' }, [], 'puid regex:/^[a-zA-Z0-9-_]+$/D'],
  ['a PUID with a slash', { puid: 'dec/1' }, [], 'puid regex:/^[a-zA-Z0-9-_]+$/D'],
  ['a PUID ending in a newline', { puid: 'dec1\n' }, [], 'puid regex:/^[a-zA-Z0-9-_]+$/D'],
  ['a date without leading zeros', { content_date: '2026-1-5' }, [], 'content_date date_format:Y-m-d'],
  ['a day that does not exist', { application_date: '2026-02-29' }, [], 'application_date date_format:Y-m-d'],
  ['a date with a time', { end_date_service_restriction: '2026-12-01T00:00:00Z' }, [], 'end_date_service_restriction date_format:Y-m-d'],
  ['a date as a number', { content_date: 20261129 }, [], 'content_date date_format:Y-m-d'],
  ['content posted before 2000', { content_date: '1999-12-31' }, [], 'content_date after_or_equal:2000-01-01'],
  ['applied before 2020', { application_date: '2019-12-31' }, [], 'application_date after_or_equal:2020-01-01'],
  ['applied after 2038-01-01', { application_date: '2038-01-02' }, [], 'application_date before_or_equal:2038-01-01'],
  ['an end date after 2038-01-01', { end_date_service_restriction: '2038-01-02' }, [], 'end_date_service_restriction before_or_equal:2038-01-01'],
  ['a reference that is no URL', { decision_ground_reference_url: 'example.com/rules' }, [], 'decision_ground_reference_url url'],
  ['an EAN that is not 13 digits', { content_id: { 'EAN-13': '400638133393' } }, [], 'content_id.EAN-13 regex:/^[0-9]{13}$/'],
  ['a content id with another key', { content_id: { ISBN: '9783161484100' } }, [], 'content_id keys:EAN-13'],
];

describe('the validator refuses what the database refuses, naming the field and the rule', () => {
  for (const [name, patch, remove, expected] of REFUSED) {
    it(name, () => {
      const body = change(patch, remove);
      expect(rules(database(body))).toContain(expected);
      const problem = database(body).find((p) => `${p.field} ${p.rule}` === expected)!;
      expect(problem.source).toBe('database');
      expect(problem.message).toMatch(/^The /);
    });
  }

  it('accepts the boundaries of every range', () => {
    const edges = change({
      content_date: '2000-01-01',
      application_date: '2020-01-01',
      end_date_service_restriction: '2038-01-01',
      decision_facts: 'x'.repeat(5000),
      puid: `${'a'.repeat(498)}-_`,
    });
    expect(database(edges)).toEqual([]);
    expect(database(change({ application_date: '2038-01-01', end_date_service_restriction: '2038-01-01' }))).toEqual([]);
  });

  it('counts characters as the database does: an emoji is one', () => {
    expect(database(change({ decision_facts: '😀'.repeat(5000) }))).toEqual([]);
    expect(rules(database(change({ decision_facts: '😀'.repeat(5001) })))).toEqual(['decision_facts max:5000']);
  });

  it('follows the code where it differs from the docs: the string "null" passes a nullable enumeration', () => {
    expect(database(change({ decision_monetary: 'null' }))).toEqual([]);
    expect(rules(validateStatement(change({ decision_monetary: 'null' })))).toEqual(['decision_monetary bylaw:no_null_string']);
  });

  it('does not validate fields the database excludes for the ground', () => {
    expect(database(change({ illegal_content_legal_ground: 42, decision_visibility_other: ['x'] }))).toEqual([]);
    expect(database(change({ decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT', illegal_content_legal_ground: 'x', illegal_content_explanation: 'y', incompatible_content_illegal: null }))).toEqual([]);
  });

  it('names the messages in Laravel\'s words', () => {
    const [problem] = database(change({ puid: 'a b' }));
    expect(problem).toEqual({ field: 'puid', rule: 'regex:/^[a-zA-Z0-9-_]+$/D', message: 'The puid field format is invalid.', source: 'database' });
    expect(database(change({}, ['puid']))[0]!.message).toBe('The puid field is required.');
    expect(database(change({ decision_facts: 'x'.repeat(5001) }))[0]!.message).toBe('The decision facts field must not be greater than 5000 characters.');
  });

  it('a body that is not an object is one clear problem', () => {
    for (const body of [null, 42, 'x', []]) expect(database(body)).toEqual([expect.objectContaining({ field: '', message: 'The request body must be a JSON object.' })]);
  });
});

describe('Bylaw\'s stricter rules', () => {
  const strict = (patch: Record<string, unknown>, remove: string[] = []) => rules(validateStatement(change(patch, remove)));

  it('an end date before the application date (documented, not enforced by the code)', () => {
    expect(database(change({ end_date_service_restriction: '2026-11-29' }))).toEqual([]);
    expect(strict({ end_date_service_restriction: '2026-11-29' })).toEqual(['end_date_service_restriction after_or_equal:application_date']);
  });

  it('territorial_scope is required (documented; the code takes null)', () => {
    expect(database(change({ territorial_scope: null }))).toEqual([]);
    expect(strict({ territorial_scope: null })).toEqual(['territorial_scope required']);
  });

  it('a field the database does not know (content_language_other appears in its docs)', () => {
    expect(strict({ content_language_other: 'Klingon' })).toEqual(['content_language_other bylaw:known_field']);
  });

  it('KEYWORD_OTHER needs its text, and the text needs KEYWORD_OTHER', () => {
    expect(strict({ category_specification: ['KEYWORD_OTHER'] })).toEqual(['category_specification_other bylaw:required_with:KEYWORD_OTHER']);
    expect(strict({ category_specification_other: 'x' })).toEqual(['category_specification_other bylaw:exclude_unless:category_specification,KEYWORD_OTHER']);
  });

  it('the main category repeated in category_addition, and repeated values, are removed by the database', () => {
    expect(strict({ category_addition: ['STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH'] })).toEqual(['category_addition bylaw:not_category']);
    expect(strict({ content_type: ['CONTENT_TYPE_TEXT', 'CONTENT_TYPE_TEXT'] })).toEqual(['content_type bylaw:distinct']);
  });

  it('content_id_ean is ignored by the batch endpoint', () => {
    expect(validateStatement(change({ content_id_ean: '4006381333931' }), { endpoint: 'single' })).toEqual([]);
    expect(rules(validateStatement(change({ content_id_ean: '4006381333931' }), { endpoint: 'batch' }))).toEqual(['content_id_ean bylaw:batch_ignores']);
  });
});

describe('batches', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ ...EXAMPLE, puid: `dec-${i}` }));

  it('takes 1 to 100 statements', () => {
    expect(validateBatch({ statements: many(1) })).toEqual({});
    expect(validateBatch({ statements: many(100) })).toEqual({});
    expect(rules(validateBatch({ statements: many(101) }).statements!)).toEqual(['statements between:1,100']);
    expect(rules(validateBatch({ statements: [] }).statements!)).toEqual(['statements between:1,100']);
    expect(rules(validateBatch({}).statements!)).toEqual(['statements required']);
  });

  it('keys each refused statement by its index, as the database does', () => {
    const statements = many(3);
    statements[1] = { ...statements[1]!, puid: 'bad puid' };
    const errors = validateBatch({ statements });
    expect(Object.keys(errors)).toEqual(['statement_1']);
    expect(rules(errors.statement_1!)).toEqual(['puid regex:/^[a-zA-Z0-9-_]+$/D']);
  });

  it('refuses two statements with one PUID', () => {
    const errors = validateBatch({ statements: [EXAMPLE, EXAMPLE] });
    expect(errors.statements![0]!.message).toBe('The platform identifier(s) are not all unique within this call.');
  });
});

it('errorBody is the database\'s 422 body', () => {
  const body = errorBody(database(change({ puid: 'a b', decision_facts: '' })));
  expect(body).toEqual({
    message: 'The decision facts field is required. (and 1 more error)',
    errors: { decision_facts: ['The decision facts field is required.'], puid: ['The puid field format is invalid.'] },
  });
});
