import { ErrorCodes, Message } from 'vscode-languageserver';
import { errorReply, preview, type Rejection } from './framing.js';

/**
 * The protocol's lifecycle, which the library leaves to the server: before `initialize`, requests
 * are answered with ServerNotInitialized (-32002) and notifications are dropped; after `shutdown`,
 * requests are answered with InvalidRequest (-32600). `exit` always goes through (the library then
 * exits with 0 after `shutdown`, 1 otherwise). Responses from the client always go through.
 */
export class Lifecycle {
  private state: 'starting' | 'running' | 'shut down' = 'starting';

  get shutDown(): boolean {
    return this.state === 'shut down';
  }

  /** Null when the message goes on to the server; else why not, with the error for a request. */
  screen(message: Message): Rejection | null {
    if (!Message.isRequest(message) && !Message.isNotification(message)) return null;
    const { method } = message;
    const name = preview(method);
    if (method === 'exit') return null;
    const request = Message.isRequest(message);
    if (this.state === 'starting') {
      if (method === 'initialize' && request) {
        this.state = 'running';
        return null;
      }
      if (!request) return { message: `dropped ${name}: it came before \`initialize\`` };
      const text = `the server is not initialized: send \`initialize\` before ${name}`;
      return { message: text, reply: errorReply(message.id, ErrorCodes.ServerNotInitialized, text) };
    }
    if (this.state === 'shut down') {
      if (!request) return { message: `dropped ${name}: it came after \`shutdown\`` };
      const text = `the server is shut down: only \`exit\` is accepted, not ${name}`;
      return { message: text, reply: errorReply(message.id, ErrorCodes.InvalidRequest, text) };
    }
    if (method === 'shutdown' && request) this.state = 'shut down';
    return null;
  }
}
