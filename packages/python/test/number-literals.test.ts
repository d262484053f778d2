// Number literals against python3: the float with a dot and no digit after it (`3.`, `1/3.`, `1.e5`),
// which lezer has no token for, and the literals CPython's tokenizer rejects (`2nd`, `0b12`, `1_`, `09`,
// `5j2`...) with its messages and carets, also where the rejected literal comes before an unterminated
// string or after lezer's own error. (python3's SyntaxWarning for a keyword right after a literal, as in
// `1if`, is not made.)
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-numlit-");

const PROGRAMS: string[] = [
  "x = 2nd\n",
  "x = 1_\n",
  "x = 0x\n",
  "x = 09\n",
  "x = 1__0\n",
  "x = 1.5e\n",
  "x = 0b2\n",
  "x = 0o8\n",
  "x = 5j2\n",
  "print(1st)\n",
  "x = 0b1_\n",
  "x = 1e5x\n",
  "x = 12abc + 1\n",
  "x = 007\n",
  "x = 0_7\n",
  "d = (2024, 09, 05)\n",
  "x = 0o\n",
  "x = 0x1g\n",
  "x = 1e+\n",
  "x = 0.5_\n",
  "x = .5x\n",
  "x = 1_a\n",
  "x = 0b12\n",
  "x = 0o1_9\n",
  "x = 1E\n",
  "x = 1jx\n",
  "x = 0x_\n",
  "x='a'; y = 2nd'\n",
  "x = 1.5j_\n",
  "print('I'm 2nd')\n",
  "f(2nd, 'x)\n",
  "f(1 2nd)\n",
  "x = [1 for 2x in y]\n",
  "x = 1 +\n",
  "print(\"score:\", 3rd_place)\n",
  "def 1st(): pass\n",
  "1st = 5\n",
  "x = 1_000_\n",
  "x = \"2nd\" + 2nd\n",
  "x = '''2nd''' # 2nd\n",
  "x = r'\\'' + 3x\n",
  "x = 0xff_ff + 1_000 + 0b1_0 + 0o7_7 + 1e1_0 + 1_0.5_5j\n",
  "print(10_07, 0_0, 00, 0e5, 0j, 1.e5, 09.5)\n",
  "total = 1OO\n",
  "x = 3.\n",
  "print(1.e5, 2.E-3, 1.j, 1.5, 3., 1/3., 2.*3, [1., 2.], 5.%2, 1. , 1..__class__, 1.0.real, 1_0.)\n",
  "print(1.__class__)\n",
  "print(1._5)\n",
  "print(1.real)\n",
  "print(f\"{1/3.:.3f} {2.:>6} {3.}\")\n",
  "x1 = [1, 2]; x1.append(3); print(x1, \"Chapter 1. Intro\", 0.5.as_integer_ratio(), 10.//3)\n",
  "y = 3.\n",
  "z = y.__class__(2.)\n",
  "print(y, z, [i*1. for i in range(3)], {1.: 2.})\n",
  "print(-1., +2., abs(-3.), 1.<2., 2.==2)\n",
];

describe("number literals", () => {
  PROGRAMS.forEach((src, i) => {
    it(`${i}: ${src.trim()}`, () => expectSameAsPython(cpython, `numlit-${i}`, src));
  });
});
