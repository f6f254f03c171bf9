/**
 * Two compiled Twitter modules side by side: is a compiler change a slowdown?
 *
 *   npx tsx bench/compare-modules.ts OLD/index.js NEW/index.js [--rounds 41] [--posts 50000]
 *
 * (build each with `node bin/bylaw.js compile policies/twitter -o DIR --target js` at the two
 * commits). Against the tuned hand-written function; the method is bench/compare.ts's.
 */
import { compareModules } from './compare.js';
import { benchPosts } from './data.js';
import { decide as tuned } from './engines/handwritten-tuned.js';
import { makePass, type SyncDecide } from './timing.js';

await compareModules(process.argv.slice(2), {
  command: 'npx tsx bench/compare-modules.ts',
  base: { name: 'tuned', decide: tuned as SyncDecide },
  posts: (count) => benchPosts().slice(0, count),
  makePass,
  agree: (old, next, posts) => {
    if (makePass('OLD check')(old, posts) !== makePass('NEW check')(next, posts)) process.stdout.write('note: OLD and NEW decide differently on these posts (checksums differ)\n');
  },
});
