/**
 * The golden case files and the policy set each runs on, with the fewest cases each must hold (a
 * file emptied by mistake fails instead of passing): the visible cases, and the cases written from
 * the YouTube and Meta guidelines alone. Every engine's golden test runs each of them.
 */
export const GOLDEN_FILES = [
  { name: 'twitter', file: 'test/golden/twitter.cases.json', least: 14 },
  { name: 'youtube', file: 'test/golden/youtube.cases.json', least: 15 },
  { name: 'youtube', file: 'test/golden/youtube.guidelines.cases.json', least: 50 },
  { name: 'meta', file: 'test/golden/meta.cases.json', least: 16 },
  { name: 'meta', file: 'test/golden/meta.guidelines.cases.json', least: 70 },
] as const;
