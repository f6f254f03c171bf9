import type { Comment } from '../ast/nodes.js';
import { breakParent, hardline, lineSuffix, type Doc } from './doc.js';

/**
 * Places comments at line breaks. The printer walks the tree in source order and, at every place
 * where the layout may start a new line, asks for the comments that come before the next token.
 * So a comment always lands at the first possible line break at or after where the author put it:
 *
 * - the first of them, if it ended a line of code, stays at the end of the line before the break;
 * - the others are printed on their own lines after the break, at the indentation of what follows.
 *
 * Both forms force the surrounding group to break, so a reformatted file puts each comment at the
 * same break again: the placement is idempotent, and comments never change order.
 */
export class CommentCursor {
  private next = 0;

  constructor(
    private readonly text: string,
    private readonly comments: readonly Comment[],
  ) {}

  /** The offset of the first token at or after `offset`: skips whitespace and comments. */
  tokenAt(offset: number): number {
    let i = offset;
    while (i < this.text.length) {
      if (isWhitespace(this.text.charCodeAt(i))) i++;
      else if (this.text.startsWith('//', i)) while (i < this.text.length && !isLineBreak(this.text.charCodeAt(i))) i++;
      else break;
    }
    return i;
  }

  /** Past a comma that follows `offset` (a trailing comma in a list), else `offset`. */
  skipComma(offset: number): number {
    const token = this.tokenAt(offset);
    return this.text[token] === ',' ? token + 1 : offset;
  }

  /** `line` (a line, softline or hardline) before the token at `offset`, with the comments before that token. */
  lineBefore(offset: number, line: Doc): Doc {
    const { trailing, ownLine } = this.take(offset);
    if (!trailing && ownLine.length === 0) return line;
    return [trailing ? endOfLine(trailing) : '', line, ownLine.map((c) => [print(c), hardline])];
  }

  /** The comments before a closing bracket at `offset`, to print inside the block before its last line break. */
  beforeClosing(offset: number): Doc {
    const { trailing, ownLine } = this.take(offset);
    return [trailing ? endOfLine(trailing) : '', ownLine.map((c) => [hardline, print(c)])];
  }

  /**
   * Before a top-level item at `offset`: the previous item's end-of-line comment, the separator, then
   * own-line comments. A blank line the author left after a top-level comment is kept (as one), so a
   * file's opening comment stays apart from the first declaration's own comment.
   */
  beforeItem(offset: number, separator: Doc): Doc {
    const { trailing, ownLine } = this.take(offset);
    return [trailing ? endOfLine(trailing) : '', separator, ownLine.map((c) => [print(c), this.lineAfter(c)])];
  }

  /** Whatever is left after the last item (set one blank line apart), then the file's final newline. */
  endOfFile(hasItems: boolean): Doc {
    const { trailing, ownLine } = this.take(Number.POSITIVE_INFINITY);
    if (!hasItems && ownLine.length === 0) return '';
    const lines = ownLine.map((c, i) => [i === 0 ? '' : this.lineAfter(ownLine[i - 1]!), print(c)]);
    return [trailing ? endOfLine(trailing) : '', hasItems && ownLine.length > 0 ? [hardline, hardline] : '', lines, hardline];
  }

  private take(offset: number): { trailing: Comment | null; ownLine: Comment[] } {
    const taken: Comment[] = [];
    while (this.next < this.comments.length && this.comments[this.next]!.span.start.offset < offset) {
      taken.push(this.comments[this.next++]!);
    }
    const first = taken[0];
    return first && this.endsCodeLine(first) ? { trailing: first, ownLine: taken.slice(1) } : { trailing: null, ownLine: taken };
  }

  /** True when code precedes the comment on its line. */
  private endsCodeLine(comment: Comment): boolean {
    for (let i = comment.span.start.offset - 1; i >= 0; i--) {
      const code = this.text.charCodeAt(i);
      if (isLineBreak(code)) return false;
      if (!isWhitespace(code)) return true;
    }
    return false;
  }

  /** The line break after a top-level comment: two when the author left a blank line after it. */
  private lineAfter(comment: Comment): Doc {
    return this.blankAfter(comment) ? [hardline, hardline] : hardline;
  }

  private blankAfter(comment: Comment): boolean {
    let breaks = 0;
    for (let i = comment.span.end.offset; i < this.text.length; i++) {
      const code = this.text.charCodeAt(i);
      if (!isWhitespace(code)) break;
      // `\r\n` is one line break.
      if (code === 10 || (code === 13 && this.text.charCodeAt(i + 1) !== 10)) breaks++;
    }
    return breaks >= 2;
  }
}

/** Trailing whitespace is dropped: it is invisible and the printer trims line ends anyway. */
function print(comment: Comment): string {
  return comment.text.trimEnd();
}

function endOfLine(comment: Comment): Doc {
  return [lineSuffix(` ${print(comment)}`), breakParent];
}

/** The lexer's whitespace: ` \t\r\n\f\v`, no-break space and the byte-order mark. */
function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff;
}

/** Line breaks as Chevrotain counts them: `\n`, `\r\n` and a lone `\r`. */
function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}
