#!/usr/bin/env node
// Records the exit status real python3 gives every corpus case into corpus/exit-status.json, so that
// `run.mjs --cli` can check `pyheap run`'s status as well as its output without python3 at test time.
// Runs each case as corpus/shared/README.md says: scripts by bare file name from their own folder, REPL
// cases as `python3 -q -i < NAME.py`.
//
//   node tools/corpus/record-status.mjs          write corpus/exit-status.json
//   node tools/corpus/record-status.mjs --check  exit 1 when the file is missing a case or differs
//   node tools/corpus/record-status.mjs --missing  run python3 only for cases the file does not list yet
import { spawnSync } from "node:child_process";
import { existsSync, openSync, closeSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const corpusDir = join(root, "corpus");
const statusFile = join(corpusDir, "exit-status.json");
const { values } = parseArgs({ options: { check: { type: "boolean", default: false }, missing: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } } });
if (values.help) {
  console.log(
    "usage: node tools/corpus/record-status.mjs [--check | --missing]\n\nRecords python3's exit status for every corpus case in corpus/exit-status.json.\n" +
      "  --check    exit 1 when the file is missing a case or differs from python3's statuses\n" +
      "  --missing  keep the statuses recorded so far and run python3 only for the cases not listed yet",
  );
  process.exit(0);
}

const version = spawnSync("python3", ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)"], { encoding: "utf8" });
if (version.status !== 0) {
  console.error("record-status: python3 is needed to record exit statuses");
  process.exit(2);
}
const [pyVersion, pyExe] = version.stdout.trim().split("\n");
if (pyVersion !== "3.11.7") console.error(`record-status: warning: python3 is ${pyVersion}, the corpus is 3.11.7's`);
// the interpreter itself, not a version manager's wrapper script (which costs a shell per case)
const python = pyExe || "python3";

function cases(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...cases(p));
    else if (name.endsWith(".py") && name !== "verify.py" && existsSync(p.slice(0, -3) + ".out")) out.push(p);
  }
  return out;
}

const env = { ...process.env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" };
const status = {};
const all = cases(corpusDir);
const known = values.missing && existsSync(statusFile) ? JSON.parse(readFileSync(statusFile, "utf8")) : {};
for (const [i, file] of all.entries()) {
  const key = relative(corpusDir, file);
  if (Object.hasOwn(known, key)) {
    status[key] = known[key];
    continue;
  }
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K[${i + 1}/${all.length}] ${relative(corpusDir, file)}`);
  const repl = basename(dirname(file)) === "repl";
  let r;
  if (repl) {
    const fd = openSync(file, "r");
    r = spawnSync(python, ["-q", "-i"], { cwd: dirname(file), env, stdio: [fd, "ignore", "ignore"], timeout: 60_000 });
    closeSync(fd);
  } else {
    r = spawnSync(python, [basename(file)], { cwd: dirname(file), env, stdio: "ignore", timeout: 60_000 });
  }
  if (r.status === null) {
    console.error(`\nrecord-status: ${relative(corpusDir, file)} did not finish`);
    process.exit(1);
  }
  status[relative(corpusDir, file)] = r.status;
}
if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
const text = JSON.stringify(status, null, 1) + "\n";
if (values.check) {
  const have = existsSync(statusFile) ? readFileSync(statusFile, "utf8") : "";
  if (have !== text) {
    console.error("record-status: corpus/exit-status.json is out of date (run node tools/corpus/record-status.mjs)");
    process.exit(1);
  }
  console.log(`corpus/exit-status.json is up to date (${all.length} cases)`);
} else {
  writeFileSync(statusFile, text);
  const nonzero = Object.values(status).filter((s) => s !== 0).length;
  console.log(`corpus/exit-status.json: ${all.length} cases, ${nonzero} with a non-zero status`);
}
