/** The `--memory` summary printed on stderr after `pyheap run`. */
import type { RunStats } from "@pyheap/python";
import type { Colors } from "./colors.js";
import { count } from "./format.js";

/** Lines of the summary. */
export function memorySummary(stats: RunStats, c: Colors): string[] {
  const out: string[] = [c.bold("pyheap memory summary")];
  out.push(`  steps ${count(stats.steps)}   wall ${count(Math.round(stats.wallMs))} ms   peak heap ${count(stats.peakHeapBytes)} bytes`);
  const types = [...new Set([...Object.keys(stats.allocated), ...Object.keys(stats.freed)])].sort(
    (a, b) => (stats.allocated[b] ?? 0) - (stats.allocated[a] ?? 0) || a.localeCompare(b),
  );
  if (types.length === 0) out.push(c.dim("  (no objects allocated or freed)"));
  if (types.length > 0) {
    const width = Math.max(4, ...types.map((t) => t.length));
    out.push(`  ${"type".padEnd(width)}  allocated      freed`);
    out.push(c.dim("  (counted while the program ran: what the interpreter's shutdown frees is not in 'freed')"));
    for (const type of types) {
      out.push(`  ${type.padEnd(width)}  ${count(stats.allocated[type] ?? 0).padStart(9)}  ${count(stats.freed[type] ?? 0).padStart(9)}`);
    }
  }
  if (stats.uncounted) {
    out.push(c.dim(`  (${count(stats.uncounted)} allocations and frees not counted: one instruction made more than the event ring holds)`));
  }
  const gens = [0, 1, 2].map((g) => `gen ${g}: ${stats.collections[g]} (collected ${stats.collected[g]})`);
  out.push(`  collections  ${gens.join("   ")}   (shutdown's included)`);
  out.push(stats.leaked === 0 ? "  leaked       nothing" : c.red(`  leaked       ${count(stats.leaked)} objects`));
  return out;
}
