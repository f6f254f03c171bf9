/** The page's side of the worker: one promise per request, answered in order. */
import type { Envelope, Replies, ReplyEnvelope, Request } from './protocol.js';

type ReplyOf<R extends Request> = Replies[R['kind']];

export class Toolchain {
  private readonly worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'bylaw' });
  private next = 1;
  private readonly pending = new Map<number, { resolve: (reply: never) => void; reject: (error: Error) => void }>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<ReplyEnvelope>) => {
      const message = event.data;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if ('crash' in message) waiting.reject(new Error(`internal error in the toolchain: ${message.crash}`));
      else waiting.resolve(message.reply as never);
    };
  }

  request<R extends Request>(request: R): Promise<ReplyOf<R>> {
    const id = this.next++;
    return new Promise<ReplyOf<R>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (reply: never) => void, reject });
      this.worker.postMessage({ id, request } satisfies Envelope);
    });
  }
}
