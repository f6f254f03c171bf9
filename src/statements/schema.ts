import {
  ACCOUNT_TYPE,
  AUTOMATED_DECISION,
  CONTENT_TYPE,
  DECISION_ACCOUNT,
  DECISION_GROUND,
  DECISION_MONETARY,
  DECISION_PROVISION,
  DECISION_VISIBILITY,
  EEA_COUNTRIES,
  KEYWORD,
  LANGUAGES,
  SOURCE_TYPE,
  STATEMENT_CATEGORY,
  YES_NO,
  keysOf,
} from './enumerations.js';
import { DATE_RANGE, LIMITS } from '../runtime/statement-keys.js';

/**
 * The body of `POST /api/v1/statement` as a JSON Schema (draft 2020-12), written from the
 * database's Laravel validation rules (`StatementStoreRequest`, and `multi_rules()` for the batch
 * endpoint). It says what the database accepts — no more, no less where JSON Schema can say it;
 * Bylaw's stricter rules (end dates after the application date, no fields the database would drop)
 * are in `strict.ts`. Every rule node carries `x-laravel`, the database's own rule, which the
 * validator reports with each error. Written to `statement.schema.json` for other tools (they must
 * assert the `date` and `uri` formats, as Ajv with formats does).
 */

export { LIMITS, DATE_RANGE, END_DATE_FIELDS } from '../runtime/statement-keys.js';

/** The batch endpoint takes 1 to 100 statements per call. */
export const BATCH_LIMIT = 100;

export const PUID_PATTERN = '^[a-zA-Z0-9_-]+$';

export const DECISION_FIELDS = ['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account'] as const;

export const REQUIRED_FIELDS = [
  'decision_ground',
  'content_type',
  'category',
  'content_date',
  'application_date',
  'decision_facts',
  'source_type',
  'automated_detection',
  'automated_decision',
  'puid',
] as const;

type Schema = Record<string, unknown>;
const rule = (laravel: string, schema: Schema): Schema => ({ 'x-laravel': laravel, ...schema });

/** `in:null,…`: the database's nullable enumerations also accept the literal string "null". */
const nullableIn = (keys: readonly string[]): Schema => ({ enum: [null, 'null', ...keys] });
const arrayIn = (keys: readonly string[], nullable: boolean): Schema => ({
  type: nullable ? ['array', 'null'] : 'array',
  items: { enum: nullable ? ['null', ...keys] : [...keys] },
});
const text = (max: number, nullable = false): Schema => ({ type: nullable ? ['string', 'null'] : 'string', maxLength: max });
// Laravel's `required`: present, not null, not a blank string, not an empty array. Inlined, not a
// `$ref`: errors under a reference lose the path to the rule that asked for it.
const FILLED: Schema = {
  not: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^\\s*$' }, { type: 'array', maxItems: 0 }] },
};
const present = (...fields: string[]): Schema => ({
  required: fields,
  properties: Object.fromEntries(fields.map((f) => [f, FILLED])),
});
/** The same as a test inside an `if`, whose errors are never reported: a reference keeps it short. */
const isPresent = (field: string): Schema => ({ required: [field], properties: { [field]: { $ref: '#/$defs/filled' } } });
const contains = (field: string, key: string): Schema => ({
  required: [field],
  properties: { [field]: { type: 'array', contains: { const: key } } },
});
const equals = (field: string, key: string): Schema => ({ required: [field], properties: { [field]: { const: key } } });

// Date bounds as patterns, so any JSON Schema tool checks them. Every bound is a 1 January, so
// only the year matters: ≥ 2000, ≥ 2020, and ≤ 2038-01-01 (2038-01-01 itself is allowed).
const FROM_2000 = '^(?:[2-9][0-9]{3})-';
const FROM_2020 = '^(?:20[2-9][0-9]|2[1-9][0-9]{2}|[3-9][0-9]{3})-';
const UNTIL_2038 = '^(?:(?:[01][0-9]{3}|20[0-2][0-9]|203[0-7])-[0-9]{2}-[0-9]{2}|2038-01-01)$';

function date(nullable: boolean, from?: { pattern: string; date: string }): Schema {
  const parts: Schema[] = [rule(`before_or_equal:${DATE_RANGE.until}`, { pattern: UNTIL_2038 })];
  if (from) parts.unshift(rule(`after_or_equal:${from.date}`, { pattern: from.pattern }));
  return rule('date_format:Y-m-d', {
    type: nullable ? ['string', 'null'] : 'string',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
    format: 'date',
    allOf: parts,
  });
}

/** For each decision field: required unless one of the other three is filled. */
function requiredWithoutAll(): Schema[] {
  return DECISION_FIELDS.map((field) => {
    const others = DECISION_FIELDS.filter((f) => f !== field);
    return {
      if: { not: { anyOf: others.map(isPresent) } },
      then: rule(`required_without_all:${others.join(',')}`, present(field)),
    };
  });
}

/** `required_if` + `exclude_unless`: the field is validated only when the condition holds. */
const requiredIf = (when: Schema, laravel: string, fields: Record<string, Schema>): Schema => ({
  if: when,
  then: rule(laravel, { ...present(...Object.keys(fields)), properties: mergeFilled(fields) }),
});
const mergeFilled = (fields: Record<string, Schema>): Schema =>
  Object.fromEntries(Object.entries(fields).map(([f, s]) => [f, { allOf: [FILLED, s] }]));

export const STATEMENT_SCHEMA_ID = 'urn:bylaw:dsa-transparency-database:statement';

export function statementSchema(): Schema {
  const ILLEGAL = 'DECISION_GROUND_ILLEGAL_CONTENT';
  const INCOMPATIBLE = 'DECISION_GROUND_INCOMPATIBLE_CONTENT';
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: STATEMENT_SCHEMA_ID,
    title: 'DSA Transparency Database: one statement of reasons (POST /api/v1/statement)',
    description:
      'Written from the Laravel validation rules of github.com/digital-services-act/transparency-database at commit ' +
      '69e80a0bc8eb3cbfbe8246e898194c3bdf490a4b. Keys the database does not know are accepted and dropped by it; ' +
      'fields excluded by a condition (exclude_unless) are not validated. x-laravel names the database rule of each node.',
    type: 'object',
    properties: {
      decision_visibility: arrayIn(keysOf(DECISION_VISIBILITY), true),
      decision_monetary: nullableIn(keysOf(DECISION_MONETARY)),
      decision_provision: nullableIn(keysOf(DECISION_PROVISION)),
      decision_account: nullableIn(keysOf(DECISION_ACCOUNT)),
      account_type: nullableIn(keysOf(ACCOUNT_TYPE)),
      end_date_visibility_restriction: date(true),
      end_date_monetary_restriction: date(true),
      end_date_service_restriction: date(true),
      end_date_account_restriction: date(true),
      decision_ground: { enum: keysOf(DECISION_GROUND) },
      decision_ground_reference_url: rule('url', { ...text(LIMITS.text, true), format: 'uri' }),
      content_type: arrayIn(keysOf(CONTENT_TYPE), false),
      category: { enum: keysOf(STATEMENT_CATEGORY) },
      category_addition: arrayIn(keysOf(STATEMENT_CATEGORY), false),
      category_specification: arrayIn(keysOf(KEYWORD), true),
      category_specification_other: text(LIMITS.text, true),
      territorial_scope: { type: ['array', 'null'], items: { enum: [...EEA_COUNTRIES] } },
      content_language: { enum: [null, ...LANGUAGES] },
      content_date: date(false, { pattern: FROM_2000, date: DATE_RANGE.contentFrom }),
      application_date: date(false, { pattern: FROM_2020, date: DATE_RANGE.applicationFrom }),
      decision_facts: text(LIMITS.facts),
      source_type: { enum: keysOf(SOURCE_TYPE) },
      source_identity: text(LIMITS.text, true),
      automated_detection: { enum: [...YES_NO] },
      automated_decision: { enum: keysOf(AUTOMATED_DECISION) },
      puid: { ...text(LIMITS.puid), allOf: [rule(`regex:/^[a-zA-Z0-9-_]+$/D`, { pattern: PUID_PATTERN })] },
      content_id: rule('keys:EAN-13', {
        type: 'object',
        required: ['EAN-13'],
        additionalProperties: false,
        properties: { 'EAN-13': rule('regex:/^[0-9]{13}$/', { type: 'string', pattern: '^[0-9]{13}$' }) },
      }),
      content_id_ean: rule('regex:/^[0-9]{13}$/', { type: ['string', 'null'], pattern: '^[0-9]{13}$' }),
    },
    allOf: [
      rule('required', present(...REQUIRED_FIELDS)),
      ...requiredWithoutAll(),
      requiredIf(contains('decision_visibility', 'DECISION_VISIBILITY_OTHER'), 'required_if:decision_visibility,DECISION_VISIBILITY_OTHER', {
        decision_visibility_other: text(LIMITS.text),
      }),
      requiredIf(equals('decision_monetary', 'DECISION_MONETARY_OTHER'), 'required_if:decision_monetary,DECISION_MONETARY_OTHER', {
        decision_monetary_other: text(LIMITS.text),
      }),
      requiredIf(contains('content_type', 'CONTENT_TYPE_OTHER'), 'required_if:content_type,CONTENT_TYPE_OTHER', {
        content_type_other: text(LIMITS.text),
      }),
      requiredIf(equals('decision_ground', ILLEGAL), `required_if:decision_ground,${ILLEGAL}`, {
        illegal_content_legal_ground: text(LIMITS.text),
        illegal_content_explanation: text(LIMITS.explanation),
      }),
      requiredIf(equals('decision_ground', INCOMPATIBLE), `required_if:decision_ground,${INCOMPATIBLE}`, {
        incompatible_content_ground: text(LIMITS.text),
        incompatible_content_explanation: text(LIMITS.explanation),
      }),
      // Kept (and validated, nulls included) only with the incompatible-content ground.
      { if: equals('decision_ground', INCOMPATIBLE), then: { properties: { incompatible_content_illegal: { enum: [...YES_NO] } } } },
    ],
    $defs: { filled: FILLED },
  };
}

export const BATCH_SCHEMA_ID = 'urn:bylaw:dsa-transparency-database:statements';

/** The body of `POST /api/v1/statements`: `{"statements": [...]}`, 1 to 100 items. */
export function batchSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: BATCH_SCHEMA_ID,
    title: 'DSA Transparency Database: a batch of statements of reasons (POST /api/v1/statements)',
    type: 'object',
    allOf: [rule('required', { required: ['statements'] })],
    properties: {
      statements: rule(`between:1,${BATCH_LIMIT}`, {
        type: 'array',
        minItems: 1,
        maxItems: BATCH_LIMIT,
        items: { $ref: STATEMENT_SCHEMA_ID },
      }),
    },
  };
}
