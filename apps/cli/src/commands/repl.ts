/**
 * `pyheap repl`: an interactive prompt with REPL semantics (each input its own unit, values echoed) and
 * commands that look into the heap: `:heap`, `:gc`, `:refs NAME`, `:why NAME`, `:help`.
 *
 * The interpreter keeps no state between calls, so the session is its inputs: each new input runs after
 * the earlier ones (which are deterministic) and only what the new input printed is shown. The heap
 * commands run the session once more with a trace and read its last step.
 */
import { createInterface } from "node:readline";
import type { RunResult } from "@pyheap/python";
import { loadRun, type RunFunction } from "../interpreter.js";
import { runOptionsFrom, type SharedOptions } from "../options.js";
import { colorsFor, type Colors } from "../render/colors.js";
import { generationText, objectLine, shortId } from "../render/format.js";
import { finalState } from "../render/heap-state.js";
import { pathsTo, referrersOf } from "../render/heap-query.js";

const HELP = `Type Python statements; each is run as its own unit, as at python3's prompt.
  :heap         the names and the objects they refer to, and what else is alive
  :gc           the collector's thresholds, counts and generation sizes
  :refs NAME    what refers to the object bound to NAME
  :why NAME     the chains of references from other names that keep that object alive
  :help         this text
  :quit         leave (or Ctrl-D)`;

/** Input that opens a block and needs more lines (a trailing colon, or open brackets). */
function needsMore(text: string): boolean {
  const trimmed = text.trimEnd();
  if (trimmed.endsWith(":") || trimmed.endsWith("\\")) return true;
  let depth = 0;
  for (const ch of trimmed) {
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
  }
  return depth > 0;
}

/**
 * The interpreter's REPL mode writes python3's prompts (">>> ", "... ", and a last ">>> " and newline at
 * end of input) to stderr; this prompt draws its own, so they are taken out.
 */
function withoutPrompts(stderr: string): string {
  return stderr.replace(/>>> \n$/, "").replace(/(?:>>> |\.\.\. )+/g, "");
}

class Session {
  private inputs: string[] = [];
  private shown = { stdout: 0, stderr: 0 };

  constructor(
    private readonly run: RunFunction,
    private readonly options: SharedOptions,
    private readonly c: Colors,
  ) {}

  private source(extra?: string): string {
    const all = extra === undefined ? this.inputs : [...this.inputs, extra];
    // A block typed at the prompt ends with an empty line, as at python3's.
    return all.map((unit) => (unit.includes("\n") ? `${unit}\n\n` : `${unit}\n`)).join("");
  }

  private exec(source: string, trace: boolean): RunResult {
    const result = this.run(source, { ...runOptionsFrom({ ...this.options, mode: "repl" }, "<stdin>"), ...(trace ? { trace: "line" } : {}) });
    return { ...result, stderr: withoutPrompts(result.stderr) };
  }

  /** Runs one input after the earlier ones; prints only its own output. */
  enter(unit: string): void {
    const result = this.exec(this.source(unit), false);
    process.stdout.write(result.stdout.slice(this.shown.stdout));
    process.stderr.write(result.stderr.slice(this.shown.stderr));
    const o = result.outcome;
    if (o.status === "limit" && !result.stderr.includes(o.message)) process.stderr.write(`pyheap: ${o.message}\n`);
    if (o.status === "syntax-error" || o.status === "limit") {
      // Not kept: the session stays as it was before this input.
      const before = this.exec(this.source(), false);
      this.shown = { stdout: before.stdout.length, stderr: before.stderr.length };
      return;
    }
    this.inputs.push(unit);
    this.shown = { stdout: result.stdout.length, stderr: result.stderr.length };
  }

  private state() {
    const result = this.exec(this.source(), true);
    if (!result.trace) {
      process.stderr.write("pyheap: the interpreter recorded no trace, so the heap cannot be shown\n");
      return undefined;
    }
    return finalState(result.trace);
  }

  command(line: string): void {
    const [name = "", arg] = line.slice(1).trim().split(/\s+/, 2);
    const c = this.c;
    switch (name) {
      case "help":
        process.stdout.write(`${HELP}\n`);
        return;
      case "heap": {
        const state = this.state();
        if (!state) return;
        const bound = new Set<number>();
        for (const local of state.frame?.locals ?? []) {
          const obj = state.heap.get(local.serial);
          if (!obj) continue;
          bound.add(obj.serial);
          process.stdout.write(`${c.green(local.name.padEnd(12))} ${objectLine(obj)}\n`);
        }
        const others = [...state.heap.values()].filter((o) => !o.immortalish && !bound.has(o.serial));
        const byType = new Map<string, number>();
        for (const o of others) byType.set(o.type, (byType.get(o.type) ?? 0) + 1);
        const summary = [...byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${n} ${t}`).join(", ");
        process.stdout.write(c.dim(`${others.length} other live objects${summary ? `: ${summary}` : ""}; heap ${state.step?.heapBytes ?? 0} bytes\n`));
        return;
      }
      case "gc": {
        const state = this.state();
        const gc = state?.step?.gc;
        if (!gc) return;
        process.stdout.write(
          `enabled ${gc.enabled ? "yes" : "no"}   thresholds ${gc.thresholds.join(", ")}   counts ${gc.counts.join(", ")}   tracked per generation ${gc.sizes.join(", ")}\n`,
        );
        return;
      }
      case "refs":
      case "why": {
        if (!arg) {
          process.stderr.write(`usage: :${name} NAME\n`);
          return;
        }
        const state = this.state();
        if (!state) return;
        const local = state.frame?.locals.find((l) => l.name === arg);
        const target = local ? state.heap.get(local.serial) : undefined;
        if (!target) {
          process.stderr.write(`NameError: name '${arg}' is not defined\n`);
          return;
        }
        process.stdout.write(`${arg} → ${objectLine(target)}\n`);
        if (name === "refs") {
          for (const r of referrersOf(target.serial, state.heap, state.frame)) {
            const who = "name" in r.holder ? `name ${c.green(r.holder.name)}` : `${r.holder.type} ${shortId(r.holder.id)} ${r.label}`;
            process.stdout.write(`  held by ${who}\n`);
          }
          return;
        }
        const paths = pathsTo(target.serial, state.heap, state.frame).filter((p) => p.root !== arg);
        if (paths.length === 0) {
          process.stdout.write(`  only the name ${arg} keeps it alive (refcount ${target.refcount}, ${generationText(target)})\n`);
          return;
        }
        // name → dict 0x…80 ['k'] → tuple 0x…c0 [0] → list 0x…00: each object, then the slot that leads on.
        for (const { root, path } of paths) {
          const parts = [c.green(root)];
          path.forEach((step, i) => {
            if (i > 0) parts[parts.length - 1] += ` ${step.label}`;
            parts.push(`${step.object.type} ${shortId(step.object.id)}`);
          });
          process.stdout.write(`  ${parts.join(" → ")}\n`);
        }
        return;
      }
      default:
        process.stderr.write(`unknown command :${name} (try :help)\n`);
    }
  }
}

/** Runs the REPL until end of input; returns 0. */
export async function replCommand(options: SharedOptions): Promise<number> {
  const run = await loadRun();
  const c = colorsFor(process.stdout);
  const session = new Session(run, options, c);
  // Prompts go to stderr, as python3's do, so stdout holds only what the session printed.
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY === true, prompt: ">>> " });
  if (process.stdin.isTTY) process.stdout.write(`pyheap REPL — CPython 3.11's memory, step by step. :help for commands.\n`);
  let pending: string[] = [];
  rl.prompt();
  for await (const line of rl) {
    if (pending.length === 0 && line.trim().startsWith(":")) {
      const word = line.trim().slice(1).split(/\s+/)[0];
      if (word === "quit" || word === "exit") break;
      session.command(line.trim());
    } else if (pending.length > 0) {
      if (line.trim() === "") {
        session.enter(pending.join("\n"));
        pending = [];
      } else pending.push(line);
    } else if (needsMore(line)) {
      pending.push(line);
    } else if (line.trim() !== "") {
      session.enter(line);
    }
    rl.setPrompt(pending.length > 0 ? "... " : ">>> ");
    rl.prompt();
  }
  if (pending.length > 0) session.enter(pending.join("\n"));
  rl.close();
  if (process.stdin.isTTY) process.stdout.write("\n");
  return 0;
}
