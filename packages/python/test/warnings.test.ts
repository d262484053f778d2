// Warnings against python3: the interpreter's own (int() through __trunc__, strict subclasses returned by
// __int__/__index__/__float__, NotImplemented's truth, random.randrange's), the warnings module (warn,
// filters, registries, catch_warnings, showwarning/formatwarning) and where they are shown.
import { readFileSync } from "node:fs";
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-warnings-");
const program = (name: string) => readFileSync(new URL(`./warnings/${name}`, import.meta.url), "utf8");

describe("warnings", () => {
  it("shows the interpreter's own warnings once per line, DeprecationWarning only from __main__", () =>
    expectSameAsPython(cpython, "interpreter", program("interpreter.py")));
  it("warns through the warnings module: categories, stack levels, errors, records, replaced showwarning", () =>
    expectSameAsPython(cpython, "module", program("module.py")));
  it("applies filters (patterns, once, module, error, reset), catch_warnings, and sys.stderr", () =>
    expectSameAsPython(cpython, "filters", program("filters.py")));
  it("does not show a DeprecationWarning triggered in another module's code", () =>
    expectSameAsPython(
      cpython,
      "other-module",
      [
        "import random, warnings",
        "def f():",
        "    warnings.warn('shown', DeprecationWarning)",
        "f()",
        "exec(\"import warnings\\nwarnings.warn('from exec', DeprecationWarning)\\nwarnings.warn('user from exec')\", {'__name__': 'other'})",
        "random.seed(2)",
        "print(random.randint(1, 6.0), random.randrange(3.0))",
        "warnings.simplefilter('error')",
        "warnings.warn('uncaught', RuntimeWarning)",
      ].join("\n") + "\n",
    ));
});
