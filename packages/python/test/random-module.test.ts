// The random module against python3: seeded draws of every function, seeds of every kind, argument errors
// and randrange's deprecation warnings (on stderr, once per line of the main module).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-random-");
const program = (name: string) => readFileSync(new URL(`./random/${name}`, import.meta.url), "utf8");

describe("random", () => {
  it("draws python3's numbers from gauss, normalvariate and the other distributions", () =>
    expectSameAsPython(
      cpython,
      "distributions",
      [
        "import random",
        "random.seed(12345)",
        "print([random.gauss(0, 1) for _ in range(5)], [random.normalvariate(10, 2) for _ in range(5)])",
        "print(random.expovariate(1.5), random.lognormvariate(0, 0.5), random.paretovariate(3), random.weibullvariate(1, 1.5))",
        "r = random.Random(7)",
        "print(r.gauss(), r.gauss(5, 0.1), r.gauss())",
        "r.seed(7)",
        "print(r.gauss(), random.gauss(mu=1, sigma=0), random.normalvariate(), random.expovariate(lambd=0.5))",
        "random.seed(1)",
        "print(round(sum(random.gauss(100, 15) for _ in range(2000)) / 2000, 9))",
      ].join("\n") + "\n",
    ));
  it("draws python3's numbers from python3's seeds", () => expectSameAsPython(cpython, "draws", program("draws.py")));
  it("seeds from every kind of value and raises python3's errors and warnings", () => expectSameAsPython(cpython, "seeds", program("seeds-errors.py")));
  it("warns once per line of the main module, not for calls made inside the module", () =>
    expectSameAsPython(
      cpython,
      "warnings",
      [
        "import random, sys",
        "random.seed(1)",
        "for i in range(3):",
        "    print(random.randrange(10.0), random.randint(1, 6.0))",
        "print(random.randrange(0, 20.0, 5))",
        "sys.stderr = None",
        "print(random.randrange(4.0))",
      ].join("\n") + "\n",
    ));
  it("gives a subclass instance that never seeds a state of its own, not a freed Random's at its address", () =>
    expectSameAsPython(
      cpython,
      "unseeded-subclass",
      [
        "import random",
        "class R(random.Random):",
        "    def __init__(self):",
        "        pass",
        "hits = []",
        "for i in range(20):",
        "    a = random.Random(42)",
        "    want = a.random()",
        "    a = random.Random(42)",
        "    ida = id(a)",
        "    del a",
        "    b = R()",
        "    hits.append(id(b) == ida and b.random() == want)",
        "print(any(hits))",
      ].join("\n") + "\n",
    ));
  it("seeds from the system's entropy without a seed, and keeps each Random object's own state", () => {
    const { result, heap } = runDetailed(
      "import random\na = random.Random()\nb = random.Random()\nx = [a.random() for _ in range(4)]\ny = [b.random() for _ in range(4)]\nprint(x != y, all(0 <= v < 1 for v in x + y))\nrandom.seed()\nprint(0 <= random.random() < 1)\n",
    );
    expect(result.stdout).toBe("True True\nTrue\n");
    expect(heap.leaked).toEqual([]);
  });
});
