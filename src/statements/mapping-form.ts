/**
 * The form of an export mapping given as data (`checkMapping`): objects, lists, strings and
 * booleans where `ExportMapping` has them. The mapping's own rules (mapping.ts) read it as that
 * type, so they run only once it has this form; a mapping read from `statement` declarations
 * always has it. No declaration can get the form wrong, so these problems have no code and are
 * worded here, in the model's terms, as `checkDeployment` words a config's; a ground's form is
 * left to BL510, whose words fit any value.
 */
import { describe, isRecord } from '../runtime/validate.js';

export interface FormProblem {
  readonly path: string;
  readonly message: string;
  readonly help: string;
}

type Report = (path: string, message: string, help: string) => void;

const CLAUSE_HELP = 'give its `category` and `ground`, e.g. `{ "category": "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "ground": { "kind": "terms", "reference": "…" } }`';

/** What is wrong with the form of `mapping`: nothing when it is shaped as an `ExportMapping`. */
export function mappingFormProblems(mapping: unknown): FormProblem[] {
  const problems: FormProblem[] = [];
  const report: Report = (path, message, help) => problems.push({ path, message, help });
  if (!isRecord(mapping)) {
    report('', `the mapping is ${describe(mapping)}, not an object`, 'give an object with `outcomes`, `clauses` and `versions` (docs/statements-of-reasons.md)');
    return problems;
  }
  const outcomes = mapping['outcomes'];
  if (record(outcomes, 'outcomes', '`outcomes`', 'give an object of outcomes (`action` for a policy without declared outcomes), each an object of its actions', report)) {
    for (const [outcome, actions] of Object.entries(outcomes)) {
      const at = `outcomes.${outcome}`;
      if (!record(actions, at, `outcome \`${outcome}\``, 'give an object of its actions, each `{ "targets": […] }`', report)) continue;
      for (const [name, action] of Object.entries(actions)) checkAction(action, `${at}.${name}`, `action \`${name}\` of outcome \`${outcome}\``, report);
    }
  }
  const clauses = mapping['clauses'];
  if (record(clauses, 'clauses', '`clauses`', 'give an object of the red lines and rules that can restrict, each with its `category` and `ground`', report)) {
    for (const [name, clause] of Object.entries(clauses)) checkClause(clause, `clauses.${name}`, `clause \`${name}\``, report);
  }
  if (mapping['default'] !== undefined) checkClause(mapping['default'], 'default', '`default`', report);
  const versions = mapping['versions'];
  if (record(versions, 'versions', '`versions`', "give an object of the policy's versions, each `{ \"url\": \"https://…\" }`", report)) {
    for (const [version, entry] of Object.entries(versions)) {
      const at = `versions.${version}`;
      if (record(entry, at, `version \`${version}\``, 'give `{ "url": "https://…" }`: where this version of the rules is published', report)) {
        leaf(entry, 'url', at, 'string', false, 'give an absolute http(s) URL', report);
      }
    }
  }
  return problems;
}

function checkAction(action: unknown, at: string, name: string, report: Report): void {
  if (!record(action, at, name, 'give `{ "targets": […] }`, with `targets` empty for an action that restricts nothing', report)) return;
  const targets = action['targets'];
  if (list(targets, `${at}.targets`, '`targets`', 'give a list of restrictions, empty for none', report)) {
    // entries(), not forEach: a hole in a sparse list is a missing target (the rules' for…of meets it).
    for (const [i, target] of targets.entries()) {
      const path = `${at}.targets.${i}`;
      const help = 'give its `field` and `value`, e.g. `{ "field": "decision_visibility", "value": "DECISION_VISIBILITY_CONTENT_REMOVED" }`';
      if (!record(target, path, 'the target', help, report)) continue;
      leaf(target, 'field', path, 'string', false, 'name a restriction field, e.g. `decision_visibility`', report);
      leaf(target, 'value', path, 'string', false, "give a key of the target's field, e.g. `DECISION_VISIBILITY_CONTENT_REMOVED`", report);
      leaf(target, 'other', path, 'string', true, 'give the text an `…_OTHER` key needs, or leave it out', report);
      leaf(target, 'permanent', path, 'boolean', true, "write `true` for a part that does not end with the action's duration, or leave it out", report);
    }
  }
  leaf(action, 'duration', at, 'string', true, 'write an ISO 8601 duration, e.g. `P3D`, or leave it out', report);
  leaf(action, 'notice', at, 'string', true, 'write the notice\'s words after "We", e.g. `locked your account`, or leave it out', report);
}

function checkClause(clause: unknown, at: string, name: string, report: Report): void {
  if (!record(clause, at, name, CLAUSE_HELP, report)) return;
  leaf(clause, 'category', at, 'string', false, 'give a `STATEMENT_CATEGORY_…` key', report);
  const keywords = clause['keywords'];
  if (keywords !== undefined && list(keywords, `${at}.keywords`, '`keywords`', 'give a list of `KEYWORD_…` keys, or leave it out', report)) {
    for (const [i, keyword] of keywords.entries()) {
      if (typeof keyword !== 'string') report(`${at}.keywords.${i}`, `the keyword is ${describe(keyword)}, not a string`, 'give a `KEYWORD_…` key');
    }
  }
  leaf(clause, 'keywordOther', at, 'string', true, 'give the text `KEYWORD_OTHER` needs, or leave it out', report);
  // A ground of any other form is neither `terms` nor `law`, or names no reference: BL510 says so.
  const ground = clause['ground'];
  if (isRecord(ground)) leaf(ground, 'illegal', `${at}.ground`, 'boolean', true, 'write `true` or `false` for whether the content is also illegal, or leave it out', report);
}

/** `value` is an object; if not, reported at `path` as `name` (missing, or what it is instead). */
function record(value: unknown, path: string, name: string, help: string, report: Report): value is Record<string, unknown> {
  if (isRecord(value)) return true;
  report(path, value === undefined ? `${name} is missing` : `${name} is ${describe(value)}, not an object`, help);
  return false;
}

function list(value: unknown, path: string, name: string, help: string, report: Report): value is unknown[] {
  if (Array.isArray(value)) return true;
  report(path, value === undefined ? `${name} is missing` : `${name} is ${describe(value)}, not a list`, help);
  return false;
}

/** The field `key` of `owner` is a string or a boolean (`optional`: or absent). */
function leaf(owner: Record<string, unknown>, key: string, at: string, type: 'string' | 'boolean', optional: boolean, help: string, report: Report): void {
  const value = owner[key];
  if (typeof value === type || (optional && value === undefined)) return;
  const path = `${at}.${key}`;
  if (value === undefined) report(path, `\`${key}\` is missing`, help);
  else report(path, `\`${key}\` is ${describe(value)}, not ${type === 'string' ? 'a string' : '`true` or `false`'}`, help);
}
