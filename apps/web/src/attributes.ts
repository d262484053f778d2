/** Parsing what the element reads from its attributes and text; no DOM needed. */

/** Parses `gc-threshold="3"` or `"700,10,10"`. */
export function parseThreshold(value: string | null): number[] | undefined {
  if (!value) return undefined;
  const parts = value.split(/[\s,]+/).filter(Boolean).map(Number);
  return parts.length > 0 && parts.every((n) => Number.isInteger(n) && n >= 0) ? parts.slice(0, 3) : undefined;
}

/** Removes the indentation common to all non-blank lines and surrounding blank lines. */
export function dedent(text: string): string {
  const lines = text.replace(/\t/g, "    ").split("\n");
  while (lines.length && !lines[0]!.trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join("\n") + "\n";
}
