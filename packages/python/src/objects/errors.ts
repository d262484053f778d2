/**
 * A Python exception raised by helper code that does not hold heap references (formatting, parsing of
 * numbers, str algorithms). The VM turns it into a real exception object of the named builtin type.
 */
export class PyErr extends Error {
  /** `type` is the name of a builtin exception class ("ValueError", "TypeError"…). */
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Throw a Python `TypeError` (a shorthand used by helpers). */
export function typeError(message: string): never {
  throw new PyErr("TypeError", message);
}

/** Throw a Python `ValueError`. */
export function valueError(message: string): never {
  throw new PyErr("ValueError", message);
}
