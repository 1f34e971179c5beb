import type { Output } from "./io.js";

/**
 * Batch progress: a bar redrawn in place on a terminal, nothing on a pipe or file (where each finished
 * profile is logged as a plain line instead, by the caller).
 */
export class Progress {
  private done = 0;
  private failed = 0;
  private readonly tty: boolean;
  constructor(
    private readonly out: Output,
    private readonly total: number,
  ) {
    this.tty = out.isTTY === true && total > 1;
  }

  /** Redraws the bar after one more profile finished. */
  tick(ok: boolean, label: string): void {
    this.done++;
    if (!ok) this.failed++;
    this.draw(label);
  }

  /** Clears the bar so a log line can be printed in its place; call `redraw` after. */
  clear(): void {
    if (this.tty) this.out.write("\r\x1b[2K");
  }

  /** Draws the bar again (after a log line). */
  redraw(): void {
    if (this.tty && this.done < this.total) this.draw("");
  }

  /** Removes the bar for good. */
  end(): void {
    this.clear();
  }

  private draw(label: string): void {
    if (!this.tty) return;
    const width = 24;
    const filled = Math.round((this.done / this.total) * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const failed = this.failed ? `, ${this.failed} failed` : "";
    const cols = this.out.columns ?? 80;
    const text = `${bar} ${this.done}/${this.total}${failed} ${label}`.slice(0, cols - 1);
    this.out.write(`\r\x1b[2K${text}`);
  }
}
