import { frame } from './lsp-process.js';

export interface BadInput {
  readonly name: string;
  readonly bytes: Buffer | string;
  /** What the server must log on stderr. */
  readonly log: RegExp;
  /** The error the server must answer with, when the bad input was a request it could read. */
  readonly reply?: { readonly id: number | null; readonly code: number };
}

/** Bytes a broken or hostile client may send, each with what the server must log and answer. */
export const BAD: readonly BadInput[] = [
  { name: 'Content-Length too small', bytes: 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"shutdown"}', log: /the body is not JSON/, reply: { id: null, code: -32700 } },
  { name: 'Content-Length too large', bytes: 'Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","method":"initialized"}', log: /a body longer than its JSON value \(`Content-Length: 500`/ },
  { name: 'Content-Length not a number', bytes: 'Content-Length: abc\r\n\r\n{}', log: /`Content-Length: abc` is not a number of bytes/ },
  { name: 'Content-Length negative', bytes: 'Content-Length: -5\r\n\r\n{}', log: /`Content-Length: -5` is not a number of bytes/ },
  { name: 'Content-Length missing', bytes: 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}', log: /a header without `Content-Length`/ },
  { name: 'Content-Length huge', bytes: 'Content-Length: 99999999999\r\n\r\n{}', log: /`Content-Length: 99999999999` is over the limit of 67108864 bytes/ },
  { name: 'Content-Length one byte over the limit', bytes: 'Content-Length: 67108865\r\n\r\n', log: /`Content-Length: 67108865` is over the limit/ },
  { name: 'header without the blank line', bytes: 'Content-Length: 2\r\n{}', log: /bytes that are not a header: `\{\}/ },
  { name: 'garbage between messages', bytes: Buffer.from([0x00, 0xff, 0x1b, ...Buffer.from('[2J hello\n')]), log: /bytes that are not a header: `\\x00\\xff\\x1b\[2J hello\\n/ },
  { name: 'a header longer than 4 KiB', bytes: `X-Padding: ${'a'.repeat(5000)}`, log: /a header longer than 4096 bytes/ },
  { name: 'body that is not JSON', bytes: 'Content-Length: 5\r\n\r\nhello', log: /the body is not JSON \(.*\): `hello`/, reply: { id: null, code: -32700 } },
  { name: 'body that is not UTF-8', bytes: Buffer.concat([Buffer.from('Content-Length: 4\r\n\r\n'), Buffer.from([0x22, 0xc3, 0x28, 0x22])]), log: /the body is not valid UTF-8/, reply: { id: null, code: -32700 } },
  { name: 'JSON that is not an object', bytes: 'Content-Length: 1\r\n\r\n5', log: /not a JSON-RPC 2\.0 message: `5` is not an object/, reply: { id: null, code: -32600 } },
  { name: 'a batch', bytes: 'Content-Length: 2\r\n\r\n[]', log: /not a JSON-RPC 2\.0 message: batches/, reply: { id: null, code: -32600 } },
  { name: 'no `jsonrpc`', bytes: frame({ id: 7, method: 'textDocument/hover', params: {} }), log: /`jsonrpc` is not `"2\.0"`/, reply: { id: 7, code: -32600 } },
  { name: 'a method that is not a string', bytes: frame({ jsonrpc: '2.0', id: 8, method: 3 }), log: /`method` is not a string/, reply: { id: 8, code: -32600 } },
  { name: 'params that are a string', bytes: frame({ jsonrpc: '2.0', id: 9, method: 'textDocument/hover', params: 'x' }), log: /`params` is not an object or an array/, reply: { id: 9, code: -32600 } },
  { name: 'a response without result or error', bytes: frame({ jsonrpc: '2.0', id: 10 }), log: /exactly one of `result` and `error`/, reply: { id: null, code: -32600 } },
];
