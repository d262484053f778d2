/**
 * A container changed in place on a line that allocates nothing and moves no shown refcount (an item that
 * is already referenced elsewhere stored or removed, a list sorted or reversed, dict values swapped) must
 * show its new contents on the very next step, as python3 prints them — not one step late.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";
import { objectAt, stepAtLine } from "./trace-helpers.js";

/** name → program: the last line but one changes the container `name` in place, the last line prints it. */
const CASES: Record<string, string[]> = {
  "list.append of a builtin": ["box = []", "box.append(len)", "print(box)"],
  "dict item set to None": ["d = {}", "d['k'] = None", "print(d)"],
  "list item set to a small int": ["xs = [1]", "xs[0] = 2", "print(xs)"],
  "list appended to itself": ["xs = [1]", "xs.append(xs)", "print(xs)"],
  "list item replaced by a new object at the freed item's address": ["xs = [int('7' * 30)]", "xs[0] = None; xs[0] = int('8' * 30)", "print(xs)"],
  "list.pop of a shared object": ["xs = [len, abs]", "xs.pop()", "print(xs)"],
  "list.pop of a shared None": ["xs = [1, None]", "xs.pop()", "print(xs)"],
  "list.sort": ["xs = [3, 1, 2]", "xs.sort()", "print(xs)"],
  "list.reverse": ["xs = [3, 1, 2]", "xs.reverse()", "print(xs)"],
  "list items swapped": ["xs = [len, abs]", "xs[0], xs[1] = xs[1], xs[0]", "print(xs)"],
  "dict.update with existing objects": ["d = {'a': 1, 'b': 2}", "e = {'a': 2, 'b': 1}", "d.update(e)", "print(d)"],
  "dict values swapped": ["d = {'a': 1, 'b': 2}", "d['a'], d['b'] = d['b'], d['a']", "print(d)"],
  "mutation inside a function": ["def f(xs):", "    xs.reverse()", "    return xs", "print(f([1, 2, 3]))"],
};

describe("a container changed in place with no allocation and no shown refcount moving", () => {
  for (const [name, lines] of Object.entries(CASES)) {
    test(`${name}: the next step shows what python3 prints`, () => {
      const src = lines.join("\n") + "\n";
      const expected = execFileSync("python3", ["-c", src], { encoding: "utf8" }).trim();
      const trace = run(src, { trace: "line" }).trace!;
      const printLine = lines.length;
      if (lines[0]!.startsWith("def ")) {
        // the step at `return xs`: the line before it reversed the argument
        const i = trace.steps.findIndex((s) => s.line === 3);
        expect(objectAt(trace, i, "xs").repr).toBe(expected);
        return;
      }
      const target = /^print\((\w+)\)$/.exec(lines[printLine - 1]!)![1]!;
      expect(objectAt(trace, stepAtLine(trace, printLine), target).repr).toBe(expected);
    });
  }
});
