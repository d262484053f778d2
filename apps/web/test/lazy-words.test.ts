// The page fetches its on-demand chunk before the first run of a program that imports statistics,
// fractions, pprint or textwrap (their Python code is in that chunk), in each form of import line, and not
// for a program that only uses those words otherwise.
import { describe, expect, it } from "vitest";
import { mayReachLazyChunk } from "../bundler/lazy-sources.js";

describe("LAZY_WORDS", () => {
  it("names the import lines of io and collections.abc", () => {
    for (const line of ["import io", "from io import StringIO", "from collections.abc import Iterable", "import collections.abc"])
      expect(mayReachLazyChunk(`${line}\nprint(1)\n`), line).toBe(true);
    expect(mayReachLazyChunk("ratio = 2\nprint(ratio)\n")).toBe(false);
  });

  it("names the import lines of statistics, fractions, pprint and textwrap", () => {
    for (const line of ["import statistics", "from fractions import Fraction", "import pprint", "import sys, textwrap", "from textwrap import dedent as d", "import statistics as st"])
      expect(mayReachLazyChunk(`${line}\nprint(1)\n`), line).toBe(true);
    for (const program of ["statistics = [1, 2]\nprint(statistics)\n", "print('fractions and pprint')\n"]) expect(mayReachLazyChunk(program), program).toBe(false);
  });
});
