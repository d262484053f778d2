import { describe, expect, it } from "vitest";
import { programToRunInPage } from "../src/early-start.js";

/** An element of the page as early-start.ts reads it: its attributes and its text. */
function element(attrs: Record<string, string>, text = ""): Element {
  return {
    hasAttribute: (n: string) => n in attrs,
    getAttribute: (n: string) => attrs[n] ?? null,
    textContent: text,
  } as unknown as Element;
}

describe("which elements in the page start loading the interpreter early", () => {
  it("an element with a program in its text or its code attribute, or with a src", () => {
    expect(programToRunInPage(element({}, "\n  x = [1]\n"))).toBe("\n  x = [1]\n");
    expect(programToRunInPage(element({ code: "import copy" }, "ignored"))).toBe("import copy");
    expect(programToRunInPage(element({ src: "prog.py" }))).toBe("");
  });

  it("no element that has no program, nor one that runs its program on the HTTP API", () => {
    expect(programToRunInPage(element({}, "  \n "))).toBeNull();
    expect(programToRunInPage(element({ code: "" }, ""))).toBeNull();
    expect(programToRunInPage(element({ api: "https://example.test" }, "x = 1"))).toBeNull();
    expect(programToRunInPage(element({ api: "", src: "prog.py" }))).toBeNull();
  });
});
