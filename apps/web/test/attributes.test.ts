import { describe, expect, it } from "vitest";
import { dedent, parseThreshold } from "../src/attributes.js";

describe("attributes", () => {
  it("dedents a program written inside the tag", () => {
    expect(dedent("\n    a = []\n    if a:\n        print(a)\n\n")).toBe("a = []\nif a:\n    print(a)\n");
    expect(dedent("\tx = 1\n")).toBe("x = 1\n");
  });

  it("parses gc-threshold", () => {
    expect(parseThreshold("3")).toEqual([3]);
    expect(parseThreshold("700, 10,10")).toEqual([700, 10, 10]);
    expect(parseThreshold("700,10,10,5")).toEqual([700, 10, 10]);
    expect(parseThreshold("x")).toBeUndefined();
    expect(parseThreshold("-1")).toBeUndefined();
    expect(parseThreshold(null)).toBeUndefined();
  });
});
