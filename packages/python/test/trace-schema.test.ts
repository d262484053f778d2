/**
 * trace-schema.json: generated from src/trace/schema.ts, up to date, and every real trace validates
 * against it.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { createGenerator } from "ts-json-schema-generator";
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const published = JSON.parse(readFileSync(`${root}trace-schema.json`, "utf8")) as Record<string, unknown>;

describe("trace-schema.json", () => {
  test("is what the generator makes from schema.ts today", () => {
    const fresh = createGenerator({ path: `${root}src/trace/schema.ts`, type: "Trace", tsconfig: `${root}tsconfig.json` }).createSchema("Trace");
    expect(JSON.parse(JSON.stringify(fresh))).toEqual(published);
  });

  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(published);
  const programs: [string, string, Parameters<typeof run>[1]][] = [
    ["the blog's list", "mutable = ['Hello']\nmutable.append('World')\nprint(mutable)\n", { trace: "line" }],
    ["a function, a class and a collected cycle", "import gc\nclass A:\n    def __init__(self):\n        self.me = self\ndef f(n):\n    a = A()\n    return n * 2\nx = [f(i) for i in range(3)]\ngc.collect()\n", { trace: "line" }],
    ["instruction steps", "x = (1, 2)\ny = {'k': x}\n", { trace: "instruction" }],
    ["an uncaught exception", "x = 1\n1 / 0\n", { trace: "line" }],
    ["a step limit", "while True:\n    pass\n", { trace: "line", limits: { maxTraceSteps: 20 } }],
    ["automatic collections", "x = []\nfor i in range(50):\n    x.append([i])\n", { trace: "line", gcThreshold: [10, 2, 2] }],
    ["a syntax error", "x = (\n", { trace: "line" }],
  ];
  for (const [name, src, options] of programs) {
    test(`a trace of ${name} validates`, () => {
      const trace = run(src, options).trace!;
      expect(trace).toBeDefined();
      const ok = validate(JSON.parse(JSON.stringify(trace)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    });
  }

  test("an invalid trace is rejected", () => {
    const trace = JSON.parse(JSON.stringify(run("x = 1\n", { trace: "line" }).trace!));
    trace.steps[0].line = "one";
    expect(validate(trace)).toBe(false);
  });
});
