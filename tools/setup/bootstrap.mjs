#!/usr/bin/env node
// The two commands a fresh machine needs (Node >= 20 and npm only):
//   npm start   install, build, then serve the demo page and the HTTP API on localhost
//   npm test    install, build, then run every test (unit, corpus ratchet, browser end-to-end)
// Everything here is idempotent: a second run skips what is already in place.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const PNPM_VERSION = "10.34.8";
process.env.TURBO_TELEMETRY_DISABLED ??= "1";
process.env.TURBO_NO_UPDATE_NOTIFIER ??= "1";
process.env.DO_NOT_TRACK ??= "1";
const step = (msg) => process.stderr.write(`\n[pyheap] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", shell: false, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}
function must(cmd, args, opts) {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    step(`'${cmd} ${args.join(" ")}' failed with exit code ${status}`);
    process.exit(status);
  }
}

/** The pnpm to use: the one on PATH if it is version 10, otherwise the pinned one through npx. */
function pnpm() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (!probe.error && probe.status === 0 && probe.stdout.trim().startsWith("10.")) return ["pnpm", []];
  return ["npx", ["--yes", `pnpm@${PNPM_VERSION}`]];
}
function pn(args, env) {
  const [cmd, pre] = pnpm();
  must(cmd, [...pre, ...args], env ? { env: { ...process.env, ...env } } : undefined);
}

/** Browser tests need a Chromium; as root on Debian we can install it, elsewhere we say how. */
function ensureChromium() {
  if (process.env.PYHEAP_CHROMIUM || existsSync("/usr/bin/chromium")) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    step("installing Debian's chromium for the browser tests");
    must("apt-get", ["update", "-qq"]);
    must("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    step("no /usr/bin/chromium: install Debian's 'chromium' (or set PYHEAP_CHROMIUM) for the browser tests");
  }
}

const what = process.argv[2];
if (what !== "start" && what !== "test") {
  process.stderr.write("usage: node tools/setup/bootstrap.mjs start|test\n");
  process.exit(2);
}
step("installing dependencies");
pn(["install", "--frozen-lockfile"]);
step("building");
pn(["turbo", "run", "build", "--output-logs=errors-only"]);
if (what === "start") {
  step("starting the server (set PORT/HOST to change where)");
  pn(["run", "serve"]);
} else {
  ensureChromium();
  step("running every test");
  pn(["turbo", "run", "test", "--concurrency=1", "--output-logs=full"]);
  // the two paths of untraced runs, one each: the eval loop alone through run(), and as Node runs by
  // default (loops compiled to JavaScript once hot) through the command
  step("running the corpus ratchet through run(), the eval loop alone (PYHEAP_JIT=0)");
  pn(["run", "corpus", "--ratchet"], { PYHEAP_JIT: "0" });
  step("running the corpus through the pyheap command (pyheap run FILE, as a user would; compiled path on)");
  pn(["run", "corpus", "--ratchet", "--cli"]);
}
