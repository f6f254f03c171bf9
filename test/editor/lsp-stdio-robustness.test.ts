import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD } from './bad-frames.js';
import { root, ServerProcess } from './lsp-process.js';

const initialize = { processId: null, rootUri: pathToFileURL(root).href, capabilities: {} };
/** A request any server answers (with null): hover in a file that does not exist. */
const hoverNowhere = { textDocument: { uri: pathToFileURL(join(root, 'no-such-file.policy')).href }, position: { line: 0, character: 0 } };

describe('`bylaw lsp` recovers from bad input on stdin', () => {
  const server = new ServerProcess();

  beforeAll(async () => {
    const init = await server.request('initialize', initialize);
    expect(init.result).toMatchObject({ serverInfo: { name: 'bylaw' } });
    server.notify('initialized', {});
  });

  afterAll(() => server.kill());

  it.each(BAD)('$name: logs it, answers the next request', async ({ bytes, log, reply }) => {
    const from = server.received.length;
    server.write(bytes);
    const answer = await server.request('textDocument/hover', hoverNowhere);
    expect(answer.error).toBeUndefined();
    expect(answer.result).toBeNull();
    await server.log(log);
    const errors = server.received.slice(from).filter((m) => 'error' in m);
    if (reply) expect(errors).toMatchObject([{ id: reply.id, error: { code: reply.code } }]);
    else expect(errors).toEqual([]);
  });

  it('after all of them in a row, still answers; when the input ends after `shutdown`, exits with 0', async () => {
    for (const { bytes } of BAD) server.write(bytes);
    expect((await server.request('textDocument/hover', hoverNowhere)).result).toBeNull();
    expect((await server.request('shutdown')).result).toBeNull();
    server.end();
    expect(await server.exited).toBe(0);
  });
});

describe('`bylaw lsp` follows the protocol lifecycle', () => {
  const twitter = join(root, 'policies', 'twitter');
  const notice = join(twitter, 'public_interest_notice.policy');
  const moderation = join(root, 'stdlib', 'moderation.policy');
  const positionOf = (text: string, needle: string, delta: number) => {
    const offset = text.indexOf(needle) + delta;
    const before = text.slice(0, offset);
    return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
  };

  it('answers requests before `initialize` with -32002, drops notifications, refuses requests after `shutdown` with -32600; hovers on fields', async () => {
    const server = new ServerProcess();
    try {
      const early = await server.request('textDocument/hover', hoverNowhere);
      expect(early.error).toMatchObject({ code: -32002, message: expect.stringContaining('send `initialize` before `textDocument/hover`') });
      // Dropped: after `initialize`, the server does not know this document.
      const ghost = pathToFileURL(join(root, 'no-such-dir', 'ghost.policy')).href;
      server.notify('textDocument/didOpen', { textDocument: { uri: ghost, languageId: 'bylaw', version: 1, text: 'context ghost = true\n' } });
      await server.log(/dropped `textDocument\/didOpen`: it came before `initialize`/);
      expect((await server.request('initialize', initialize)).result).toMatchObject({ serverInfo: { name: 'bylaw' } });
      server.notify('initialized', {});
      expect((await server.request('textDocument/documentSymbol', { textDocument: { uri: ghost } })).result).toEqual([]);

      // A record field, where it is used and where it is declared: its type and its record.
      const noticeText = readFileSync(notice, 'utf8');
      server.notify('textDocument/didOpen', { textDocument: { uri: pathToFileURL(notice).href, languageId: 'bylaw', version: 1, text: noticeText } });
      const used = await server.request('textDocument/hover', { textDocument: { uri: pathToFileURL(notice).href }, position: positionOf(noticeText, 'author.followers', 9) });
      expect(used.result).toMatchObject({ contents: { value: expect.stringContaining('Account.followers: int') } });
      expect((used.result as { contents: { value: string } }).contents.value).toContain('A field of `Account` (`int(0..)`)');
      const moderationText = readFileSync(moderation, 'utf8');
      server.notify('textDocument/didOpen', { textDocument: { uri: pathToFileURL(moderation).href, languageId: 'bylaw', version: 1, text: moderationText } });
      const declared = await server.request('textDocument/hover', { textDocument: { uri: pathToFileURL(moderation).href }, position: positionOf(moderationText, 'followers:', 3) });
      expect((declared.result as { contents: { value: string } }).contents.value).toContain('Account.followers: int');

      expect((await server.request('shutdown')).result).toBeNull();
      const late = await server.request('textDocument/hover', hoverNowhere);
      expect(late.error).toMatchObject({ code: -32600, message: expect.stringContaining('the server is shut down') });
      server.notify('exit');
      expect(await server.exited).toBe(0);
    } finally {
      server.kill();
    }
  });

  it('exits with 1 without `shutdown`: on `exit`, and when the input ends', async () => {
    const exiting = new ServerProcess();
    const ending = new ServerProcess();
    try {
      await Promise.all([exiting.request('initialize', initialize), ending.request('initialize', initialize)]);
      exiting.notify('exit');
      ending.end();
      expect(await exiting.exited).toBe(1);
      expect(await ending.exited).toBe(1);
      expect(exiting.stderr + ending.stderr).toBe('');
    } finally {
      exiting.kill();
      ending.kill();
    }
  });
});
