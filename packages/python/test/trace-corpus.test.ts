/**
 * Tracing changes nothing the program sees: every program of the shared corpus folders about memory
 * prints the same stdout and stderr traced as untraced, leaves the same survivors and passes the heap's
 * invariant checker, and its trace is well formed (serials unique per live object, deltas consistent).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { runDetailed } from "../src/index.js";

const corpus = fileURLToPath(new URL("../../../corpus/shared/", import.meta.url));
const FOLDERS = ["blog", "gc", "finalizers", "refcount", "weakref"];

describe.each(FOLDERS)("corpus/shared/%s traced", (folder) => {
  const files = readdirSync(corpus + folder).filter((f) => f.endsWith(".py")).sort();
  test.each(files)("%s", { timeout: 600_000 }, (file) => {
    const path = `${corpus}${folder}/${file}`;
    const src = readFileSync(path, "utf8");
    // generous wall-time limits: the machine may be busy, and a limit would cut the output short
    const limits = { timeoutMs: 300_000 };
    const plain = runDetailed(src, { filename: path, limits });
    const traced = runDetailed(src, { filename: path, limits, trace: "line" });
    expect(traced.result.stdout).toBe(plain.result.stdout);
    expect(traced.result.stderr).toBe(plain.result.stderr);
    expect(traced.heap.leaked.length).toBe(plain.heap.leaked.length);
    expect(traced.heap.check).toEqual(plain.heap.check);
    const trace = traced.result.trace!;
    expect(trace.outcome).toEqual(traced.result.outcome);
    // replaying the deltas never removes an object that is not there nor adds one twice without a removal
    const live = new Set<number>();
    for (const step of trace.steps) {
      for (const r of step.delta.removed) {
        expect(live.has(r)).toBe(true);
        live.delete(r);
      }
      for (const o of step.delta.upsert) live.add(o.serial);
      for (const f of step.frames) for (const l of f.locals) expect(live.has(l.serial)).toBe(true);
    }
  });
});
