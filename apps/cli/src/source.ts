/**
 * Reading the program: a file path, or `-` for standard input. A missing or unreadable file is a
 * `UsageError` worded like python3's ("can't open file …: [Errno 2] No such file or directory").
 */
import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "./errors.js";

/** The program text and the file name tracebacks show: the absolute path, as python3 3.11 shows it, or "<stdin>". */
export interface Program {
  source: string;
  filename: string;
}

/** Reads `path` (or stdin for "-"). */
export function readProgram(path: string): Program {
  if (path === "-") return { source: readFileSync(0, "utf8"), filename: "<stdin>" };
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`can't open file '${path}': [Errno 2] No such file or directory`);
    if (code === "EACCES") throw new UsageError(`can't open file '${path}': [Errno 13] Permission denied`);
    throw new UsageError(`can't open file '${path}': ${(err as Error).message}`);
  }
  if (isDirectory) throw new UsageError(`can't open file '${path}': [Errno 21] Is a directory`);
  try {
    return { source: readFileSync(path, "utf8"), filename: resolve(path) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EACCES") throw new UsageError(`can't open file '${path}': [Errno 13] Permission denied`);
    throw new UsageError(`can't open file '${path}': ${(err as Error).message}`);
  }
}
