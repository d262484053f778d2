/** Known differences from python3 (issue 3), each checked against python3's own output at test time. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { corpusCase, cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-issue3-");

describe("\\N{name} escapes", () => {
  it("gives each character of the table its python3 name", () => {
    const table = readFileSync(new URL("../src/objects/unicode-names.ts", import.meta.url), "utf8");
    const body = /const NAMED =\n([\s\S]*?);\n/.exec(table)![1]!;
    const names = [...body.matchAll(/"([^"]*)"/g)].map((m) => m[1]!).join("").split(/\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|u\{[0-9a-f]+\})/);
    expect(names.length).toBeGreaterThan(10);
    const program = `import unicodedata\nfor n in ${JSON.stringify(names.filter(Boolean))}:\n    print(n, unicodedata.lookup(n) == eval(chr(34) + "\\\\N{" + n + "}" + chr(34)))\n`;
    // pyheap has no unicodedata: python3 gives the expected characters, pyheap's literals must agree
    const want = cpython("names.py", program).stdout;
    expect(want).not.toMatch(/False/);
    const literals = names.filter(Boolean).map((n) => `print(${JSON.stringify(n)}, ascii("\\N{${n}}"))`).join("\n") + "\n";
    expectSameAsPython(cpython, "named-literals", literals);
  });

  it("decodes in str and f-string literals, case-insensitively; bytes and raw strings keep the text", () => {
    expectSameAsPython(
      cpython,
      "named-escapes",
      `print("\\N{EM DASH}", "x\\N{em dash}y", f"a\\N{SNAKE}{1+1}\\N{BULLET}", b"\\N{EM DASH}", r"\\N{EM DASH}")\nprint(f"{3:\\N{EN DASH}>5}", ascii("\\N{NO-BREAK SPACE}|\\N{pound sign}\\N{EURO SIGN}"))\n`,
    );
  });

  for (const [name, src] of [
    ["unknown", `x = "ab\\N{NOPE}"\n`],
    ["unknown-after-non-ascii", `x = "\\u00e9\\N{nope}"\n`],
    ["unknown-in-f-string", `x = f"a\\N{NOPE}"\n`],
    ["unknown-second-line", `x = ("a"\n     "b\\N{EM-DASH}")\n`],
    ["unclosed", `x = "\\N{EM DASH"\n`],
    ["empty", `x = "\\N{}"\n`],
    ["bare", `x = "\\N"\n`],
    ["no-brace", `x = "\\Nx"\n`],
  ] as const) {
    it(`gives python3's SyntaxError: ${name}`, () => expectSameAsPython(cpython, `named-${name}`, src));
  }
});

describe("sys.set_int_max_str_digits", () => {
  it("sets the limit of int <-> decimal str conversions, python3's errors past it", () => {
    expectSameAsPython(cpython, "int-max-str-digits", corpusCase("fidelity/147-int-max-str-digits.py"));
  });

  it("starts each run at 4300", () => {
    const first = runDetailed("import sys\nsys.set_int_max_str_digits(0)\nprint(len(str(10 ** 5000)))\n");
    expect(first.result.stdout).toBe("5001\n");
    expectSameAsPython(cpython, "int-limit-again", "import sys\nprint(sys.get_int_max_str_digits())\ntry:\n    str(10 ** 5000)\nexcept ValueError as e:\n    print(e)\n");
  });
});

describe("numbers through __float__, __index__, __int__ and __complex__", () => {
  it("complex(), printf-style %f %e %g %d %i %c, float() of bytes-like objects", () => {
    expectSameAsPython(cpython, "number-protocols", corpusCase("fidelity/148-number-protocols.py"));
  });
});

describe("functions as descriptors", () => {
  it("f.__get__(obj) and types.MethodType give bound methods, with python3's errors", () => {
    expectSameAsPython(cpython, "function-get", corpusCase("fidelity/149-function-get-methodtype.py"));
  });
});

describe("frame objects", () => {
  it("have f_globals beside f_locals, f_code, f_back and f_lineno", () => {
    expectSameAsPython(cpython, "frame-attributes", corpusCase("fidelity/150-frame-attributes.py"));
  });
});

describe("exception groups", () => {
  it("subgroup(), split() and derive() as python3's, and except* through a subclass's derive()", () => {
    expectSameAsPython(cpython, "exception-group-methods", corpusCase("fidelity/151-exception-group-methods.py"));
  });
});

describe("sys.stdout and sys.stderr", () => {
  it("have python3's repr", () => {
    expectSameAsPython(cpython, "stdout-repr", "import sys\nprint(repr(sys.stdout))\nprint(sys.stderr, sys.__stdout__)\nprint([sys.stdout])\n");
  });
});

describe("a class's __dict__", () => {
  it("is a read-only mappingproxy, vars() of a class and a built-in type's __dict__ too", () => {
    expectSameAsPython(cpython, "class-dict-mappingproxy", corpusCase("fidelity/171-class-dict-mappingproxy.py"));
  });
  it("refuses del of an item in python3's words (and other objects' del: 'does not' / 'doesn't' by key), is reversible", () => {
    expectSameAsPython(cpython, "mappingproxy-del-reversed", corpusCase("fidelity/204-mappingproxy-del-reversed.py"));
  });
});

describe("sys.getrefcount of None, True and False", () => {
  it("is large from the start (the runtime's references), as python3's", () => {
    expectSameAsPython(cpython, "refcount-static-singletons", corpusCase("fidelity/172-refcount-static-singletons.py"));
  });
});

describe("the main module", () => {
  it("has python3's names: __file__, __doc__ from the docstring, __spec__, __builtins__, in python3's order", () => {
    expectSameAsPython(cpython, "main-module-names", corpusCase("fidelity/176-main-module-names.py"));
  });
});

describe("subclasses of list, tuple and str with their own __iter__", () => {
  it("are iterated through it by list(), tuple(), sorted(), extend, +=, unpacking, join and f(*x), as in python3", () => {
    expectSameAsPython(cpython, "list-subclass-own-iter", corpusCase("fidelity/178-list-subclass-own-iter.py"));
  });
});

describe("reversed() of a dict and its views", () => {
  it("gives python3's dict_reverse*iterator objects: type names, sizes, order after deletions, size-change errors", () => {
    expectSameAsPython(cpython, "dict-reversed-iterators", corpusCase("fidelity/177-dict-reversed-iterators.py"));
  });
});

describe("sys.implementation and the standard streams", () => {
  it("has python3's namespace; stdout, stderr and stdin are no terminal and have python3's file numbers", () => {
    expectSameAsPython(cpython, "sys-implementation-streams", corpusCase("fidelity/180-sys-implementation-streams.py"));
  });
});

describe("the module type", () => {
  it("is types.ModuleType and makes modules: module(name, doc), python3's names, repr, errors and subclasses", () => {
    expectSameAsPython(cpython, "module-type", corpusCase("fidelity/179-module-type.py"));
  });
});

describe("data descriptors of built-in types", () => {
  it("int.real, complex.imag, types.FunctionType.__code__, range.start…: python3's getset and member descriptors, with __get__, __set__ and __delete__", () => {
    expectSameAsPython(cpython, "builtin-type-data-descriptors", corpusCase("fidelity/248-builtin-type-data-descriptors.py"));
  });
});

describe("__length_hint__ of the built-in iterators", () => {
  it("gives the items left (list, tuple, range, str, bytes, dict and set iterators, reversed), as operator.length_hint does", () => {
    expectSameAsPython(cpython, "iterator-length-hints", corpusCase("fidelity/249-iterator-length-hints.py"));
  });
});

describe("a bytearray's room", () => {
  it("grows as python3's: bytearray(iterable) item by item, append, extend, +=, del, clear, *= (sys.getsizeof)", () => {
    expectSameAsPython(cpython, "bytearray-alloc-sizes", corpusCase("fidelity/250-bytearray-alloc-sizes.py"));
  });
});

describe("a class's names assigned", () => {
  it("__module__, __qualname__ and __name__ show in its repr and its exceptions' traceback; python3's TypeError for a name that is no str", () => {
    expectSameAsPython(cpython, "class-name-module-assigned", corpusCase("fidelity/251-class-name-module-assigned.py"));
  });
});

describe("sys.stdout's and sys.stderr's attributes assigned", () => {
  it("give python3's errors: readonly attribute, or not writable", () => {
    expectSameAsPython(cpython, "std-streams-readonly-attributes", corpusCase("fidelity/252-std-streams-readonly-attributes.py"));
  });
  it("are read again in a reused interpreter after runs that read them (a str kept from an earlier run was freed)", () => {
    for (const c of ["217-list-subclass-clear-keeps-dict", "218-sys-stdio-attributes-hexversion"]) runDetailed(corpusCase(`fidelity/${c}.py`));
    expectSameAsPython(cpython, "std-streams-read-again", "import sys\nprint(sys.stdout.encoding, sys.stderr.errors, sys.stdout.name)\n");
  });
});
