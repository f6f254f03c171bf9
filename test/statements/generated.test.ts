import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTPUTS, generateStatementArtifacts } from '../../scripts/generate-statement-validator.js';

describe('the committed schemas and validator', () => {
  const artifacts = generateStatementArtifacts();

  for (const key of Object.keys(OUTPUTS) as (keyof typeof OUTPUTS)[]) {
    it(`${key} is what the generator writes (run \`npx tsx scripts/generate-statement-validator.ts\`)`, () => {
      expect(readFileSync(OUTPUTS[key], 'utf8')).toBe(artifacts[key]);
    });
  }

  it('the generated validator compiles nothing and requires nothing at run time', () => {
    const code = artifacts.validator;
    expect(code).not.toMatch(/\beval\(|new Function|\brequire\(/);
    expect(code.match(/^import .*$/gm)).toEqual(["import { codePointLength, formats } from '../formats.js';"]);
  });

  it('the generator is deterministic', () => {
    expect(generateStatementArtifacts()).toEqual(artifacts);
  });
});
