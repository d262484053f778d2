/**
 * The example programs served by `GET /api/v1/examples`, read from the corpus when the app is created.
 *
 * Every program of `corpus/shared/blog` (the seed post's own examples) comes first, then a few chosen
 * from other topics. The programs are never copied into the code: a corpus update shows up at the next
 * start. Each file's first line is a comment saying what it shows; that comment is the title.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One example program. */
export interface Example {
  id: string;
  title: string;
  topic: string;
  code: string;
}

/** Programs beyond the blog's, as `<topic>/<file>` inside the corpus. */
export const EXTRA_EXAMPLES = [
  "gc/03-self-referencing.py",
  "gc/05-instance-cycles.py",
  "gc/13-auto-gen0.py",
  "finalizers/06-cycle-collected-order.py",
  "refcount/06-closures-and-cells.py",
  "weakref/01-ref-dies-with-referent.py",
] as const;

function toExample(corpusDir: string, relPath: string): Example | undefined {
  const file = join(corpusDir, relPath);
  if (!existsSync(file)) return undefined;
  const code = readFileSync(file, "utf8");
  const [topic = "", name = ""] = relPath.split("/");
  const firstLine = code.split("\n", 1)[0] ?? "";
  const title = firstLine.startsWith("#") ? firstLine.replace(/^#\s*/, "").trim() : name.replace(/\.py$/, "");
  return { id: `${topic}/${name.replace(/\.py$/, "")}`, title, topic, code };
}

/**
 * Reads the examples from `corpusDir`. Missing extras are skipped; a missing blog folder gives an empty
 * blog part (the caller logs it). Returns them in display order.
 */
export function loadExamples(corpusDir: string): Example[] {
  const blogDir = join(corpusDir, "blog");
  const blog = existsSync(blogDir)
    ? readdirSync(blogDir)
        .filter((name) => name.endsWith(".py"))
        .sort()
        .map((name) => `blog/${name}`)
    : [];
  return [...blog, ...EXTRA_EXAMPLES]
    .map((relPath) => toExample(corpusDir, relPath))
    .filter((example): example is Example => example !== undefined);
}
