#!/usr/bin/env node
// Keeps corpus/shared/ an exact copy of ../shared/corpus/ (the differential corpus recorded with
// CPython 3.11.7). `--check` only reports differences and exits 1 if there are any.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const from = process.env.PYHEAP_SHARED_CORPUS ?? join(root, "..", "shared", "corpus");
const to = join(root, "corpus", "shared");
const check = process.argv.includes("--check");

function list(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

if (!existsSync(from)) {
  console.error(`corpus sync: no shared corpus at ${from}; the copy in corpus/shared is used as it is`);
  process.exit(check ? 0 : 1);
}
const a = list(from);
const b = list(to);
const changed = [...a.keys()].filter((k) => !b.has(k) || !a.get(k).equals(b.get(k)));
const removed = [...b.keys()].filter((k) => !a.has(k));
if (check) {
  for (const k of changed) console.log(`differs: ${k}`);
  for (const k of removed) console.log(`not in the shared corpus: ${k}`);
  console.log(changed.length + removed.length === 0 ? "corpus/shared is in sync" : "corpus/shared is out of sync: run pnpm corpus:sync");
  process.exit(changed.length + removed.length === 0 ? 0 : 1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
console.log(`corpus/shared: ${a.size} files copied (${changed.length} new or changed, ${removed.length} removed)`);
