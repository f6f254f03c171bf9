import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { FrameFilter } from './framing.js';
import { Lifecycle } from './lifecycle.js';

export interface StdioConnection {
  readonly connection: Connection;
  /** True once `shutdown` was received: the exit code is then 0. */
  readonly shutDown: () => boolean;
  /** Called once when the input ends (the editor closed the pipe). */
  onInputEnd(listener: () => void): void;
}

/**
 * A protocol connection over byte streams that survives a misbehaving client: the input goes
 * through the frame filter and the lifecycle rules before the library reads it; every dropped
 * frame or message is logged with `log`, and answered when it was a request (through the same
 * writer as the library's answers, so that frames never interleave).
 */
export function connectStdio(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, log: (line: string) => void): StdioConnection {
  const writer = new StreamMessageWriter(output);
  const lifecycle = new Lifecycle();
  const filter = new FrameFilter({
    reject: ({ message, reply }) => {
      log(message);
      if (reply) writer.write(reply).catch(() => {});
    },
    screen: (message) => lifecycle.screen(message),
  });
  input.pipe(filter);
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(filter), writer);
  return {
    connection,
    shutDown: () => lifecycle.shutDown,
    onInputEnd: (listener) => void filter.once('end', listener),
  };
}
