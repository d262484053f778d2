// Correctly rounded pow, exp and log (objects/libm.ts): against exact decimal arithmetic in python3, and
// x ** y, math.pow/exp/exp2/log/log2 printed as python3 prints them.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { crCos, crExp, crExp2, crLog, crLog2, crPow, crSin, crTan } from "../src/objects/libm.js";
import { cpythonRunner, expectSameAsPython, PYTHON } from "./cpython.js";

const cpython = cpythonRunner("pyheap-libm-");
const file = (name: string) => fileURLToPath(new URL(`./libm/${name}`, import.meta.url));
const num = (s: string) => (s === "inf" ? Infinity : s === "-inf" ? -Infinity : s === "nan" ? NaN : Number(s));

describe("libm", () => {
  it("rounds exp, exp2, log, log2, pow, sin, cos and tan correctly (exact decimal results of python3)", () => {
    const rows = JSON.parse(execFileSync(PYTHON, [file("reference.py")], { encoding: "utf8", maxBuffer: 1 << 26 })) as [string, string, string, string][];
    expect(rows.length).toBeGreaterThan(2300);
    const fns: Record<string, (x: number, y: number) => number> = { exp: crExp, exp2: crExp2, log: crLog, log2: crLog2, pow: crPow, sin: crSin, cos: crCos, tan: crTan };
    const wrong = rows.filter(([name, x, y, want]) => !Object.is(fns[name]!(num(x), num(y)), num(want)));
    expect(wrong).toEqual([]);
  });

  it("gives C's special values", () => {
    expect([crPow(1, NaN), crPow(NaN, 0), crPow(-1, Infinity), crPow(0.5, Infinity), crPow(-Infinity, 3), crPow(-2, 3), crPow(-2, 1e300)]).toEqual([1, 1, 1, 0, -Infinity, -8, Infinity]);
    expect([crExp(-Infinity), crExp(Infinity), crExp(710), crExp(-800), crExp(-0), crExp(5e-324)]).toEqual([0, Infinity, Infinity, 0, 1, 1]);
    expect([crSin(-0), crSin(Infinity), crCos(1e-300), crTan(5e-324), crSin(1e300), crCos(2 ** 1023)]).toEqual([-0, NaN, 1, 5e-324, -0.8178819121159085, -0.826369834614148]);
    expect([crLog(0), crLog(-1), crLog(1), crLog(Infinity), crLog2(2 ** -1074), crLog2(1024), crExp2(-1074), crExp2(-1075.5)]).toEqual([-Infinity, NaN, 0, Infinity, -1074, 10, 5e-324, 0]);
  });

  it("prints python3's digits for x ** y (a negative base too) and the math module's exp, exp2, log, log2 and pow", () =>
    expectSameAsPython(cpython, "pow-sample", readFileSync(file("pow-sample.py"), "utf8")));
});
