/**
 * A progress bar on stderr while a long trace records, drawn only on a terminal. The interpreter reports
 * steps done; the bar fills toward the trace-step limit (the most a trace can hold) and erases itself
 * when the run ends.
 */
export interface Progress {
  update(steps: number): void;
  done(): void;
}

const NO_PROGRESS: Progress = { update() {}, done() {} };

/** A bar for `stream` when it is a terminal, otherwise an object that draws nothing. */
export function progressBar(stream: NodeJS.WriteStream, total: number, label: string): Progress {
  if (!stream.isTTY) return NO_PROGRESS;
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  const width = 24;
  return {
    update(steps) {
      const now = Date.now();
      if (now - started < 300 || now - lastDraw < 100) return;
      lastDraw = now;
      const filled = Math.min(width, Math.round((steps / total) * width));
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      stream.write(`\r${label} ${bar} ${steps.toLocaleString("en-US")} steps`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[2K");
    },
  };
}
