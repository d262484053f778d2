import { describe, expect, it } from "vitest";
import { tryCompile } from "../src/compile/index.js";
import { pythonCompile } from "./compile-helpers/oracle.js";

/** Programs python3 rejects at compile time; ours must give the same type, message, line and column. */
const BAD: [string, string][] = [
  ["unclosed paren", "print('start')\ntotal = sum(values\naverage = total / 2\nprint(average)\n"],
  ["unclosed bracket at end", "x = [1, 2,\n"],
  ["missing indented block (def)", "def greet(name):\nprint('hello', name)\n"],
  ["missing indented block (if)", "if x:\ny = 1\n"],
  ["missing indented block (for)", "for i in x:\n# comment\nprint(i)\n"],
  ["missing indented block at EOF", "while True:\n"],
  ["unexpected indent", "x = 1\n    y = 2\n"],
  ["unindent mismatch", "if x:\n    a = 1\n  b = 2\n"],
  ["print statement", "message = 'hi'\nprint \"message is\", message\n"],
  ["invalid syntax", "x = = 1\n"],
  ["forgot comma", "x = [1, 2 3]\n"],
  ["unmatched paren", "x = 1)\n"],
  ["mismatched paren", "x = (1, 2]\n"],
  ["unterminated string", "x = 'abc\n"],
  ["unterminated triple string", "x = '''abc\n\ny = 2\n"],
  ["assign to call", "f() = 1\n"],
  ["assign to literal", "1 = x\n"],
  ["return outside function", "return 5\n"],
  ["break outside loop", "break\n"],
  ["continue outside loop", "if x:\n    continue\n"],
  ["yield outside function", "yield 1\n"],
  ["nonlocal at module level", "nonlocal x\n"],
  ["nonlocal without binding", "def f():\n    nonlocal q\n"],
  ["global after use", "def f():\n    print(x)\n    global x\n"],
  ["duplicate argument", "def f(a, a):\n    pass\n"],
  ["non-default after default", "def f(a=1, b):\n    pass\n"],
  ["positional after keyword", "f(a=1, 2)\n"],
  ["keyword repeated", "f(a=1, a=2)\n"],
  ["del call", "del f()\n"],
  ["augassign to tuple", "a, b += 1\n"],
  ["leading zeros", "x = 012\n"],
  ["mixed bytes", "x = b'a' 'b'\n"],
  ["default except not last", "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n"],
  ["assign to None", "None = 1\n"],
  ["assign to True in tuple", "a, True = 1, 2\n"],
  ["starred alone", "*a = 1\n"],
  ["two starred", "a, *b, *c = d\n"],
  ["starred in parens", "x = (*a)\n"],
  ["keyword unpacking then positional unpacking", "f(**k, *a)\n"],
  ["yield in comprehension", "def f():\n    return [(yield x) for x in y]\n"],
  ["lambda default order", "f = lambda a=1, b: a\n"],
  ["slash twice", "def f(a, /, /):\n    pass\n"],
  ["slash twice apart", "def f(a, /, b, /):\n    pass\n"],
  ["slash after star", "def f(*, /):\n    pass\n"],
  ["slash after *args", "def f(a, *b, /):\n    pass\n"],
  ["slash after **kwargs", "def f(**k, /):\n    pass\n"],
  ["slash alone", "def f(/):\n    pass\n"],
  ["slash first", "def f(/, a):\n    pass\n"],
  ["lambda slash twice", "f = lambda a, /, /: 0\n"],
  ["lambda slash after *args", "f = lambda *a, /: 0\n"],
  ["lambda slash after **kwargs", "f = lambda **k, /: 0\n"],
  ["import star in function", "def f():\n    from m import *\n"],
  ["nonlocal and global", "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n"],
  ["parameter declared global", "def f(a):\n    global a\n"],
  ["walrus on attribute", "(a.b := 1)\n"],
  ["augassign to literal", "1 += 2\n"],
  ["del literal", "del 1\n"],
  ["unclosed brace", "d = {'a': 1,\n     'b': 2\nprint(d)\n"],
  ["else without if", "else:\n    pass\n"],
  ["missing colon", "if x\n    pass\n"],
  ["bad dedent in class", "class C:\n    def f(self):\n        pass\n   x = 1\n"],
  ["return in class body", "class C:\n    return 1\n"],
  ["await outside", "await x\n"],
  ["break in except star", "for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n"],
];

describe("syntax errors match python3", () => {
  const oracle = pythonCompile(BAD.map(([, src]) => ({ src, filename: "bad.py" })));
  BAD.forEach(([name, src], i) => {
    it(name, () => {
      const expected = oracle[i]!;
      expect(expected.ok, "python3 rejects it").toBe(false);
      const r = tryCompile(src, "bad.py", "exec");
      expect(r.ok).toBe(false);
      if (!r.ok && !expected.ok) {
        expect({ type: r.error.type, msg: r.error.msg, lineno: r.error.lineno, offset: r.error.offset }).toEqual({
          type: expected.type,
          msg: expected.msg,
          lineno: expected.lineno,
          offset: expected.offset,
        });
      }
    });
  });
});
