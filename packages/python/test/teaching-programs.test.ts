/**
 * Differences course-style programs showed against python3, each as a small program run by both
 * (stdout, stderr, exit status; no leak, a consistent heap).
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-teaching-");

const cases: [string, string][] = [
  [
    "dir() of an instance whose class defines __dir__ sorts what it returns",
    `class C:
    def __init__(self): self.b = 1
    def __dir__(self): return ("zeta", "alpha", "mid")
class D(C): pass
class E:
    def __dir__(self): return {"x": 1, "b": 2}
class F:
    def __dir__(self): return 5
class G:
    def __dir__(self): return ["a", 1]
print(dir(C()), dir(D()), dir(E()), type(dir(E())).__name__)
print("__init__" in dir(C), "zeta" in dir(C), "b" in dir(object()))
for k in (F, G):
    try:
        dir(k())
    except TypeError as e:
        print(e)
`,
  ],
  [
    "str.encode to ascii or latin-1 with errors xmlcharrefreplace and backslashreplace",
    `for s in ["ü", "naïve €uro 😀!", "plain", "\x80\xff\u0100"]:
    for enc in ["ascii", "latin-1"]:
        for err in ["ignore", "replace", "xmlcharrefreplace", "backslashreplace"]:
            try:
                print(enc, err, s.encode(enc, err), s.encode(enc, errors=err) == bytes(s, enc, err))
            except UnicodeEncodeError as e:
                print(enc, err, "UnicodeEncodeError:", e)
`,
  ],
];

describe("course-style programs against python3", () => {
  for (const [name, src] of cases) it(name, () => expectSameAsPython(cpython, name, src, 60));
});
