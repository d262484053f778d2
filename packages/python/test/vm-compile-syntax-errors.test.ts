/**
 * compile(), exec() and eval() raise the parser's error whole: IndentationError or SyntaxError with msg,
 * filename, lineno, offset, text, end_lineno and end_offset as python3 gives them (they raised a bare SyntaxError with
 * only the message), and an uncaught one prints the source line and its caret.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-compile-errors-");

const SOURCE = `def show(fn, *a, end=True):
    try:
        fn(*a)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, end and e.end_offset)
        print("  str:", e, "| args:", e.args[0], e.args[1][:4], isinstance(e, SyntaxError))
show(compile, "if x:\\nfoo\\n", "f.py", "exec")
show(compile, "x = (1,\\n", "g.py", "exec")
show(compile, "x = = 2", "h.py", "exec")
show(exec, "for i in range(3):\\n  print(i)\\n    print(i)\\n")
show(exec, "a = 1\\nb = 2 +\\n", end=False)
show(eval, "  [1,\\n 2 3]")
show(exec, "class C:\\n    def f(self):\\n    return 1\\n", end=False)
exec("while True\\n    pass\\n")
`;

describe("syntax errors of compile(), exec() and eval()", () => {
  it("carry the parser's class and fields, as python3's", () => {
    expectSameAsPython(cpython, "compile_errors.py", SOURCE);
  });
});
