/**
 * The CLI's two kinds of failure a user can meet. `bin.ts` turns each into one line on stderr and an
 * exit status; nothing else ever reaches the user as a stack trace.
 */

/** Bad usage: a wrong option, a missing or unreadable file. Exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The interpreter could not be used at all (not a Python error, which is a program result). */
export class InterpreterError extends Error {
  override name = "InterpreterError";
}
