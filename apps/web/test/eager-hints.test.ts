import { parseAst } from "vite";
import { describe, expect, it } from "vitest";
import { functionExpressions, hintCalledFunctions } from "../bundler/eager-hints.js";
import { functionFingerprint } from "../bundler/fingerprint.mjs";

const CODE = `var a=function(e){return e+1},b=function(e){return e*2};class C{m(e){return e}}var o={n(){return 3},get g(){return 4}};function d(e){return(function(t){return t-e})(e)}const f=e=>e;export{a,b,C,o,d,f};`;

describe("coverage-guided eager hints (bundler/eager-hints.ts)", () => {
  it("finds the function expressions, not methods, accessors, declarations or arrows", () => {
    const found = functionExpressions(parseAst(CODE)).map((n) => CODE.slice(n.start, n.end));
    expect(found.sort()).toEqual(["function(e){return e*2}", "function(e){return e+1}", "function(t){return t-e}"].sort());
  });

  it("wraps only the function expressions whose fingerprint is listed, and the code keeps its meaning", async () => {
    const hot = new Set([functionFingerprint("function(e){return e*2}"), functionFingerprint("m(e){return e}")]);
    const { code, wrapped } = hintCalledFunctions(CODE, parseAst(CODE), hot);
    expect(wrapped).toBe(1);
    expect(code).toBe(CODE.replace("b=function(e){return e*2}", "b=(function(e){return e*2})"));
    const mod = await import(`data:text/javascript,${encodeURIComponent(code)}`);
    expect([mod.a(1), mod.b(4), new mod.C().m(5), mod.o.n(), mod.o.g, mod.d(7), mod.f(8)]).toEqual([2, 8, 5, 3, 4, 0, 8]);
    expect(mod.b.name).toBe("b");
  });

  it("gives functions of one shape one fingerprint, whatever their names", () => {
    expect(functionFingerprint("function(e,t){return e.Ab(t,1)}")).toBe(functionFingerprint("function(i,r){return i.Zq(r,1)}"));
    expect(functionFingerprint("function(e,t){return e.Ab(t,1)}")).not.toBe(functionFingerprint("function(e,t){return e.Ab(t,2)}"));
    expect(functionFingerprint("function(e){return e}")).not.toBe(functionFingerprint("function(e){throw e}"));
  });
});
