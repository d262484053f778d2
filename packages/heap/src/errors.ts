// Errors of the binding: a trap inside the core (a bug of ours) retires the instance; statuses a Python
// program can cause become HeapError with a stable code.
import * as abi from "@pyheap/core/abi";

/** The core trapped (abort, unreachable, out-of-bounds access). The instance is unusable afterwards. */
export class CoreTrapError extends Error {
  override readonly name = "CoreTrapError";
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type HeapErrorCode = "NO_MEMORY" | "NOT_FOUND" | "ERROR" | "INDEX" | "OVERFLOW" | "BAD_ARGUMENT" | "UNKNOWN";

const CODES: Record<number, HeapErrorCode> = {
  [abi.STATUS_NO_MEMORY]: "NO_MEMORY",
  [abi.STATUS_NOT_FOUND]: "NOT_FOUND",
  [abi.STATUS_ERROR]: "ERROR",
  [abi.STATUS_INDEX]: "INDEX",
  [abi.STATUS_OVERFLOW]: "OVERFLOW",
  [abi.STATUS_BAD_ARGUMENT]: "BAD_ARGUMENT",
};

/** A failed heap operation. `code` is stable: NO_MEMORY → MemoryError, NOT_FOUND → KeyError/ValueError,
 *  ERROR → the exception the interpreter's own callback left pending, INDEX → IndexError. */
export class HeapError extends Error {
  override readonly name = "HeapError";
  constructor(
    readonly code: HeapErrorCode,
    readonly status: number,
    message?: string,
  ) {
    super(message ?? `heap operation failed: ${code}`);
  }
}

export function statusError(status: number, what: string): HeapError {
  const code = CODES[status] ?? "UNKNOWN";
  return new HeapError(code, status, `${what}: ${code}`);
}
