import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { compileModule, disassemble, OP_NAMES, type CodeObject } from "../src/compile/index.js";

/**
 * Exception handling: the instruction sequence and, for every instruction that can raise, the handler
 * python3's exception table gives it (target instruction, stack depth, lasti), compared instruction by
 * instruction. NOPs and jumps are left out of the handler comparison (they cannot raise, and 3.11 covers
 * some of them and not others depending on block layout).
 */
const SCRIPT = String.raw`
import sys, json, dis, types
def walk(co, out):
    ins = list(dis.get_instructions(co))
    index = {i.offset: n for n, i in enumerate(ins)}
    handlers = [None] * len(ins)
    for e in dis._parse_exception_table(co):
        for n, i in enumerate(ins):
            if e.start <= i.offset < e.end:
                handlers[n] = [index[e.target], e.depth, bool(e.lasti)]
    out.append([[i.opname for i in ins], handlers])
    for c in co.co_consts:
        if isinstance(c, types.CodeType): walk(c, out)
res = []
for src in json.load(sys.stdin):
    out = []
    walk(compile(src, "f.py", "exec"), out)
    res.append(out)
print(json.dumps(res))
`;

const CASES: [string, string][] = [
  ["try/except/else/finally", "def f(a):\n    try:\n        x = a[0]\n    except (IndexError, KeyError) as err:\n        print(err)\n    except ValueError:\n        print('v')\n    else:\n        print('else')\n    finally:\n        print('finally')\n"],
  ["with", "def f(p):\n    with open(p) as fh:\n        data = fh.read()\n    return data\n"],
  ["nested with", "def f():\n    with a() as x, b() as y:\n        g(x, y)\n"],
  ["try in a loop", "def f(items):\n    for it in items:\n        try:\n            g(it)\n        except Exception as e:\n            h(e)\n"],
  ["try in with in loop", "def f(items):\n    for it in items:\n        with it:\n            try:\n                g(it)\n            finally:\n                h()\n"],
  ["raise from", "def f(x):\n    try:\n        g(x)\n    except KeyError as e:\n        raise ValueError('bad') from e\n"],
  ["bare reraise", "def f():\n    try:\n        g()\n    except:\n        h()\n        raise\n"],
  // a try that cannot complete (its body and handlers all raise): the try after it keeps the loop's depth
  ["try after an unfinishable try/finally", "try:\n    try:\n        raise TypeError\n    finally:\n        pass\nexcept TypeError:\n    pass\nfor a in b:\n    try:\n        print(f(a))\n    except KeyError:\n        pass\n"],
  ["try after an unfinishable try/except", "def f(b):\n    try:\n        raise TypeError\n    except TypeError:\n        raise ValueError\n    for a in b:\n        with a:\n            print(g(a))\n"],
  ["except star", "def f():\n    try:\n        g()\n    except* ValueError as eg:\n        h(eg)\n    except* TypeError:\n        pass\n"],
  ["generator with try", "def gen():\n    try:\n        yield 1\n        yield from other()\n    finally:\n        cleanup()\n"],
  ["module level", "try:\n    import missing\nexcept ImportError:\n    missing = None\n"],
];

const NO_RAISE = new Set(["JUMP_BACKWARD_NO_INTERRUPT", "RESUME"]);

function ours(code: CodeObject, out: [string[], ([number, number, boolean] | null)[]][] = []) {
  const ops: string[] = [];
  const handlers: ([number, number, boolean] | null)[] = [];
  for (let i = 0; i < code.co_ninstructions; i++) {
    ops.push(OP_NAMES[code.co_code[2 * i]!]!);
    const e = code.co_exceptiontable.find((x) => x.start <= i && i < x.end);
    handlers.push(e ? [e.target, e.depth, e.lasti] : null);
  }
  out.push([ops, handlers]);
  for (const c of code.co_consts) if (c.kind === "code") ours(c.code, out);
  return out;
}

describe("exception tables match python3's", () => {
  const r = spawnSync("python3", ["-c", SCRIPT], { input: JSON.stringify(CASES.map(([, s]) => s)), encoding: "utf8" });
  const expected = JSON.parse(r.stdout) as [string[], ([number, number, boolean] | null)[]][][];
  CASES.forEach(([name, src], i) => {
    it(name, () => {
      const unit = compileModule(src, "f.py");
      const got = ours(unit.code);
      const exp = expected[i]!;
      expect(got.length).toBe(exp.length);
      got.forEach(([ops, handlers], j) => {
        const [eops, ehandlers] = exp[j]!;
        const IGNORED = new Set(["NOP", "JUMP_FORWARD", "JUMP_BACKWARD"]);
        const drop = (o: string[]) => o.filter((x) => !IGNORED.has(x));
        if (JSON.stringify(drop(ops)) !== JSON.stringify(drop(eops))) console.log(disassemble(unit.code));
        expect(drop(ops)).toEqual(drop(eops));
        // align the two sequences on their non-NOP instructions
        const mine = ops.map((o, k) => [o, handlers[k]] as const).filter(([o]) => !IGNORED.has(o));
        const theirs = eops.map((o, k) => [o, ehandlers[k]] as const).filter(([o]) => !IGNORED.has(o));
        const mineIdx = ops.map((_, k) => k).filter((k) => !IGNORED.has(ops[k]!));
        const theirIdx = eops.map((_, k) => k).filter((k) => !IGNORED.has(eops[k]!));
        const toAligned = (k: number, idx: number[], seq: string[]) => {
          let t = k;
          while (t < seq.length && IGNORED.has(seq[t]!)) t++;
          return idx.indexOf(t);
        };
        mine.forEach(([op, h], k) => {
          if (NO_RAISE.has(op)) return;
          const eh = theirs[k]![1];
          const a = h ? [toAligned(h[0], mineIdx, ops), h[1], h[2]] : null;
          const b = eh ? [toAligned(eh[0], theirIdx, eops), eh[1], eh[2]] : null;
          expect({ instruction: k, op, handler: a }).toEqual({ instruction: k, op, handler: b });
        });
      });
    });
  });
});
