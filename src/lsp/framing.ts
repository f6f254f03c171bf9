import { Transform, type TransformCallback } from 'node:stream';
import { ErrorCodes, type Message, type ResponseMessage } from 'vscode-languageserver';

/**
 * The stream of bytes from the editor, checked before the protocol library reads it.
 *
 * vscode-jsonrpc's reader stops for good at the first bad header: it reports an error and leaves
 * the bad bytes at the head of its buffer, so every later message waits behind them and the server
 * never answers again (its buffer is private, it has no way to skip ahead). Rather than fork it,
 * this transform sits between stdin and the library: it reads each frame itself, passes on only
 * well-formed JSON-RPC messages (re-framed with a plain `Content-Length` header), reports the rest,
 * and after a bad frame skips to the next `Content-Length:` header. It also caps the declared
 * length, so no header can make the server buffer without bound.
 */

/** The largest message body accepted, in bytes (64 MiB); a larger `Content-Length` is refused unread. */
export const MAX_CONTENT_LENGTH = 64 * 1024 * 1024;
/** The longest header block accepted, in bytes; real ones are under 100. */
export const MAX_HEADER_BYTES = 4096;

/** Why a frame or message was dropped, and the error to answer with, when there is someone to answer. */
export interface Rejection {
  readonly message: string;
  readonly reply?: ResponseMessage;
}

export interface FrameFilterOptions {
  /** Told of every dropped frame or message. */
  readonly reject: (rejection: Rejection) => void;
  /** Decides on each well-formed message: null lets it through (the lifecycle rules live there). */
  readonly screen?: (message: Message) => Rejection | null;
}

const TERMINATOR = '\r\n\r\n';
const HEADER_NAME = /content-length:/i;
/** `Name: value`, name a token (RFC 9110), value printable ASCII. */
const HEADER_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\t\x20-\x7e]*$/;
/** A line still arriving: the start of a header line. */
const PARTIAL_LINE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]*(?::[\t\x20-\x7e]*)?\r?$/;

type State =
  | { readonly kind: 'header' }
  | { readonly kind: 'body'; readonly length: number; readonly scan: BodyScan }
  /** After a bad frame: skipping bytes up to the next `Content-Length:`. */
  | { readonly kind: 'resync' };

export class FrameFilter extends Transform {
  private readonly bytes = new ByteQueue();
  private state: State = { kind: 'header' };

  constructor(private readonly options: FrameFilterOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes.push(chunk);
    this.pump();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.state.kind !== 'resync' && this.bytes.length > 0) {
      this.fail(`the input ended inside a message (${this.bytes.length} bytes unread)`);
    }
    done();
  }

  private pump(): void {
    for (;;) {
      const state = this.state;
      if (state.kind === 'resync') {
        if (!this.resync()) return;
      } else if (state.kind === 'header') {
        if (!this.header()) return;
      } else if (!this.body(state.length, state.scan)) return;
    }
  }

  /** Skips to the next `Content-Length:`; false when it has not arrived yet. */
  private resync(): boolean {
    const text = this.bytes.peek(this.bytes.length).toString('latin1');
    const at = text.search(HEADER_NAME);
    if (at < 0) {
      // Keep a tail that may be the start of the header name.
      this.bytes.skip(Math.max(0, text.length - ('content-length:'.length - 1)));
      return false;
    }
    this.bytes.skip(at);
    this.state = { kind: 'header' };
    return true;
  }

  /** Reads one header block; false when more bytes are needed. */
  private header(): boolean {
    const head = this.bytes.peek(MAX_HEADER_BYTES + TERMINATOR.length).toString('latin1');
    const end = head.indexOf(TERMINATOR);
    const block = end >= 0 ? head.slice(0, end) : head;
    const lines = block.split('\r\n');
    // Complete lines must be `Name: value`; a line still arriving must be the start of one.
    const bad = lines.find((l, i) => !(end < 0 && i === lines.length - 1 ? PARTIAL_LINE : HEADER_LINE).test(l));
    if (bad !== undefined) return this.badHeader(bad === '' || bad === '\r' ? 'a blank line where a header was expected' : `bytes that are not a header: ${preview(bad)}`);
    if (end < 0) {
      if (head.length > MAX_HEADER_BYTES) return this.badHeader(`a header longer than ${MAX_HEADER_BYTES} bytes`);
      return false;
    }
    const lengths = lines.filter((l) => /^content-length:/i.test(l)).map((l) => l.slice(l.indexOf(':') + 1).trim());
    if (lengths.length === 0) return this.badHeader(`a header without \`Content-Length\`: ${preview(block)}`);
    if (lengths.length > 1) return this.badHeader('a header with more than one `Content-Length`');
    const value = lengths[0]!;
    if (!/^\d+$/.test(value)) return this.badHeader(`\`Content-Length: ${preview(value, false)}\` is not a number of bytes`);
    const length = Number(value);
    if (length > MAX_CONTENT_LENGTH) return this.badHeader(`\`Content-Length: ${preview(value, false)}\` is over the limit of ${MAX_CONTENT_LENGTH} bytes (64 MiB)`);
    this.bytes.skip(end + TERMINATOR.length);
    this.state = { kind: 'body', length, scan: new BodyScan() };
    return true;
  }

  private badHeader(what: string): boolean {
    this.fail(`${what}; skipping to the next \`Content-Length\` header`);
    this.bytes.skip(1); // past this header's start, so the search finds the next one
    this.state = { kind: 'resync' };
    return true;
  }

  /** Reads one body of `length` bytes; false when more bytes are needed. */
  private body(length: number, scan: BodyScan): boolean {
    if (this.bytes.length < length) {
      // A complete JSON value followed by more text before the declared end: the length is wrong,
      // and waiting for the rest could wait for ever (the client waits for an answer).
      const valueEnd = scan.feed(this.bytes.slices(), length);
      if (valueEnd < 0) return false;
      this.fail(`a body longer than its JSON value (\`Content-Length: ${length}\`, the value ends after ${valueEnd} bytes); skipping to the next \`Content-Length\` header`);
      this.bytes.skip(valueEnd);
      this.state = { kind: 'resync' };
      return true;
    }
    const body = this.bytes.peek(length);
    const parsed = parseBody(body);
    if ('error' in parsed) {
      // The frame's length cannot be trusted: the next header may be inside what it claimed.
      this.fail(`${parsed.error}; skipping to the next \`Content-Length\` header`, errorReply(null, ErrorCodes.ParseError, parsed.error));
      this.state = { kind: 'resync' };
      return true;
    }
    this.bytes.skip(length);
    this.state = { kind: 'header' };
    const invalid = messageProblem(parsed.value);
    if (invalid) {
      // Answer with the id only when this was meant as a request: a broken response's id is one of ours.
      const value = parsed.value as { id?: unknown; method?: unknown } | null;
      const id = typeof value === 'object' && value !== null && 'method' in value && isId(value.id) ? value.id : null;
      this.fail(`not a JSON-RPC 2.0 message: ${invalid}`, errorReply(id, ErrorCodes.InvalidRequest, `not a JSON-RPC 2.0 message: ${invalid}`));
      return true;
    }
    const message = parsed.value as Message;
    const screened = this.options.screen?.(message) ?? null;
    if (screened) this.options.reject(screened);
    else {
      this.push(Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'));
      this.push(body);
    }
    return true;
  }

  private fail(message: string, reply?: ResponseMessage): void {
    this.options.reject(reply ? { message, reply } : { message });
  }
}

export function errorReply(id: number | string | null, code: number, message: string): ResponseMessage {
  return { jsonrpc: '2.0', id, error: { code, message } };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function parseBody(body: Buffer): { value: unknown } | { error: string } {
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    return { error: 'the body is not valid UTF-8' };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `the body is not JSON (${(error as Error).message}): ${preview(text)}` };
  }
}

/** Why a JSON value is not a JSON-RPC 2.0 request, notification or response; null when it is one. */
export function messageProblem(value: unknown): string | null {
  if (Array.isArray(value)) return 'batches (arrays) are not part of the protocol';
  if (typeof value !== 'object' || value === null) return `\`${preview(JSON.stringify(value), false)}\` is not an object`;
  const m = value as Record<string, unknown>;
  if (m.jsonrpc !== '2.0') return '`jsonrpc` is not `"2.0"`';
  if ('method' in m) {
    if (typeof m.method !== 'string') return '`method` is not a string';
    if ('id' in m && !isId(m.id)) return '`id` is not a number or a string';
    // `null` params are tolerated: some editors send them for `shutdown`.
    if (m.params !== undefined && m.params !== null && typeof m.params !== 'object') return '`params` is not an object or an array';
    return null;
  }
  if (!('id' in m)) return 'it has neither `method` nor `id`';
  if (!isId(m.id) && m.id !== null) return '`id` is not a number, a string or null';
  if (('result' in m) === ('error' in m)) return 'a response needs exactly one of `result` and `error`';
  if ('error' in m) {
    const error = m.error as { code?: unknown; message?: unknown } | null;
    if (typeof error !== 'object' || error === null || !Number.isInteger(error.code) || typeof error.message !== 'string') {
      return '`error` needs an integer `code` and a string `message`';
    }
  }
  return null;
}

function isId(id: unknown): id is number | string {
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
}

/** Up to 60 characters of what was received, control characters escaped, in backticks. */
export function preview(text: string, quoted = true): string {
  const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const escaped = short.replace(/[^\x20-\x7e…]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return quoted ? `\`${escaped}\`` : escaped;
}

/**
 * Follows the JSON value at the start of a body as its bytes arrive, to notice a declared length
 * that is too large: an object or array closed before the declared end and followed by more than
 * whitespace. Only objects and arrays are followed (messages are objects); strings are skipped
 * byte by byte, and multi-byte UTF-8 never contains a structural ASCII byte.
 */
class BodyScan {
  private offset = 0;
  private depth = 0;
  private started = false;
  private inString = false;
  private escaped = false;
  /** Where the value ended, once it has. */
  private end = -1;
  private gaveUp = false;

  /** The offset where the value ended when non-whitespace follows it before `limit`, else -1. */
  feed(slices: Iterable<Buffer>, limit: number): number {
    if (this.gaveUp) return -1;
    let base = 0;
    for (const slice of slices) {
      const from = Math.max(0, this.offset - base);
      const to = Math.min(slice.length, limit - base);
      for (let i = from; i < to; i++) {
        const b = slice[i]!;
        const at = base + i;
        if (this.end >= 0) {
          if (!isSpace(b)) return this.end;
        } else if (!this.started) {
          if (isSpace(b)) continue;
          if (b !== 0x7b && b !== 0x5b) {
            this.gaveUp = true;
            return -1;
          }
          this.started = true;
          this.depth = 1;
        } else if (this.inString) {
          if (this.escaped) this.escaped = false;
          else if (b === 0x5c) this.escaped = true;
          else if (b === 0x22) this.inString = false;
        } else if (b === 0x22) this.inString = true;
        else if (b === 0x7b || b === 0x5b) this.depth++;
        else if ((b === 0x7d || b === 0x5d) && --this.depth === 0) this.end = at + 1;
      }
      base += slice.length;
      this.offset = Math.max(this.offset, Math.min(base, limit));
    }
    return -1;
  }
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** Received bytes as a list of chunks, so that a large body is copied once, when complete. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  /** The first `n` bytes (fewer if fewer arrived), without consuming them. */
  peek(n: number): Buffer {
    const first = this.chunks[0];
    if (!first) return Buffer.alloc(0);
    if (first.length >= n) return first.subarray(0, n);
    const parts: Buffer[] = [];
    let total = 0;
    for (const chunk of this.chunks) {
      if (total >= n) break;
      parts.push(chunk);
      total += chunk.length;
    }
    const joined = Buffer.concat(parts);
    // Keep the joined bytes as one chunk, so that peeking again does not copy again.
    this.chunks.splice(0, parts.length, joined);
    return joined.subarray(0, n);
  }

  skip(n: number): void {
    let left = Math.min(n, this.length);
    this.length -= left;
    while (left > 0) {
      const first = this.chunks[0]!;
      if (first.length <= left) {
        this.chunks.shift();
        left -= first.length;
      } else {
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
  }

  slices(): Iterable<Buffer> {
    return this.chunks;
  }
}
