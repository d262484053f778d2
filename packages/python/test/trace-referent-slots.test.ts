/**
 * A container's referents at every step, slot by slot, as python3 has them at the same line event: lists
 * that grow past the kept referents, change one slot, shrink, reverse and empty; dicts that grow past their
 * kept pairs, lose and gain keys, and keep a value at a slot whose key changed (same referent, new label).
 * The recorder updates a container's referents in place and stores a changed list as patches on the
 * previous one; the session reads them back through those patches (stepping forward, and jumping).
 */
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { run, Session, type HeapObject } from "../src/index.js";
import { binding } from "./trace-helpers.js";

const PROGRAM = `x = []
for i in range(70):
    x.append(i * 3)
x[0] = 'a'
x[5] = x[6]
del x[2]
x.pop()
x[:] = x[:10]
x.reverse()
x.append(x[3])
x.clear()
x = {}
for k in range(40):
    x[k] = k + 1000
v = x.pop(3)
x['new'] = x[4]
del x[0]
x[1] = v
x = {'a': 500}
w = x['a']
del x['a']
x['c'] = w
x = ['z'] * 12
x[7] = 'y'
x[11] = 'q'
x = 0
`;

/** At each line event of the module: the line and, when x is a list or dict, its repr and its kept items. */
const PY = `
import sys, json
src = sys.stdin.read()
snaps = []
def tr(frame, event, arg):
    if frame.f_code.co_filename != '<prog>':
        return None
    if event == 'line':
        x = frame.f_globals.get('x')
        if isinstance(x, list):
            s = [repr(x), [['[%d]' % i, repr(v)] for i, v in enumerate(x[:64])], len(x)]
        elif isinstance(x, dict):
            s = [repr(x), [p for k, v in list(x.items())[:32] for p in (['key ' + repr(k), repr(k)], ['[' + repr(k) + ']', repr(v)])], 2 * len(x)]
        else:
            s = None
        snaps.append([frame.f_lineno, s])
    return tr
code = compile(src, '<prog>', 'exec')
sys.settrace(tr)
exec(code, {'__name__': '__main__'})
sys.settrace(None)
print(json.dumps(snaps))
`;

type Snap = [number, [string, [string, string][], number] | null];

/** The display rule of reprs in records (MAX_REPR characters). */
const cut = (s: string): string => (s.length > 80 ? s.slice(0, 79) + "…" : s);

function shown(o: HeapObject, heap: Map<number, HeapObject>): [string, [string, string][], number] {
  const items = o.referents.map((r): [string, string] => [r.label, heap.get(r.serial)!.repr]);
  return [o.repr, items, o.referentCount ?? o.referents.length];
}

describe("container referents slot by slot", () => {
  const snaps = JSON.parse(execFileSync("python3", ["-c", PY], { input: PROGRAM, encoding: "utf8" })) as Snap[];
  const expected = snaps.map(([line, s]) => [line, s && [cut(s[0]), s[1], s[2]]]);
  const trace = run(PROGRAM, { trace: "line" }).trace!;
  const lineSteps = trace.steps.map((s, i) => [s, i] as const).filter(([s]) => s.kind === "line");

  const at = (session: Session, i: number): Snap[1] => {
    const view = session.step(i);
    const b = binding(view.step, "x");
    const o = b && view.heap.get(b.serial);
    return o && (o.type === "list" || o.type === "dict") ? shown(o, view.heap) : null;
  };

  test("the line events are python3's", () => {
    expect(lineSteps.map(([s]) => s.line)).toEqual(snaps.map(([line]) => line));
  });

  test("stepping forward: every step shows python3's items", () => {
    const session = new Session(trace);
    expect(lineSteps.map(([s, i]) => [s.line, at(session, i)])).toEqual(expected);
  });

  test("jumping (keyframes and patched lists): every step shows python3's items", () => {
    const session = new Session(trace);
    const order = lineSteps.map((_, k) => k).sort((a, b) => ((a * 37) % 101) - ((b * 37) % 101));
    for (const k of order) expect([lineSteps[k]![0].line, at(session, lineSteps[k]![1])]).toEqual(expected[k]);
  });
});
