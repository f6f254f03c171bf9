import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StreamMessageReader } from 'vscode-jsonrpc/node';
import type { Message, ResponseMessage } from 'vscode-jsonrpc';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** One JSON-RPC message as an LSP client frames it. */
export function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/**
 * `bylaw lsp` (from dist/, built by the test setup) as a child process, driven with raw bytes so
 * that tests can send what no well-behaved client library would.
 */
export class ServerProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  readonly received: Message[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly waiters: (() => void)[] = [];
  private nextId = 1000;

  constructor() {
    this.child = spawn(process.execPath, [join(root, 'bin', 'bylaw.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
      this.wake();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    new StreamMessageReader(this.child.stdout).listen((message) => {
      this.received.push(message);
      this.wake();
    });
  }

  write(bytes: Buffer | string): void {
    this.child.stdin.write(bytes);
  }

  end(): void {
    this.child.stdin.end();
  }

  notify(method: string, params?: object): void {
    this.write(frame({ jsonrpc: '2.0', method, ...(params ? { params } : {}) }));
  }

  /** Sends a request and waits for its response (result or error). */
  async request(method: string, params?: object): Promise<ResponseMessage> {
    const id = this.nextId++;
    this.write(frame({ jsonrpc: '2.0', id, method, ...(params ? { params } : {}) }));
    return this.response((m) => m.id === id);
  }

  /** The first response received that passes `test`, waiting for it if need be. */
  response(test: (m: ResponseMessage) => boolean): Promise<ResponseMessage> {
    return this.until(() => this.received.find((m) => 'id' in m && !('method' in m) && test(m as ResponseMessage)) as ResponseMessage | undefined, 'a response');
  }

  /** Waits until stderr matches `pattern`. */
  log(pattern: RegExp): Promise<string> {
    return this.until(() => pattern.exec(this.stderr)?.[0], `stderr to match ${pattern}`);
  }

  kill(): void {
    this.child.kill();
  }

  private until<T>(found: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const value = found();
        if (value === undefined) return false;
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      if (check()) return;
      const waiter = () => {
        if (check()) this.waiters.splice(this.waiters.indexOf(waiter), 1);
      };
      this.waiters.push(waiter);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
