import { diffToJson } from './diff-json.js';
import type { DiffLabels, RenderOptions } from './diff-layout.js';
import { renderDiffMarkdown } from './diff-markdown.js';
import { renderDiffText } from './diff-text.js';
import type { SemanticDiff } from './diff-types.js';

/**
 * The renderings of a semantic diff: terminal text (diff-text.ts), a pull-request comment
 * (diff-markdown.ts), JSON (diff-json.ts). Text and Markdown share one layout (diff-layout.ts).
 */

export type { DiffLabels, RenderOptions } from './diff-layout.js';

export type DiffFormat = 'text' | 'markdown' | 'json';

export function renderDiff(diff: SemanticDiff, labels: DiffLabels, format: DiffFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(diffToJson(diff, labels), null, 2);
    case 'markdown':
      return renderDiffMarkdown(diff, labels, options);
    default:
      return renderDiffText(diff, labels, options);
  }
}

