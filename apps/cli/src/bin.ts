#!/usr/bin/env node
/**
 * The `pyheap` executable: the one place that sets the exit status. Bad usage is one line and status 2;
 * a failure of ours is one line and status 70, with the stack only when PYHEAP_DEBUG is set.
 */
import { InterpreterError, UsageError } from "./errors.js";
import { main } from "./cli.js";

process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`pyheap: ${err.message}\n`);
    process.exitCode = 2;
  } else {
    const message = err instanceof Error ? err.message : String(err);
    const kind = err instanceof InterpreterError ? "cannot run" : "internal error";
    process.stderr.write(`pyheap: ${kind}: ${message}\n`);
    if (process.env.PYHEAP_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 70;
  }
}
