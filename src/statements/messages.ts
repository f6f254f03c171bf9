/**
 * One reason a statement would be refused, named as the database names it: the field, the rule
 * (Laravel's, e.g. `max:500`, `required_if:decision_ground,DECISION_GROUND_ILLEGAL_CONTENT`) and a
 * message in Laravel's wording. `source` says who refuses it: the database's validation code,
 * its documentation only (the code does not check it; Bylaw does), or Bylaw's own rule against a
 * value the database would silently drop or alter.
 */
export interface StatementProblem {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
  readonly source: 'database' | 'documentation' | 'bylaw';
}

/** Laravel's English messages; attribute names with spaces for underscores, as Laravel shows them. */
export function messageFor(field: string, rule: string): string {
  const attribute = field.replace(/_/g, ' ');
  const [name, args = ''] = splitRule(rule);
  const params = args.split(',');
  switch (name) {
    case 'required':
      return field === '' ? 'The request body must be a JSON object.' : `The ${attribute} field is required.`;
    case 'required_without_all':
      return `The ${attribute} field is required when none of ${params.map((p) => p.replace(/_/g, ' ')).join(' / ')} are present.`;
    case 'required_if':
      return `The ${attribute} field is required when ${params[0]!.replace(/_/g, ' ')} is ${params[1]}.`;
    case 'in':
      return `The selected ${attribute} is invalid.`;
    case 'max':
      return `The ${attribute} field must not be greater than ${params[0]} characters.`;
    case 'array':
    case 'object':
      return field === '' ? 'The request body must be a JSON object.' : `The ${attribute} field must be an array.`;
    case 'string':
      return `The ${attribute} field must be a string.`;
    case 'date_format':
      return `The ${attribute} field must match the format ${args}.`;
    case 'after_or_equal':
      return `The ${attribute} field must be a date after or equal to ${args.replace(/_/g, ' ')}.`;
    case 'before_or_equal':
      return `The ${attribute} field must be a date before or equal to ${args.replace(/_/g, ' ')}.`;
    case 'url':
      return `The ${attribute} field must be a valid URL.`;
    case 'regex':
      return `The ${attribute} field format is invalid.`;
    case 'keys':
      return `The ${attribute.split('.')[0]} field must be an object with the one key ${args}.`;
    case 'between':
      return `The ${attribute} field must have between ${params[0]} and ${params[1]} items.`;
    default:
      return `The ${attribute} field is invalid (${rule}).`;
  }
}

function splitRule(rule: string): [string, string | undefined] {
  const colon = rule.indexOf(':');
  return colon < 0 ? [rule, undefined] : [rule.slice(0, colon), rule.slice(colon + 1)];
}
