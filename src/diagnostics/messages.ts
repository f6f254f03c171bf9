import type { Code } from './codes.js';
import type { Span } from './span.js';
import { didYouMean } from './suggest.js';
import { BL0 } from './messages/bl0.js';
import { BL1 } from './messages/bl1.js';
import { BL2 } from './messages/bl2.js';
import { BL5 } from './messages/bl5.js';
import { BL6 } from './messages/bl6.js';
import { code, listOf, type Built } from './messages/common.js';

/**
 * The registry's message constructors, one for every code: its message, help and notes from
 * typed arguments, so each text is written once, here and in messages/ (a file per family), and
 * every report site goes through `DiagnosticBag.emit`. The clause codes (BL3xx) and the warnings
 * (BL4xx) are here; syntax, modules, names and types, and statements of reasons in
 * messages/bl0.ts, bl1.ts, bl2.ts and bl5.ts (whose constructors also word `checkMapping`'s
 * problems, in the model's terms), and the case files' (BL6xx) in messages/bl6.ts.
 */
export type { Built };

const scaleText = (members: readonly string[]): string => members.map(code).join(' < ');

/** A scale as a message shows it: its name and members, least severe first. */
export interface ScaleText {
  readonly name: string;
  readonly members: readonly string[];
}

export const MESSAGES = {
  ...BL0,
  ...BL1,
  ...BL2,
  ...BL5,
  ...BL6,
  BL301: (a: { exemption: string; redline: string; declared: Span }): Built => ({
    message: `exemption ${code(a.exemption)} names red line ${code(a.redline)}`,
    notes: [{ message: 'the red line is declared here', span: a.declared }],
    help: 'red lines cannot be exempted; to allow exceptions, make it a `rule`',
  }),
  /** `is`: what the name is instead of a rule (`a context`), null when it names nothing. */
  BL302: (a: { name: string; is: string | null; context: boolean; rules: Iterable<string> }): Built => ({
    message: a.is ? `${code(a.name)} is ${a.is}, not a rule` : `unknown rule ${code(a.name)}`,
    help:
      didYouMean(a.name, a.rules) ??
      (a.context
        ? `an exemption's \`from\` names rules; to exempt only when ${code(a.name)} holds, write \`when ${a.name}\``
        : "an exemption's `from` names rules declared in this file or a module it uses"),
  }),
  /** `outcome`: the outcome compared, null in a one-outcome policy (where it goes unsaid). */
  BL303: (a: { exemption: string; mine: string; rule: string; theirs: string; outcome: string | null; scale: readonly string[]; ruleDeclared: Span }): Built => ({
    message: `exemption ${code(a.exemption)} (${code(a.mine)}) is more severe than rule ${code(a.rule)} (${code(a.theirs)})${a.outcome === null ? '' : ` in ${code(a.outcome)}`}`,
    notes: [{ message: `${code(a.rule)} is declared here`, span: a.ruleDeclared }],
    help: `an exemption softens a rule; use an action no more severe than ${code(a.theirs)} (scale: ${scaleText(a.scale)})`,
  }),
  BL304: (
    a:
      | { readonly kind: 'none' }
      | { readonly kind: 'scale'; readonly scale: string; readonly scales: readonly string[] }
      | { readonly kind: 'member'; readonly member: string; readonly on: readonly ScaleText[] },
  ): Built => {
    if (a.kind === 'none') return { message: 'no action', help: 'name an action after `then`' };
    if (a.kind === 'scale') {
      return { message: `${code(a.scale)} is not the scale of an outcome`, help: didYouMean(a.scale, a.scales) ?? `outcome scales: ${a.scales.map(code).join(', ')}` };
    }
    const where = a.on.length === 1 ? `the scale ${code(a.on[0]!.name)}` : 'any outcome scale';
    return {
      message: `${code(a.member)} is not an action on ${where}`,
      help: didYouMean(a.member, a.on.flatMap((s) => s.members)) ?? a.on.map((s) => `${code(s.name)}: ${scaleText(s.members)}`).join('; '),
    };
  },
  BL305: (a: { member: string; outcomes: readonly { outcome: string; scale: string }[] }): Built => ({
    message: `${code(a.member)} is on the scales of ${a.outcomes.map((o) => code(o.outcome)).join(' and ')}`,
    help: `say which: ${a.outcomes.map((o) => code(`${o.scale}.${a.member}`)).join(' or ')}`,
  }),
  /** `declared`: the version declares its outcomes; `written`: each action as written, the first kept. */
  BL306: (a: { declared: boolean; outcome: string; where: 'clause' | 'default'; written: readonly string[]; first: string; firstSpan: Span }): Built => {
    const choices = a.written.map(code);
    // A line of hundreds of actions is not worth printing in full.
    const keep = choices.length > 8 ? `one of ${choices.slice(0, 8).join(', ')}, …` : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
    const notes = [{ message: `${code(a.first)} is its first action`, span: a.firstSpan }];
    if (a.declared) {
      return {
        message: `${a.written.length === 2 ? 'two' : a.written.length} actions for the outcome ${code(a.outcome)}`,
        notes,
        help: `${a.where === 'clause' ? 'a clause' : '`default`'} names at most one action per outcome: keep ${keep}`,
      };
    }
    return {
      message: `${a.where === 'clause' ? 'a clause' : 'the `default`'} of a one-outcome policy has one action`,
      notes,
      help: `keep ${keep}; to decide several things at once, declare outcomes (\`outcome content: Content\`) on scales of their own`,
    };
  },
  /** `written`: the duration written on a member declared without one (`3 days`), null when one is missing. */
  BL307: (a: { member: string; scale: string; written: string | null }): Built =>
    a.written === null
      ? { message: `${code(a.member)} needs a duration`, help: `${code(a.scale)} declares \`${a.member}(duration)\`: give it one, as in \`${a.member} for 1 week\`` }
      : {
          message: `${code(a.member)} takes no duration`,
          help: `${code(a.scale)} declares ${code(a.member)} without \`(duration)\`: drop \`for ${a.written}\`, or declare \`${a.member}(duration)\``,
        },
  BL308: (
    a:
      | { readonly kind: 'twice'; readonly outcome: string; readonly first: Span }
      | { readonly kind: 'not-a-scale'; readonly scale: string; readonly declared: boolean; readonly scales: readonly string[] }
      | { readonly kind: 'shared'; readonly first: string; readonly second: string; readonly scale: string; readonly firstSpan: Span },
  ): Built => {
    if (a.kind === 'twice') {
      return { message: `outcome ${code(a.outcome)} is declared twice`, notes: [{ message: 'first declared here', span: a.first }], help: 'each outcome is decided once; rename one of them' };
    }
    if (a.kind === 'not-a-scale') {
      return {
        message: a.declared ? `${code(a.scale)} is not a scale` : `unknown scale ${code(a.scale)}`,
        help: didYouMean(a.scale, a.scales) ?? 'an outcome is decided on a scale: declare `scale Name { a < b }`',
      };
    }
    return {
      message: `outcomes ${code(a.first)} and ${code(a.second)} share the scale ${code(a.scale)}`,
      notes: [{ message: `${code(a.first)} is declared here`, span: a.firstSpan }],
      help: 'an action names its outcome by its scale: give each outcome a scale of its own',
    };
  },
  BL309: (a: { member: string; scale: string }): Built => ({
    message: `${code(a.member)}, the least severe action of ${code(a.scale)}, carries a duration`,
    help: 'the least severe member is what an outcome gets when nothing decides it: put an action without a duration first, such as `none`',
  }),
  // Warnings (BL4xx)
  BL401: (a: { context: string }): Built => ({ message: `context ${code(a.context)} is never used`, help: 'use it in a clause or another context, or delete it' }),
  /** `never`: which of the clause's conditions rules it out. */
  BL402: (a: { kind: 'redline' | 'rule' | 'exemption'; clause: string; never: 'when' | 'unless' }): Built => ({
    message: `${a.kind === 'redline' ? 'red line' : a.kind} ${code(a.clause)} can never ${a.kind === 'exemption' ? 'apply' : 'fire'}: ${
      a.never === 'when' ? 'its `when` condition never holds' : 'its `unless` holds whenever its `when` does'
    }`,
    help: 'look for contradictory tests of the same field, such as `x == a and x == b`',
  }),
  /** `outcome`: where the rule never decides, null in a one-outcome policy (where it goes unsaid). */
  BL403: (a: { rule: string; outcome: string | null; redline: string; action: string; redlineDeclared: Span }): Built => ({
    message: `rule ${code(a.rule)} never decides${a.outcome === null ? '' : ` in ${code(a.outcome)}`}: red line ${code(a.redline)} fires whenever it does`,
    notes: [{ message: `${code(a.redline)} (${code(a.action)}) is declared here`, span: a.redlineDeclared }],
    help: 'a red line wins ties and cannot be exempted; remove the rule or make it more severe',
  }),
  BL404: (a: { kind: 'Redline' | 'Rule' | 'Exemption'; clause: string }): Built => ({
    message: `${a.kind === 'Redline' ? 'red line' : a.kind.toLowerCase()} ${code(a.clause)} has no \`because\``,
    help: 'add `because "…"` quoting the guideline it enforces; decisions and appeals show it',
  }),
  /** `in`: where the repeat is: a list (an exemption's `from`, a set), an enum, a scale. */
  BL405: (a: { name: string; in: { readonly list: true } | { readonly enum: string } | { readonly scale: true } }): Built => {
    if ('enum' in a.in) return { message: `${code(a.name)} is listed twice in enum ${code(a.in.enum)}`, help: 'delete the repeat' };
    if ('scale' in a.in) return { message: `${code(a.name)} is on the scale twice`, help: 'a scale lists each action once; delete the repeat' };
    return { message: `${code(a.name)} is listed twice`, help: 'delete the repeat' };
  },
  /** Suspicious Unicode: hidden and control characters (`in` where), names that mix scripts or look like others. */
  BL406: (
    a:
      | { readonly kind: 'hidden'; readonly bidi: boolean; readonly description: string; readonly code: number; readonly in: 'string' | 'comment' | { readonly name: string } }
      | { readonly kind: 'bom' }
      | { readonly kind: 'control'; readonly description: string; readonly code: number; readonly in: 'string' | 'comment' }
      | { readonly kind: 'mixed'; readonly name: string; readonly first: string; readonly second: string; readonly char: string; readonly label: string; readonly latin: boolean }
      | { readonly kind: 'compatibility'; readonly name: string; readonly normal: string }
      | { readonly kind: 'more'; readonly skipped: number; readonly listed: number }
      | { readonly kind: 'lookalike'; readonly name: string; readonly earlier: string; readonly difference: string; readonly earlierDeclared: Span },
  ): Built => {
    const escape = (n: number): string => `\`\\u{${n.toString(16).toUpperCase()}}\``;
    switch (a.kind) {
      case 'hidden': {
        const shown = a.bidi ? `${a.description}, which changes the order in which text is displayed` : `the invisible character ${a.description}`;
        if (a.in === 'string') {
          return { message: `string contains ${shown}`, help: `the string can display differently from how Bylaw reads it; delete the character, or if it is meant write it as the escape ${escape(a.code)}` };
        }
        if (a.in === 'comment') {
          return {
            message: `comment contains ${shown}`,
            help: a.bidi ? 'it can make the code after it display in a different order from how Bylaw reads it; delete it' : 'a comment has no use for it; delete it',
          };
        }
        return { message: `name ${code(a.in.name)} contains ${shown}`, help: 'two names that look the same can differ by it; retype the name without it' };
      }
      case 'bom':
        return { message: 'byte order mark U+FEFF inside the file', help: 'a byte order mark belongs only at the very start of a file; delete it' };
      case 'control': {
        const what = `the control character ${a.description}`;
        if (a.in === 'string') {
          return {
            message: `string contains ${what}`,
            help: `a terminal that prints the string acts on it (erases, moves the cursor, recolours) instead of showing it; delete it, or if it is meant write it as the escape ${escape(a.code)}`,
          };
        }
        return { message: `comment contains ${what}`, help: 'it can hide or overwrite text when the file is shown in a terminal; delete it' };
      }
      case 'mixed':
        return {
          message: `name ${code(a.name)} mixes ${a.first} and ${a.second} letters: ${code(a.char)} (${a.label}) is ${a.second}`,
          help: `letters of different scripts can look identical (Latin \`a\`, Cyrillic \`а\`); write the name in one script${a.latin ? ', e.g. all Latin' : ''}`,
        };
      case 'compatibility':
        return {
          message: `name ${code(a.name)} is written with compatibility characters and reads as ${code(a.normal)}`,
          help: `fullwidth, mathematical and other compatibility letters look like plain ones; write ${code(a.normal)}`,
        };
      case 'more':
        return {
          message: `${a.skipped} more suspicious character${a.skipped === 1 ? '' : 's'} in this file`,
          help: `only the first ${a.listed} are listed one by one; the file is worth inspecting as a whole`,
        };
      case 'lookalike':
        return {
          message: `${code(a.name)} looks the same as ${code(a.earlier)} but is a different name`,
          notes: [{ message: `${code(a.earlier)} is declared here`, span: a.earlierDeclared }],
          help: `${a.difference}; rename one of them so that names that look alike are alike`,
        };
    }
  },
  /** `by`: the exemptions that outrank it (`before`: equally severe and declared before it); `more`: others too. */
  BL407: (a: {
    exemption: string;
    by: readonly { name: string; action: string; declared: Span; before: boolean }[];
    more: boolean;
    declaredOutcomes: boolean;
  }): Built => {
    const names = listOf([...a.by.map((e) => code(e.name)), ...(a.more ? ['others'] : [])], 'and');
    return {
      message: `exemption ${code(a.exemption)} never applies: ${names} ${a.by.length === 1 && !a.more ? 'applies' : 'apply'} whenever it would`,
      notes: a.by.map((e) => ({ message: `${code(e.name)} (${code(e.action)}) is declared here${e.before ? ', before it' : ''}`, span: e.declared })),
      help: `a fired rule takes the least severe exemption that applies to it (${a.declaredOutcomes ? 'compared outcome by outcome, in the order the outcomes are declared; ' : ''}the first declared of equally severe ones); delete ${code(a.exemption)}, or add an \`unless\` to ${a.by.length === 1 ? code(a.by[0]!.name) : 'them'} for the cases ${code(a.exemption)} should decide`,
    };
  },
  /** `rules`: those the exemption names (the first `noted` get a note). */
  BL408: (a: { exemption: string; rules: readonly { name: string; declared: Span }[]; noted: number }): Built => ({
    message: `exemption ${code(a.exemption)} never applies: its condition never holds when ${listOf(a.rules.map((r) => code(r.name)), 'or')} fires`,
    notes: a.rules.slice(0, a.noted).map((r) => ({ message: `${code(r.name)} is declared here`, span: r.declared })),
    help: 'an exemption applies only to a fired rule that it names; its `when` contradicts the conditions of the rules in its `from` list — check both',
  }),
  BL410: (a: { path: string }): Built => ({
    message: `${code(a.path)} is never absent: \`exists\` is always true here`,
    help: 'only a field declared optional (`field: T?`) may be absent; drop the test',
  }),
} as const satisfies Record<Code, (args: never) => Built>;

/** The codes whose texts the registry builds: every code (`satisfies` above checks that none lacks one). */
export type MessageCode = keyof typeof MESSAGES;
export type MessageArgs<C extends MessageCode> = Parameters<(typeof MESSAGES)[C]>[0];
