/**
 * Steps against python3's sys.settrace: the kinds and lines of a line trace are python3's "call" and
 * "line" events for the program's own frames (the module's own "call" aside; pyheap ends with a "return"
 * step after the module body instead).
 */
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";
import { python3Json } from "./trace-helpers.js";

const TRACER = (src: string) => `import sys, json
src = ${JSON.stringify(src)}
ev = []
def tr(frame, event, arg):
    if frame.f_code.co_filename == 'main.py' and event in ('call', 'line'):
        if not (event == 'call' and frame.f_code.co_name == '<module>'):
            ev.append([event, frame.f_lineno, frame.f_code.co_name])
    return tr
code = compile(src, 'main.py', 'exec')
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    sys.settrace(tr)
    exec(code, {'__name__': '__main__'})
    sys.settrace(None)
print(json.dumps(ev))`;

const PROGRAMS: Record<string, string> = {
  "a function with a loop, a while loop, a class body":
    "def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\nx = f(3)\nwhile x > 0:\n    x -= 2\nclass C:\n    a = 1\nprint(x)\n",
  "a generator resumed by a for loop": "def gen(n):\n    for i in range(n):\n        yield i * 2\ntotal = 0\nfor v in gen(3):\n    total += v\nprint(total)\n",
  comprehensions: "xs = [i * i for i in range(4)]\nd = {k: v for k, v in zip('ab', xs)}\nprint(xs, d)\n",
  recursion: "def fact(n):\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\nprint(fact(4))\n",
  "try/except/finally": "try:\n    x = 1 / 0\nexcept ZeroDivisionError:\n    x = 0\nfinally:\n    y = 2\nprint(x, y)\n",
  "while True with break": "i = 0\nwhile True:\n    i += 1\n    if i > 3:\n        break\nprint(i)\n",
};

describe("line trace steps are sys.settrace's call and line events", () => {
  for (const [name, src] of Object.entries(PROGRAMS)) {
    test(name, () => {
      const expected = python3Json<[string, number, string][]>(TRACER(src));
      const trace = run(src, { trace: "line" }).trace!;
      const steps = trace.steps.filter((s) => s.kind !== "return");
      expect(steps.map((s) => [s.kind, s.line, s.frames[s.frames.length - 1]!.name])).toEqual(expected);
      expect(trace.steps[trace.steps.length - 1]!.kind).toBe("return");
    });
  }
});
