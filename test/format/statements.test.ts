import { describe, expect, it } from 'vitest';
import { formatPolicy } from '../../src/format/format.js';

/** The canonical layout of `statement` declarations, comments kept in place. */

async function format(text: string): Promise<string> {
  const result = await formatPolicy(text, 'p.policy');
  if (result.kind !== 'formatted') throw new Error(JSON.stringify(result));
  return result.text;
}

const MESSY = `// mapping
statement   action {allow:no restriction, // nothing
 notice : DECISION_VISIBILITY_OTHER "screen"   notice "put a screen over your post",
  lock   for 12 hours : DECISION_VISIBILITY_CONTENT_REMOVED permanently and DECISION_PROVISION_PARTIAL_SUSPENSION notice "removed your post and locked your account"}
statement a,b,
  // the long ones
  c category STATEMENT_CATEGORY_VIOLENCE keywords KEYWORD_OTHER "x",KEYWORD_HATE_SPEECH ground terms "T" not illegal
statement default category STATEMENT_CATEGORY_OTHER_VIOLATION_TC ground law "L"
statement version "v1"   at   "https://example.com/v1"
`;

const CANONICAL = `// mapping
statement action {
  allow: no restriction, // nothing
  notice: DECISION_VISIBILITY_OTHER "screen" notice "put a screen over your post",
  lock for 12 hours: DECISION_VISIBILITY_CONTENT_REMOVED permanently
    and DECISION_PROVISION_PARTIAL_SUSPENSION
    notice "removed your post and locked your account",
}

statement a,
  b,
  // the long ones
  c
  category STATEMENT_CATEGORY_VIOLENCE
  keywords KEYWORD_OTHER "x", KEYWORD_HATE_SPEECH
  ground terms "T" not illegal

statement default
  category STATEMENT_CATEGORY_OTHER_VIOLATION_TC
  ground law "L"

statement version "v1" at "https://example.com/v1"
`;

describe('formatting statement declarations', () => {
  it('prints the canonical layout, keeping every comment', async () => {
    expect(await format(MESSY)).toBe(CANONICAL);
  });

  it('is idempotent', async () => {
    expect(await format(CANONICAL)).toBe(CANONICAL);
  });

  it('keeps a short list of clause names on the statement line', async () => {
    expect(await format('statement a, b category K ground terms "T"\n')).toBe('statement a, b\n  category K\n  ground terms "T"\n');
  });
});
