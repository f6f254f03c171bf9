/** Where a replay draws its progress bar and lists bad lines: the CLI's command context. */
export interface ReplayConsole {
  readonly io: { readonly stderr: { write(chunk: string): unknown; isTTY?: boolean } };
  /** One line on stderr. */
  err(line: string): void;
}

/** A progress bar on stderr when it is a terminal; nothing at all otherwise. */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly tty: boolean;
  private readonly started = performance.now();

  constructor(
    private readonly console: ReplayConsole,
    private readonly total: number,
  ) {
    this.tty = Boolean(console.io.stderr.isTTY);
  }

  update(bytes: number, lines: number): void {
    if (!this.tty) return;
    const t = performance.now();
    if (t - this.last < 100) return;
    this.last = t;
    const fraction = this.total === 0 ? 1 : Math.min(1, bytes / this.total);
    const width = 30;
    const filled = Math.round(fraction * width);
    const rate = Math.round(lines / ((t - this.started) / 1000));
    this.console.io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${lines.toLocaleString('en-US')} posts  ${rate.toLocaleString('en-US')}/s `);
    this.shown = true;
  }

  /** A line printed above the bar (the bar is redrawn on the next update). */
  above(line: string): void {
    if (this.shown) this.console.io.stderr.write('\r\x1b[2K');
    this.console.err(line);
  }

  done(): void {
    if (this.shown) this.console.io.stderr.write('\r\x1b[2K');
  }
}
