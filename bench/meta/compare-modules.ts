/**
 * Two compiled Meta modules side by side: does a compiler change make `decide` faster?
 *
 *   npx tsx bench/meta/compare-modules.ts OLD/index.js NEW/index.js [--rounds 41] [--posts 50000]
 *
 * (build each with `node bin/bylaw.js compile policies/meta -o DIR --target js` at the two
 * commits). The Meta counterpart of bench/compare-modules.ts, against the hand-written function
 * (handwritten.ts), on the Meta benchmark's posts (data.ts); the method is ../compare.ts's. OLD
 * and NEW must agree on every post (every field of both outcomes) before anything is timed.
 */
import { compareModules } from '../compare.js';
import { generatePieces } from './data.js';
import { decide as handwritten } from './handwritten.js';
import { makePass } from './timing.js';

await compareModules(process.argv.slice(2), {
  command: 'npx tsx bench/meta/compare-modules.ts',
  base: { name: 'hand-written', decide: handwritten },
  posts: generatePieces,
  makePass,
  agree: (old, next, pieces) => {
    for (let i = 0; i < pieces.length; i++) {
      const a = JSON.stringify(old(pieces[i]!));
      const b = JSON.stringify(next(pieces[i]!));
      if (a !== b) throw new Error(`OLD and NEW disagree on post #${i} ${JSON.stringify(pieces[i])}: ${a} against ${b}`);
    }
  },
});
