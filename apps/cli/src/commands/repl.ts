/**
 * `pyheap repl`: an interactive prompt with REPL semantics (each input its own unit, values echoed) and
 * commands that look into the heap: `:heap`, `:gc`, `:refs NAME`, `:why NAME`, `:help`.
 *
 * The interpreter keeps no state between calls, so the session is its inputs: each new input runs after
 * the earlier ones (which are deterministic) and only what the new input printed is shown. The heap
 * commands run the session once more with a trace and read its last step.
 */
import { createInterface } from "node:readline";
import { loadRun, loadSplit, type CliRunResult, type RunFunction, type SplitFunction } from "../interpreter.js";
import { runOptionsFrom, type SharedOptions } from "../options.js";
import { colorsFor, type Colors } from "../render/colors.js";
import { generationText, objectLine, shortId } from "../render/format.js";
import type { HeapMap } from "../render/heap-state.js";
import { pathsTo, referrersOf } from "../render/heap-query.js";
import type { PlainState } from "../views.js";

const HELP = `Type Python statements; each is run as its own unit, as at python3's prompt.
  :heap         the names and the objects they refer to, and what else is alive
  :gc           the collector's thresholds, counts and generation sizes
  :refs NAME    what refers to the object bound to NAME
  :why NAME     the chains of references from other names that keep that object alive
  :help         this text
  :quit         leave (or Ctrl-D)`;

/** One write of a run, in the order the program made it. */
interface Write {
  stream: "stdout" | "stderr";
  text: string;
}

/** What the interpreter's REPL mode writes after the last statement when input ends: a prompt, then a newline. */
const END_OF_INPUT = ">>> \n";

/**
 * The session is every line of Python typed so far (`:` commands are not part of it). The interpreter keeps
 * no state between calls, so each complete statement runs the whole session again in REPL mode (earlier
 * lines are deterministic) and only what is new in its output is shown.
 *
 * The interpreter's REPL mode writes python3's prompts to stderr itself: `>>> ` before a statement's first
 * line, `... ` before each further line, and at the end of input a last `>>> ` and a newline. Fed from a
 * pipe, those prompts are what is shown (so stdout and stderr read as `python3 -i`'s), and the newline
 * after the last prompt is held back until input really ends. On a terminal readline draws the prompts, so
 * the interpreter's prompt writes are left out.
 */
class Session {
  private lines: string[] = [];
  /** How much of the session's stdout and stderr (the interpreter's, prompts included) has been shown:
   *  the first `>>> ` is, before anything is read. */
  private shown = { stdout: 0, stderr: ">>> ".length };
  /** Set once the program called sys.exit() (or exit()): the exit status, and no more input is read. */
  exitCode: number | undefined;

  constructor(
    private readonly run: RunFunction,
    private readonly split: SplitFunction,
    private readonly options: SharedOptions,
    private readonly c: Colors,
    private readonly terminal: boolean,
  ) {}

  private source(extra: readonly string[] = []): string {
    const all = [...this.lines, ...extra];
    return all.length ? `${all.join("\n")}\n` : "";
  }

  /** Runs `source`; with `trace`, the result's `value` is the last step's heap (the `state` view). */
  private exec(source: string, trace: boolean, writes?: Write[]): Promise<CliRunResult> {
    return this.run(
      source,
      {
        ...runOptionsFrom({ ...this.options, mode: "repl" }, "<stdin>"),
        ...(trace ? { trace: "line" } : {}),
        ...(writes
          ? {
              onStdout: (text: string) => writes.push({ stream: "stdout", text }),
              onStderr: (text: string) => writes.push({ stream: "stderr", text }),
            }
          : {}),
      },
      trace ? { name: "state" } : undefined,
    );
  }

  /**
   * Whether `pending` (lines typed since the last statement ended, the first at the `>>> ` prompt) is a
   * whole statement yet: the interpreter's own cut would not take a line more.
   */
  complete(pending: readonly string[]): boolean {
    const first = this.split(`${pending.join("\n")}\npass\n`)[0];
    return first !== undefined && first.lineCount <= pending.length;
  }

  /**
   * A blank or comment-only line at the `>>> ` prompt: nothing runs; python3 prompts again. The session's
   * output would be the same with that line run, so the prompt is shown without running it.
   */
  skip(line: string): void {
    this.lines.push(line);
    if (!this.terminal) process.stderr.write(">>> ");
    this.shown.stderr += ">>> ".length;
  }

  /** The prompt python3 shows after a line it did not read as Python (a `:` command here). */
  promptAgain(): void {
    if (!this.terminal) process.stderr.write(">>> ");
  }

  /**
   * Runs a statement (its lines) after the earlier ones and shows what it wrote, in the order written;
   * `last` when input ends with it (then the newline after the final prompt is shown too).
   */
  async enter(statement: readonly string[], last = false): Promise<void> {
    const writes: Write[] = [];
    const source = this.source(statement);
    const result = await this.exec(source, false, writes);
    const o = result.outcome;
    const ended = o.status !== "limit" && !result.stderr.endsWith(END_OF_INPUT);
    const held = !last && !ended && o.status !== "limit" ? 1 : 0;
    this.show(writes, source, result.stderr.length - held);
    if (o.status === "limit") {
      if (!result.stderr.includes(o.message)) process.stderr.write(`pyheap: ${o.message}\n`);
      // Not kept: the session stays as it was before this statement.
      const before = await this.exec(this.source(), false);
      this.shown = { stdout: before.stdout.length, stderr: before.stderr.length - (last ? 0 : 1) };
      if (!last) this.promptAgain();
      return;
    }
    this.lines.push(...statement);
    this.shown = { stdout: result.stdout.length, stderr: result.stderr.length - held };
    if (ended) this.exitCode = result.exitCode;
  }

  /** Input ended with no statement pending: the newline after the last prompt. */
  end(): void {
    if (!this.terminal && this.exitCode === undefined) process.stderr.write("\n");
  }

  /** Writes what the run wrote past what was shown (stderr only up to `stderrEnd`); on a terminal without
   *  the interpreter's prompts (each statement's are one write, in the order the cut gives them). */
  private show(writes: readonly Write[], source: string, stderrEnd: number): void {
    const prompts = this.terminal ? [...this.split(source).map((ch) => ch.prompts.join("")), END_OF_INPUT] : [];
    let next = 0;
    const at = { stdout: 0, stderr: 0 };
    for (const w of writes) {
      const start = at[w.stream];
      at[w.stream] += w.text.length;
      const isPrompt = w.stream === "stderr" && next < prompts.length && w.text === prompts[next];
      if (isPrompt) next++;
      const limit = w.stream === "stderr" ? stderrEnd : Infinity;
      const text = w.text.slice(Math.max(0, this.shown[w.stream] - start), Math.max(0, limit - start));
      if (!text || isPrompt) continue;
      (w.stream === "stdout" ? process.stdout : process.stderr).write(text);
    }
  }

  private async state() {
    const result = await this.exec(this.source(), true);
    if (!result.traced) {
      process.stderr.write("pyheap: the interpreter recorded no trace, so the heap cannot be shown\n");
      return undefined;
    }
    const { heap, frame, step } = result.value as PlainState;
    return { heap: new Map(heap.map((o) => [o.serial, o])) as HeapMap, frame, step };
  }

  async command(line: string): Promise<void> {
    const [name = "", arg] = line.slice(1).trim().split(/\s+/, 2);
    const c = this.c;
    switch (name) {
      case "help":
        process.stdout.write(`${HELP}\n`);
        return;
      case "heap": {
        const state = await this.state();
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
        const state = await this.state();
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
        const state = await this.state();
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

/** Runs the REPL until end of input (or until the program exits); returns the exit status. */
export async function replCommand(options: SharedOptions): Promise<number> {
  const [run, split] = await Promise.all([loadRun(), loadSplit()]);
  const c = colorsFor(process.stdout);
  const terminal = process.stdin.isTTY === true;
  const session = new Session(run, split, options, c, terminal);
  // Prompts go to stderr, as python3's do, so stdout holds only what the session printed.
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal, prompt: ">>> " });
  if (terminal) process.stdout.write(`pyheap REPL — CPython 3.11's memory, step by step. :help for commands.\n`);
  session.promptAgain();
  if (terminal) rl.prompt();
  let pending: string[] = [];
  for await (const line of rl) {
    if (pending.length === 0 && line.trim().startsWith(":")) {
      const word = line.trim().slice(1).split(/\s+/)[0];
      if (word === "quit" || word === "exit") break;
      await session.command(line.trim());
      session.promptAgain();
    } else if (pending.length === 0 && split(`${line}\n`)[0]?.source === "") {
      session.skip(line);
    } else {
      pending.push(line);
      if (session.complete(pending)) {
        await session.enter(pending);
        pending = [];
      }
    }
    if (session.exitCode !== undefined) break;
    if (terminal) {
      rl.setPrompt(pending.length > 0 ? "... " : ">>> ");
      rl.prompt();
    }
  }
  rl.close();
  if (session.exitCode === undefined) {
    if (pending.length > 0) await session.enter(pending, true);
    else session.end();
  }
  if (terminal && session.exitCode === undefined) process.stdout.write("\n");
  return session.exitCode ?? 0;
}
