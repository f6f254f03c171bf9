import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { parse } from '../../src/syntax/parse.js';
import { checkFiles, checkPolicy, underlined, type Checked } from '../support/policies.js';

/** [code, line:column, underlined text], in file order. */
function where(checked: Checked): [string, string, string][] {
  return sortDiagnostics(checked.diagnostics).map((d) => [d.code, `${d.span.start.line}:${d.span.start.column}`, underlined(d, checked.sources)]);
}

describe('error recovery', () => {
  it('reports every syntax error of a file, each where it is', () => {
    // Lines 1–3 are checkPolicy's preamble.
    const checked = checkPolicy(
      [
        'rule a', //                                               4
        '  when post.public_interest && post.author.verified', //  5: `&&` (repaired, parsing goes on)
        '  then remove',
        '  because "x"',
        '',
        'rule b', //                                               9
        '  when post.author.followers = 3', //                    10: `=` for `==`
        '  then remove',
        '  because "x"',
        '',
        'rule c', //                                              14
        '  when post.public_interest',
        '  because "x"', //                                       16: no `then`
        '',
        'context d = post.target in {individual group}', //       18: no comma
        '',
        'rule e', //                                              20
        '  when post.author.handle == "open', //                  21: unterminated
        '  then remove',
        '  because "x"',
        '',
      ].join('\n'),
    );
    expect(where(checked)).toEqual([
      ['BL008', '5:29', '&&'],
      ['BL002', '10:30', '='],
      ['BL002', '16:3', 'because'],
      ['BL002', '18:40', 'group'],
      ['BL003', '21:30', '"open'],
    ]);
    expect(checked.policy).toBeNull();
  });

  it('one error per broken clause: what the parser says while it resynchronises is not reported', () => {
    // Each of these clauses used to give two or three errors (the `if` clause: `if`, then `post`,
    // then `.`); the count is the point of the test.
    const checked = checkPolicy(
      [
        'rule a', //                                                4
        '  if post.public_interest',
        '  then remove',
        '  because "x"',
        '',
        'rule b', //                                                9
        '  when post.author.handle contains "bot"',
        '  then remove',
        '  because "x"',
        '',
        'rule c', //                                               14
        '  when post.public_interest',
        '  Then remove',
        '  because "x"',
        '',
        'context d = post.public_interest # leaders', //           19: `#` dropped, so `leaders` is no mistake of its own
        '',
        'rule e', //                                               21
        '  when (post.public_interest and post.author.verified',
        '  then remove',
        '  because "x"',
        '',
        'rule f', //                                               26: two independent lexical errors, both reported
        '  when post.public_interest && post.author.handle == "open',
        '  then remove',
        '  because "x"',
        '',
      ].join('\n'),
    );
    expect(where(checked)).toEqual([
      ['BL011', '5:3', 'if'],
      ['BL017', '10:27', 'contains'],
      ['BL010', '16:3', 'Then'],
      ['BL001', '19:34', '#'],
      ['BL012', '23:3', 'then'],
      ['BL008', '27:29', '&&'],
      ['BL003', '27:54', '"open'],
    ]);
  });

  it('keeps going after a broken declaration: the next ones still parse', () => {
    const text = 'rule a when then remove\nrule b when x = 1 then remove\nrule c when y then remove because "z" "w"\n';
    const result = parse(text, 'f.policy');
    expect(result.ast).toBeNull();
    const lines = result.diagnostics.map((d) => d.span.start.line);
    expect(new Set(lines)).toEqual(new Set([1, 2, 3]));
  });

  it('reports every type error of a file at once, in file order', () => {
    const checked = checkPolicy(
      [
        'context leader = post.author.role == world_leadr', //     4
        '',
        'rule a',
        '  when leader and post.author.folowers > 10', //          7
        '  then remove',
        '  because "x"',
        '',
        'rule b',
        '  when post.topic has political_issue or post.target > individual', // 12
        '  then remvoe', //                                       13
        '  because "x"',
        '',
        'rule c',
        '  when post.author.followers == world_leader', //        17
        '  then suspend',
        '  because "x"',
        '',
        'exemption e',
        '  from c, bb', //                                        22
        '  when post.public_interest',
        '  then lock', //                                         24
        '  because "x"',
        '',
      ].join('\n'),
    );
    expect(where(checked)).toEqual([
      ['BL204', '4:38', 'world_leadr'],
      ['BL202', '7:31', 'folowers'],
      ['BL206', '12:8', 'post.topic'],
      ['BL207', '12:42', 'post.target > individual'],
      ['BL304', '13:8', 'remvoe'],
      ['BL205', '17:8', 'post.author.followers == world_leader'],
      ['BL302', '22:11', 'bb'],
    ]);
  });

  it('reports errors in every version of a policy set, and a shared module once', () => {
    const version = (n: number, extra: string) =>
      `policy p\nversion "${n}"\neffective 202${n}-01-01\nuse shared\n${extra}`;
    const checked = checkFiles(
      {
        'set/shared.policy': 'use moderation\ninput post: Post\ndefault allow\nrule r\n  when post.author.folowers > 1\n  then remove\n  because "x"\n',
        'set/v1.policy': version(1, 'rule one\n  when post.target == nobody\n  then remove\n  because "x"\n'),
        'set/v2.policy': version(2, 'rule two\n  when post.public_interest\n  then erase\n  because "x"\n'),
      },
      'set',
    );
    expect(checked.diagnostics.map((d) => [d.code, d.span.file, underlined(d, checked.sources)])).toEqual([
      ['BL202', 'set/shared.policy', 'folowers'],
      ['BL204', 'set/v1.policy', 'nobody'],
      ['BL304', 'set/v2.policy', 'erase'],
    ]);
  });

  describe('no follow-on errors', () => {
    const codes = (checked: Checked) => checked.diagnostics.map((d) => d.code);

    it('a field whose type is wrong is not also "unknown" where it is read', () => {
      const checked = checkFiles({
        'f/v.policy': 'use moderation\nrecord P { a: Unknwn, b: bool }\ninput post: P\ndefault allow\nrule r\n  when post.a == 1 and post.b\n  then remove\n  because "x"\n',
      });
      expect(codes(checked)).toEqual(['BL203']);
    });

    it('an input of an unknown type makes nothing read from it an error of its own', () => {
      const checked = checkFiles({
        'f/v.policy': 'use moderation\ninput post: Pst\ndefault allow\nrule r\n  when post.a has x and post\n  then remove\n  because "x"\n',
      });
      expect(codes(checked)).toEqual(['BL203']);
    });

    it('an exemption naming a rule that has errors is not checked against it', () => {
      const checked = checkPolicy('rule r\n  when post.nope\n  then remove\n  because "x"\nexemption e\n  from r\n  when post.public_interest\n  then suspend\n  because "x"\n');
      expect(codes(checked)).toEqual(['BL202']);
    });

    it('a file with syntax errors is not type-checked', () => {
      const checked = checkPolicy('rule r\n  when post.nope = 1\n  then remove\n  because "x"\n');
      expect(codes(checked)).toEqual(['BL002']);
    });

    it('a misspelt field compared with a member: the member is not also unknown', () => {
      expect(codes(checkPolicy('rule r\n  when post.targt == individual\n  then remove\n  because "x"\n'))).toEqual(['BL202']);
      expect(codes(checkPolicy('rule r\n  when individual != post.targt\n  then remove\n  because "x"\n'))).toEqual(['BL202']);
    });

    it('without an input, or with a second one, reading its fields is no further error', () => {
      const none = checkFiles({ 'f/v.policy': 'use moderation\ndefault allow\nrule r\n  when post.public_interest and post.target == individual\n  then remove\n  because "x"\n' });
      expect(codes(none)).toEqual(['BL211']);
      const two = checkFiles({ 'f/v.policy': 'use moderation\ninput post: Post\ninput p2: Post\ndefault allow\nrule r\n  when p2.public_interest\n  then remove\n  because "x"\n' });
      expect(codes(two)).toEqual(['BL212']);
    });

    it('a context with an error is not also unused or part of a cycle', () => {
      const checked = checkPolicy('context c = post.nope\nrule r\n  when c\n  then remove\n  because "x"\n');
      expect(codes(checked)).toEqual(['BL202']);
    });
  });
});
