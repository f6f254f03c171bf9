import type { MetaDecision, Piece } from './types.js';

export type Decide = (piece: Piece) => MetaDecision;
export type Pass = (decide: Decide, pieces: readonly Piece[]) => number;

let loops = 0;
/**
 * A timing loop of its own per engine (see ../timing.ts for why): decides every post; checksum =
 * Σ lengths of both actions. Built from text only so each engine gets a call site of its own.
 */
export function makePass(label: string): Pass {
  return new Function(
    'decide',
    'pieces',
    `"use strict"; // timing loop: meta ${label.replace(/[^\w ]/g, '_')} #${++loops}
     let sink = 0;
     for (let i = 0; i < pieces.length; i++) {
       const o = decide(pieces[i]).outcomes;
       sink = (sink + o.content.action.length + o.account.action.length) | 0;
     }
     return sink >>> 0;`,
  ) as Pass;
}
