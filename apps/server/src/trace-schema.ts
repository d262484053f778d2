/**
 * Finds the trace JSON Schema that `@pyheap/python` publishes, for `GET /api/v1/schema` and the
 * OpenAPI document.
 *
 * The interpreter package generates `trace-schema.json` from its TypeScript types; we look for it by
 * resolving the package (never by a path into its sources): an exported schema object first, then
 * `@pyheap/python/trace-schema.json` through its exports map, then the file at the package root or in its
 * `dist/`. When neither exists the API says so (503) rather than
 * publishing a schema of its own making.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as python from "@pyheap/python";

/** A JSON Schema document (opaque here). */
export type JsonSchema = Record<string, unknown>;

function packageRoot(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve("@pyheap/python");
    let dir = dirname(entry);
    for (let i = 0; i < 4; i++) {
      const manifest = join(dir, "package.json");
      if (existsSync(manifest)) {
        const name = (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name;
        if (name === "@pyheap/python") return dir;
      }
      dir = dirname(dir);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The trace JSON Schema, or undefined when this build of the interpreter does not publish one. */
export function loadTraceSchema(): JsonSchema | undefined {
  const exported = python as unknown as Record<string, unknown>;
  for (const name of ["TRACE_JSON_SCHEMA", "traceJsonSchema"]) {
    const value = exported[name];
    if (value !== null && typeof value === "object") return value as JsonSchema;
  }
  const candidates: string[] = [];
  try {
    // Published through the package's exports map, the preferred way.
    candidates.push(createRequire(import.meta.url).resolve("@pyheap/python/trace-schema.json"));
  } catch {
    // not exported by this build
  }
  const root = packageRoot();
  if (root !== undefined) candidates.push(join(root, "trace-schema.json"), join(root, "dist", "trace-schema.json"));
  for (const candidate of candidates) {
    if (existsSync(candidate)) {
      try {
        return JSON.parse(readFileSync(candidate, "utf8")) as JsonSchema;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
