import { run } from "@pyheap/python";
import { describe, expect, it } from "vitest";
import { WARM_UP_OPTIONS, WARM_UP_PROGRAM } from "../src/pool/warm-up.js";

describe("a worker's warm-up program", () => {
  it("imports every module it names without an error (a misspelt or missing module would leave the warm-up silently short)", () => {
    const r = run(WARM_UP_PROGRAM, WARM_UP_OPTIONS);
    expect(r.stderr).toBe("");
    expect(r.outcome.status).toBe("ok");
    // the modules written as Python source are all among them
    for (const m of ["collections", "functools", "itertools", "heapq", "bisect", "dataclasses", "typing", "string", "operator", "abc", "json", "enum", "re", "statistics", "fractions", "pprint", "textwrap", "collections.abc", "contextlib", "io"]) {
      expect(WARM_UP_PROGRAM).toMatch(new RegExp(`\\b${m}\\b`));
    }
  });
});
