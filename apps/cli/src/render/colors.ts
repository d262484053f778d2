/**
 * Colours for one output stream: on only when that stream is a terminal and NO_COLOR is unset or empty
 * (https://no-color.org); FORCE_COLOR turns them on for tests and pagers.
 */
import picocolors from "picocolors";

export type Colors = ReturnType<typeof picocolors.createColors>;

/** True when text written to `stream` may carry colour codes. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}

/** A colour set for `stream` (every function the identity when colours are off). */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  return picocolors.createColors(colorEnabled(stream, env));
}
