import { DECISION_FIELDS, END_DATE_FIELDS, statementSchema } from './schema.js';
import { messageFor, type StatementProblem } from './messages.js';

/**
 * Rules Bylaw holds every statement to beyond the database's validation code: what its
 * documentation requires but the code does not check, and values the database would accept but
 * silently drop or rewrite (so the statement stored would not be the one sent).
 */

/** Every field the database stores: the schema's properties and the conditional ones. */
export const KNOWN_FIELDS: ReadonlySet<string> = (() => {
  const schema = statementSchema() as { properties: object; allOf: { then?: { properties?: object } }[] };
  const names = new Set(Object.keys(schema.properties));
  for (const block of schema.allOf) for (const name of Object.keys(block.then?.properties ?? {})) names.add(name);
  return names;
})();

/** Fields the database keeps only when a condition holds (`exclude_unless`, and the batch path's clean-up). */
const KEPT_ONLY_WHEN: readonly { field: string; when: (s: Record<string, unknown>) => boolean; condition: string }[] = [
  { field: 'decision_visibility_other', when: (s) => has(s.decision_visibility, 'DECISION_VISIBILITY_OTHER'), condition: 'decision_visibility,DECISION_VISIBILITY_OTHER' },
  { field: 'decision_monetary_other', when: (s) => s.decision_monetary === 'DECISION_MONETARY_OTHER', condition: 'decision_monetary,DECISION_MONETARY_OTHER' },
  { field: 'content_type_other', when: (s) => has(s.content_type, 'CONTENT_TYPE_OTHER'), condition: 'content_type,CONTENT_TYPE_OTHER' },
  { field: 'category_specification_other', when: (s) => has(s.category_specification, 'KEYWORD_OTHER'), condition: 'category_specification,KEYWORD_OTHER' },
  ...['illegal_content_legal_ground', 'illegal_content_explanation'].map((field) => ({
    field,
    when: (s: Record<string, unknown>) => s.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT',
    condition: 'decision_ground,DECISION_GROUND_ILLEGAL_CONTENT',
  })),
  ...['incompatible_content_ground', 'incompatible_content_explanation', 'incompatible_content_illegal'].map((field) => ({
    field,
    when: (s: Record<string, unknown>) => s.decision_ground === 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
    condition: 'decision_ground,DECISION_GROUND_INCOMPATIBLE_CONTENT',
  })),
  { field: 'source_identity', when: (s) => s.source_type !== 'SOURCE_VOLUNTARY', condition: 'source_type,not SOURCE_VOLUNTARY' },
];

const ARRAY_FIELDS = ['decision_visibility', 'content_type', 'category_addition', 'category_specification', 'territorial_scope'] as const;

export function bylawProblems(s: Record<string, unknown>, endpoint: 'single' | 'batch'): StatementProblem[] {
  const out: StatementProblem[] = [];
  const bylaw = (field: string, rule: string, message: string) => out.push({ field, rule, message, source: 'bylaw' });
  const attribute = (field: string) => field.replace(/_/g, ' ');

  // Documented, not enforced by the code.
  if (!Array.isArray(s.territorial_scope) || s.territorial_scope.length === 0) {
    out.push({ field: 'territorial_scope', rule: 'required', message: messageFor('territorial_scope', 'required'), source: 'documentation' });
  }
  const application = s.application_date;
  for (const decisionField of DECISION_FIELDS) {
    const endField = END_DATE_FIELDS[decisionField];
    const end = s[endField];
    if (typeof end === 'string' && typeof application === 'string' && end < application) {
      const rule = 'after_or_equal:application_date';
      out.push({ field: endField, rule, message: messageFor(endField, rule), source: 'documentation' });
    }
  }

  for (const key of Object.keys(s)) {
    if (!KNOWN_FIELDS.has(key)) bylaw(key, 'bylaw:known_field', `The ${attribute(key)} field is not a field of the database: it would be dropped.`);
  }
  for (const { field, when, condition } of KEPT_ONLY_WHEN) {
    if (s[field] !== undefined && s[field] !== null && !when(s)) {
      const [other, value] = condition.split(',');
      bylaw(field, `bylaw:exclude_unless:${condition}`, `The ${attribute(field)} field is dropped by the database unless ${attribute(other!)} is ${value}.`);
    }
  }
  if (has(s.category_specification, 'KEYWORD_OTHER') && !filledString(s.category_specification_other)) {
    bylaw('category_specification_other', 'bylaw:required_with:KEYWORD_OTHER', 'The category specification other field is required when category specification has KEYWORD_OTHER.');
  }
  if (typeof s.category === 'string' && has(s.category_addition, s.category)) {
    bylaw('category_addition', 'bylaw:not_category', 'The category addition field must not repeat the category: the database removes it.');
  }
  for (const field of ARRAY_FIELDS) {
    const value = s[field];
    if (Array.isArray(value) && new Set(value).size !== value.length) {
      bylaw(field, 'bylaw:distinct', `The ${attribute(field)} field has a duplicate value: the database removes it.`);
    }
  }
  for (const [field, value] of Object.entries(s)) {
    if (value === 'null' || (Array.isArray(value) && value.includes('null'))) {
      bylaw(field, 'bylaw:no_null_string', `The ${attribute(field)} field holds the string "null": send JSON null or leave the field out.`);
    }
  }
  if (endpoint === 'batch' && s.content_id_ean !== undefined) {
    bylaw('content_id_ean', 'bylaw:batch_ignores', 'The content id ean field is ignored by the batch endpoint: send content_id {"EAN-13": …}.');
  }
  return out;
}

const has = (value: unknown, key: unknown): boolean => Array.isArray(value) && value.includes(key);
const filledString = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
