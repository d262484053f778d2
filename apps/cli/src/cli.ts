/**
 * The `pyheap` command line: commands and options declared from tables, each command's work loaded only
 * when it runs. `main(argv)` returns the exit status; only `bin.ts` exits.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { UsageError } from "./errors.js";
import { SHARED_OPTIONS, type OptionSpec } from "./options.js";

const EXAMPLES = `
Examples:
  pyheap run corpus/shared/blog/07-refcount-demo.py        run like python3
  pyheap run --memory prog.py                               … and summarise the heap on stderr
  echo 'print(id([]) == id([]))' | pyheap run -             read the program from stdin
  pyheap trace corpus/shared/blog/01-list-append-same-id.py step by step: names, objects, events
  pyheap trace --json prog.py > trace.json                  the trace in the published schema
  pyheap trace --instructions --from 10 --to 20 prog.py     bytecode steps 10 to 20
  pyheap explain --gc-threshold 3 prog.py                   the run told in sentences
  pyheap repl                                               a prompt with :heap, :gc, :refs, :why

Exit status: the program's (0, or 1 for an uncaught exception or a limit); 2 for bad usage.
Colours only on a terminal; NO_COLOR turns them off.`;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return manifest.version;
}

function addOptions(command: Command, specs: OptionSpec[]): Command {
  for (const spec of specs) {
    const option = new Option(spec.flags, spec.description);
    if (spec.parse) option.argParser(spec.parse as (value: string, previous: unknown) => unknown);
    command.addOption(option);
  }
  return command;
}

function nonNegativeInt(option: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${option} expects a step number (0 or more), got '${value}'`);
    return Number(value);
  };
}

const TRACE_OPTIONS: OptionSpec[] = [
  { flags: "--from <step>", description: "first step to show (0-based)", parse: nonNegativeInt("--from") },
  { flags: "--to <step>", description: "last step to show", parse: nonNegativeInt("--to") },
  { flags: "--max-trace-steps <n>", description: "record at most n steps (default 100000)", parse: nonNegativeInt("--max-trace-steps") },
];

/** Builds the program; `setExit` receives each command's exit status. */
function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command("pyheap")
    .description("CPython 3.11's memory manager at work: run, trace and explain Python programs")
    .version(version(), "-V, --version")
    .addHelpText("after", EXAMPLES)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(`pyheap: ${text.replace(/^error: /, "").trim()} (see pyheap --help)\n`),
    });

  const run = addOptions(
    program.command("run").argument("<file>", "the program, or - for standard input").description("run a program like python3 FILE"),
    SHARED_OPTIONS,
  )
    .option("--memory", "print a summary of the heap on stderr at the end")
    .action(async (file: string, options) => setExit(await (await import("./commands/run.js")).runCommand(file, options)));
  run.addHelpText(
    "after",
    "\ninput() and sys.stdin read the program's standard input, a line at a time (EOF when the program itself is read from it).\nLike python3, a run has no step or time limit unless --max-steps or --timeout sets one (Ctrl-C stops it, status 130);\nthe other commands stop at 10 000 000 steps or 10 s by default.\n\nExamples:\n  pyheap run --memory --gc-threshold 100 prog.py\n  printf 'Ann\\n' | pyheap run greet.py",
  );

  addOptions(
    program.command("trace").argument("<file>", "the program, or - for standard input").description("show the run step by step"),
    [...SHARED_OPTIONS, ...TRACE_OPTIONS],
  )
    .option("--json", "print the trace as JSON (the schema of GET /api/v1/schema)")
    .option("--instructions", "one step per bytecode instruction instead of per line")
    .action(async (file: string, options) => setExit(await (await import("./commands/trace.js")).traceCommand(file, options)));

  addOptions(
    program.command("explain").argument("<file>", "the program, or - for standard input").description("tell the run in plain sentences"),
    [...SHARED_OPTIONS, ...TRACE_OPTIONS],
  ).action(async (file: string, options) => setExit(await (await import("./commands/trace.js")).explainCommand(file, options)));

  addOptions(program.command("repl").description("an interactive prompt with :heap, :gc, :refs NAME, :why NAME"), SHARED_OPTIONS).action(
    async (options) => setExit(await (await import("./commands/repl.js")).replCommand(options)),
  );

  for (const command of program.commands) {
    command.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true);
  }
  return program;
}

/** Parses `argv` (without node and script) and runs the command; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") return 0;
      return 2;
    }
    throw err;
  }
  return code;
}
