/**
 * A large version: V8 does not optimize a function of more than 60 KB of bytecode, and a single
 * decide of thousands of clauses (and thousands of cache locals) stays interpreted. Instead the
 * clauses go, in the same order, into chunk functions of bounded size that `$decideN` calls one
 * after the other, passing the best answer so far (an index) along; with declared outcomes, one
 * such chain per outcome.
 *
 * The per-call caches of contexts, exemptions and clauses live in one module-level Int32Array
 * that every chunk shares, without a per-call reset or allocation: a slot holds `t` (true) or
 * `-t` (false) where `t` is the call's epoch, a counter bumped by each call, so values of earlier
 * calls never match. A nested call (explain, or a getter on the input calling decide) gets a
 * later epoch and cannot disturb the caller's slots. Before the counter leaves V8's small
 * integers it starts again at 1 with a fresh array (a call still running keeps the old one).
 * Value contexts and quantifiers are computed at the start of the call and passed to the chunks
 * that read them.
 */
import { comment, internal } from './names.js';
import { ts, Writer } from './emit.js';
import { dropUnreadBestKey, type VersionDecide } from './decide.js';

/** A chunked decide's epoch counter starts again here: it stays a small integer (a Smi) in V8. */
const EPOCH_LIMIT = 0x3fffffff;

const usesIn = (code: string, name: string) => new RegExp(`(?<![\\w$])${name.replace('$', '\\$')}(?![\\w$])`).test(code);

export function emitChunked(d: VersionDecide, w: Writer, sharedExemptions: ReadonlyMap<string, string>, chunkChars: number): void {
  // Start again: the functions and values written so far were for the one-function shape.
  d.restart();
  d.slots = new Map(
    [...d.analysis.cachedContexts.values(), ...sharedExemptions.values(), ...d.sharedClauses.values()].map((local, slot) => [local, slot]),
  );
  const v = d.index;
  const cache = internal(`cache${v}`);
  const epoch = internal(`epoch${v}`);
  const slots = d.slots.size;
  const maskVars = d.analysis.masks.flatMap((m) => m.variables);
  const functions: Writer[] = [];
  const tables: string[] = [];
  let caches = false;
  let chunkCount = 0;

  /** One outcome's chain: the chunk functions' calls, or null when nothing contributes to it. */
  const chains = d.outcomes.map((answers, o) => {
    const entries = answers.plan.contributions;
    if (entries.length === 0 && d.several) return null;
    const keyTable = internal(d.several ? `keys${v}_${o}` : `keys${v}`);
    const { chunks, keys } = d.writeBody(answers, o, sharedExemptions, chunkChars)!;
    const calls: string[] = [];
    let readsKeys = false;
    chunks.forEach((body) => {
      // Comments and strings may mention anything: parameters are found in the code between them.
      const code = body.toString().replace(/^\s*\/\/.*$/gm, '').replace(/"(?:[^"\\]|\\.)*"/g, '""');
      const compares = dropUnreadBestKey(body, code);
      body.line('return $best;');
      const params = [
        ...(usesIn(code, 'input') ? [`input${ts(`: ${d.inputType}`)}`] : []),
        ...maskVars.filter((m) => usesIn(code, m)).map((m) => `${m}${ts(': number')}`),
        ...(usesIn(code, '$c') ? [`$c${ts(': Int32Array')}`, `$t${ts(': number')}`] : []),
        ...d.cachedValues.filter((x) => usesIn(code, x.local)).map((x) => `${x.local}${ts(`: ${x.type}`)}`),
        `$best${ts(': number')}`,
      ];
      caches ||= usesIn(code, '$c');
      readsKeys ||= compares;
      const name = internal(`chunk${v}_${chunkCount++}`);
      const f = new Writer();
      f.block(`function ${name}(${params.join(', ')})${ts(': number')} {`, () => {
        if (compares) f.line(`let $bestKey = ${keyTable}[$best]${ts('!')};`);
        f.raw(body);
      });
      functions.push(f);
      calls.push(`${name}(${params.map((p) => p.replace(/«.*»$/, '')).join(', ')})`);
    });
    const label = d.several ? `, outcome ${d.program.outcomes[o]!.name}` : '';
    tables.push(comment(`version ${v}${label}: ${entries.length} red lines and rules in ${chunks.length} chunks (see docs/compiling.md)`));
    if (!d.several) {
      const outcomes = internal(`constants${v}`);
      tables.push(`const ${outcomes}${ts(': readonly Decision[]')} = [${answers.constants.map((c) => c.constant).join(', ')}];`);
    }
    if (readsKeys) {
      const table = answers.constants.map((c) => keys.get(c.index) ?? 0);
      tables.push(`const ${keyTable} = new Int32Array([${table.join(', ')}]);`);
    }
    return calls;
  });
  const eager = d.cachedValues.map((x) => `const ${x.local} = ${x.code};`);
  caches ||= eager.some((line) => usesIn(line, '$c'));

  w.line(tables[0]!);
  if (caches) {
    w.line(`let ${epoch} = 0;`);
    w.line(`let ${cache} = new Int32Array(${slots});`);
  }
  for (const line of tables.slice(1)) w.line(line);
  w.line();
  d.emitHelpers(w);
  for (const f of functions) {
    w.raw(f);
    w.line();
  }
  w.block(`function ${d.fn}(input${ts(`: ${d.inputType}`)})${ts(': Decision')} {`, () => {
    d.emitMasks(w);
    d.emitGate(w, d.several ? `${d.combine}(${d.outcomes.map(() => '0').join(', ')})` : d.outcomes[0]!.defaultConstant.constant);
    if (caches) {
      w.block(`if (++${epoch} === ${EPOCH_LIMIT}) {`, () => {
        w.line(`${cache} = new Int32Array(${slots});`);
        w.line(`${epoch} = 1;`);
      });
      w.line(`const $c = ${cache};`);
      w.line(`const $t = ${epoch};`);
    }
    for (const line of eager) w.line(line);
    if (!d.several) {
      const outcomes = internal(`constants${v}`);
      w.line(`let $best = ${d.outcomes[0]!.defaultConstant.index};`);
      for (const call of chains[0]!) w.line(`if (($best = ${call}) < 0) return ${outcomes}[~$best]${ts('!')};`);
      w.line(`return ${outcomes}[$best]${ts('!')};`);
      return;
    }
    chains.forEach((calls, o) => {
      if (calls === null) {
        w.line(`const $a${o} = 0;`);
        return;
      }
      w.line(`let $a${o} = 0;`);
      w.block(`$o${o}: {`, () => {
        for (const call of calls) w.line(`if (($a${o} = ${call.replace(/\$best\)$/, `$a${o})`)}) < 0) break $o${o};`);
      });
      w.line(`if ($a${o} < 0) $a${o} = ~$a${o};`);
    });
    w.line(`return ${d.combine}(${d.outcomes.map((_, o) => `$a${o}`).join(', ')});`);
  });
}
