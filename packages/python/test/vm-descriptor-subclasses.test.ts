// Subclasses of staticmethod, classmethod and super against python3 (corpus fidelity/68 is the larger
// program): their own __get__ and attributes, super()'s __thisclass__/__self__/__self_class__, and the
// constructors' argument errors.
import { describe, it } from "vitest";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-descr-sub-");

describe("subclasses of staticmethod, classmethod and super", () => {
  it("runs the corpus case as python3 does, without a leak", () => expectSameAsPython(cpython, "descr_sub", corpusCase("fidelity/68-descriptor-subclasses.py")));
  it("reads super's fields and checks the constructors' arguments as python3 does", () =>
    expectSameAsPython(
      cpython,
      "super_fields",
      [
        "class A: pass",
        "class B(A): pass",
        "b = B()",
        "s = super(B, b)",
        "print(s.__thisclass__, s.__self__ is b, s.__self_class__, super(B, B).__self__, super(B).__self__)",
        "def f(x): return x",
        "print(staticmethod(f).__get__(None, A)(5), classmethod(f).__get__(b)(), classmethod(f).__get__(None, A)())",
        "for g in (lambda: classmethod(1, 2), lambda: type('X', (classmethod,), {})(1, 2), lambda: staticmethod(), lambda: super(int, 1, 2)):",
        "    try:",
        "        g()",
        "    except TypeError as e:",
        "        print(e)",
      ].join("\n") + "\n",
    ));
});
