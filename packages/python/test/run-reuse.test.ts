// An interpreter reused across runs (its heap image and JavaScript state restored after each run) must be,
// to every program, a brand-new one: each program below runs first on new interpreters, then back to back
// on pooled ones in several orders, and everything a run reports must be the same — stdout, stderr, exit
// status, outcome, stats (allocation counts, GC counts, peak bytes), the full trace, the leak report and
// the heap checker's verdict.
import { afterAll, describe, expect, it } from "vitest";
import type { RunOptions } from "../src/index.js";
import { runDetailed, setUpInterpreter } from "../src/run.js";
import { acquireInterpreter, releaseInterpreter, setInterpreterReuse } from "../src/heap-pool.js";
import type { VMHost } from "../src/vm/vm.js";
import { loadHeap } from "@pyheap/heap";

interface Case {
  name: string;
  source: string;
  options?: RunOptions;
  /** What the run must have ended with (so that the case exercises what it is meant to). */
  status: "ok" | "exception" | "limit" | "syntax-error";
}

const cases: Case[] = [
  { name: "lists and ids", status: "ok", source: "a = []\nb = [a, a]\nprint(id(a) == id(b[0]), len(b))\nx = [i * i for i in range(50)]\nprint(sum(x), id(x) % 4096)\n" },
  {
    name: "mutating builtins",
    status: "ok",
    source: "import builtins\nold = builtins.len\nbuiltins.len = lambda x: 42\nprint(len([1]))\nbuiltins.extra = 'x'\nprint(extra)\ndel builtins.abs\ntry:\n    abs(-1)\nexcept NameError as e:\n    print(e)\nprint(old('ab'))\n",
  },
  {
    name: "builtin types and their caches",
    status: "ok",
    source: "print('abc'.upper(), str.upper('x'), type(str.upper).__name__)\ntry:\n    int.foo = 1\nexcept TypeError as e:\n    print(e)\nm = [].append\nprint(type(m).__name__, list.append.__qualname__, [].append == m)\nprint(getattr(int, 'bit_length')(5), hasattr(dict, 'fromkeys'))\n",
  },
  {
    name: "classes named like builtins, class attributes",
    status: "ok",
    source: "class int:\n    pass\nclass Foo:\n    x = 1\nFoo.x = 2\nFoo.y = 3\nclass Bar(Foo):\n    pass\nprint(Bar.x, Bar.y, int, type(5).__name__, Foo.__subclasses__())\n",
  },
  {
    name: "gc thresholds, disable, freeze",
    status: "ok",
    source: "import gc\ngc.set_threshold(5, 2, 2)\nprint(gc.get_threshold())\nx = [[i] for i in range(100)]\nprint(gc.get_count())\ngc.freeze()\nprint(gc.get_freeze_count() > 0)\ngc.disable()\nprint(gc.isenabled())\n",
  },
  {
    name: "gc callbacks and cycles with __del__",
    status: "ok",
    source: "import gc\nseen = []\ngc.callbacks.append(lambda p, i: seen.append((p, i['generation'])))\nclass N:\n    def __del__(self):\n        print('del', self.k)\nfor k in range(3):\n    n = N()\n    n.k = k\n    n.me = n\ndel n\nprint(gc.collect())\nprint(seen[:2])\n",
  },
  {
    name: "recursion limit from the program",
    status: "ok",
    source: "import sys\nsys.setrecursionlimit(60)\ndef f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('deep', e)\nprint(sys.getrecursionlimit())\n",
  },
  { name: "recursion limit option", status: "exception", options: { limits: { recursionLimit: 40 } }, source: "def f(n):\n    return f(n + 1)\nf(0)\n" },
  {
    name: "interning",
    status: "ok",
    source: "import sys\na = sys.intern('hello ' * 3)\nb = sys.intern('hello ' * 3)\nprint(a is b)\nc = 'abc'\nd = 'ab' + 'c'\nprint(c is d, sys.getrefcount('abc') > 1)\nnames = [sys.intern('n%d' % i) for i in range(20)]\nprint(len(set(map(id, names))))\n",
  },
  {
    name: "weakrefs and finalizers",
    status: "ok",
    source: "import weakref\nclass C:\n    pass\nc = C()\nr = weakref.ref(c, lambda w: print('gone'))\nf = weakref.finalize(c, print, 'finalized')\nd = weakref.WeakValueDictionary()\nd['k'] = c\nprint(r() is c, len(d))\ndel c\nprint(r(), len(d))\ne = C()\nweakref.finalize(e, print, 'at exit')\n",
  },
  {
    name: "class calls and super() sites",
    status: "ok",
    source: "class A:\n    def __init__(self, v):\n        self.v = v\n    def f(self, k):\n        return self.v + k\nclass B(A):\n    def __init__(self, v):\n        super().__init__(v * 2)\n    def f(self, k):\n        return super().f(k) + 1\nprint([B(i).f(i) for i in range(40)][-3:], [A(i).f(1) for i in range(40)][-1])\nA.f = lambda self, k: -k\nprint(B(3).f(4), id(B(1)) == id(B(2)))\n",
  },
  { name: "uncaught exception", status: "exception", source: "def f():\n    raise ValueError('boom')\nprint('before')\nf()\n" },
  { name: "SystemExit with a code", status: "ok", source: "import sys\nprint('out')\nsys.exit(3)\n" },
  { name: "exception in __del__", status: "ok", source: "class D:\n    def __del__(self):\n        raise RuntimeError('in del')\nd = D()\ndel d\nprint('after')\n" },
  { name: "syntax error", status: "syntax-error", source: "print('a'\nx = \n" },
  { name: "step limit", status: "limit", options: { limits: { maxSteps: 5000 } }, source: "x = []\nwhile True:\n    x.append(len(x))\n" },
  { name: "output limit", status: "limit", options: { limits: { maxOutputBytes: 300 } }, source: "for i in range(1000):\n    print(i)\n" },
  { name: "heap limit", status: "limit", options: { limits: { maxHeapBytes: 4 << 20 } }, source: "x = [bytes(1000) for i in range(20000)]\n" },
  { name: "REPL", status: "ok", options: { mode: "repl" }, source: "x = 5\nx * 2\nimport gc\ngc.set_threshold(3)\n[1, 2]\ndef f():\n    return 7\n\nf()\n1/0\nprint('after')\n" },
  {
    name: "line trace with object counts",
    status: "ok",
    options: { trace: "line", countObjects: true },
    source: "import gc\na = [1, 2]\nb = {'k': a}\nclass C:\n    pass\nc = C()\nc.me = c\ndel c\ngc.collect()\nprint(a, b)\n",
  },
  { name: "instruction trace", status: "ok", options: { trace: "instruction" }, source: "def f(x):\n    return x + 1\nprint(f(1), [f(i) for i in range(3)])\n" },
  { name: "trace-size limit", status: "limit", options: { trace: "line", limits: { maxTraceSteps: 30 } }, source: "for i in range(100):\n    x = i\n" },
  { name: "object counts", status: "ok", options: { countObjects: true }, source: "x = [str(i) for i in range(100)]\ny = {i: i for i in range(50)}\ndel x\nprint(len(y))\n" },
  { name: "gc threshold option", status: "ok", options: { gcThreshold: [7, 3, 3] }, source: "import gc\nprint(gc.get_threshold())\nx = [[] for i in range(40)]\nprint(gc.get_count())\n" },
  {
    name: "print keywords, sys streams, modules",
    status: "ok",
    source: "import sys, copy\nprint(1, 2, sep='-', end='!\\n')\nsys.stdout.write('w\\n')\nprint('e', file=sys.stderr)\nsys.modules['fake'] = 1\nprint(copy.deepcopy([[1], {2: 3}]))\nprint(sorted(k for k in sys.modules if not k.startswith('_'))[:4])\n",
  },
  {
    name: "generators left suspended, closures",
    status: "ok",
    source: "def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('closed')\nit = g()\nnext(it)\ndef outer():\n    v = [1]\n    def inner():\n        return v\n    return inner\nkeep = outer()\nprint(keep())\n",
  },
  {
    name: "hot loops (compiled after their warm-up)",
    status: "ok",
    source: "def f(n):\n    s = 0\n    for i in range(n):\n        s += i * i\n    return s\nprint(sum(f(60) for _ in range(40)))\nd = {}\nfor i in range(3000):\n    d[i % 7] = d.get(i % 7, 0) + i\nprint(d, [id(k) % 4096 for k in d][:3])\n",
  },
  {
    name: "exec, eval, type()",
    status: "ok",
    source: "ns = {}\nexec('def h(): return 3', ns)\nprint(ns['h'](), eval('1 + 2'))\nT = type('T', (object,), {'a': 1})\nprint(T().a, T.__name__)\n",
  },
];

/** A run's result without what may differ between two runs of a program (wall-clock time). */
function comparable(c: Case) {
  const { result, heap } = runDetailed(c.source, c.options ?? {});
  const { wallMs, ...stats } = result.stats;
  void wallMs;
  return { ...result, stats, heap };
}

const expected = new Map<string, ReturnType<typeof comparable>>();

afterAll(() => setInterpreterReuse(true));

describe("a reused interpreter is a new interpreter to every program", () => {
  it("runs on new interpreters (the expected results)", () => {
    setInterpreterReuse(false);
    for (const c of cases) {
      const r = comparable(c);
      expect.soft(r.outcome.status, `${c.name}: ${r.stderr}`).toBe(c.status);
      expect.soft(r.heap.check, c.name).toEqual({ ok: true });
      expected.set(c.name, r);
    }
    // the traced cases did record traces
    expect(expected.get("line trace with object counts")!.trace!.steps.length).toBeGreaterThan(5);
  });

  const orders: [string, Case[]][] = [
    ["in order", cases],
    ["in reverse order", [...cases].reverse()],
    ["interleaved with itself", cases.flatMap((c, i) => [c, cases[(i * 7 + 3) % cases.length]!])],
  ];
  for (const [label, list] of orders) {
    it(`back to back on pooled interpreters, ${label}`, () => {
      setInterpreterReuse(true);
      for (const c of list) expect(comparable(c), c.name).toEqual(expected.get(c.name));
    });
  }

  it("restored between awaits (off the run's path) as well as at acquire", async () => {
    setInterpreterReuse(true);
    for (const c of cases) {
      expect(comparable(c), c.name).toEqual(expected.get(c.name));
      await Promise.resolve();
    }
  });
});

describe("a heap limit below what the interpreter itself needs", () => {
  for (const on of [false, true]) {
    it(`ends the run with a heap limit outcome, not an error (reuse ${on ? "on" : "off"})`, () => {
      setInterpreterReuse(on);
      const r = runDetailed("print('never')\n", { limits: { maxHeapBytes: 1000 } }).result;
      expect(r.outcome).toEqual({ status: "limit", limit: "heap", message: "heap limit exceeded" });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toBe("");
      // the next run is not affected
      const c = cases[0]!;
      expect(comparable(c)).toEqual(expected.get(c.name));
    });
  }
});

const host: VMHost = {
  write() {},
  sourceLine: () => null,
  compile() {
    throw new Error("not used");
  },
};

/**
 * Everything reachable from the VM (but the heap binding and the host), as text: objects numbered in the
 * order first met, functions by name. Two VMs print the same when their JavaScript state is the same.
 */
function fingerprint(root: object): string {
  const ids = new Map<object, number>();
  const out: string[] = [];
  const walk = (x: unknown, depth: number): string => {
    if (typeof x === "function") return `fn:${x.name}`;
    if (x === null || typeof x !== "object") return typeof x === "number" ? String(x) : JSON.stringify(x) ?? "undefined";
    const known = ids.get(x);
    if (known !== undefined) return `#${known}`;
    const id = ids.size;
    ids.set(x, id);
    if (ArrayBuffer.isView(x)) return `view#${id}`;
    let body: string;
    if (Array.isArray(x)) body = `[${x.map((v) => walk(v, depth + 1)).join(",")}]`;
    else if (x instanceof Map) body = `Map{${[...x].map(([k, v]) => `${walk(k, depth + 1)}=>${walk(v, depth + 1)}`).join(",")}}`;
    else if (x instanceof Set) body = `Set{${[...x].map((v) => walk(v, depth + 1)).join(",")}}`;
    else
      body = `${x.constructor?.name ?? "null"}{${Object.keys(x)
        .filter((k) => !(x === root && (k === "h" || k === "host")))
        .map((k) => `${k}:${walk((x as Record<string, unknown>)[k], depth + 1)}`)
        .join(",")}}`;
    out.push(`${id}=${body}`);
    return `#${id}`;
  };
  walk(root, 0);
  return out.join("\n");
}

describe("the JavaScript side of a restored interpreter", () => {
  it("keeps no trace recorder's wrappers on the heap binding's gc object (either mode)", async () => {
    const own = Object.keys(loadHeap().gc);
    for (const on of [false, true]) {
      setInterpreterReuse(on);
      for (let i = 0; i < 3; i++) runDetailed("import gc\ngc.disable()\ngc.enable()\n", { trace: "line" });
      await Promise.resolve();
      const { heap, vm } = acquireInterpreter(256 << 20, host, setUpInterpreter);
      expect(Object.keys(heap.gc)).toEqual(own);
      releaseInterpreter(vm);
    }
  });

  it("is the same as a newly set-up interpreter's, and so is its heap", async () => {
    setInterpreterReuse(false);
    const fresh = acquireInterpreter(256 << 20, host, setUpInterpreter);
    const want = fingerprint(fresh.vm);
    const wantMemory = Buffer.from(fresh.heap.memory.buffer);
    setInterpreterReuse(true);
    for (const c of cases) runDetailed(c.source, c.options ?? {});
    await Promise.resolve();
    const reused = acquireInterpreter(256 << 20, host, () => {
      throw new Error("expected a pooled interpreter");
    });
    try {
      const got = fingerprint(reused.vm);
      expect(got.length).toBeGreaterThan(10_000);
      expect(got).toBe(want);
      const memory = Buffer.from(reused.heap.memory.buffer);
      expect(memory.subarray(0, wantMemory.length).equals(wantMemory)).toBe(true);
      expect(memory.subarray(wantMemory.length).every((b) => b === 0)).toBe(true);
    } finally {
      releaseInterpreter(reused.vm);
    }
  });
});
