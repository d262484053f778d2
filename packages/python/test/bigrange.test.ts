// The arithmetic of ranges with any int bounds (src/vm/bigrange.ts) against python3's own ranges: lengths,
// items, slices, membership, index/count, equality, hashes, iterator types and reprs, for bounds around
// 2**53, 2**63 and 2**64 and far beyond, with steps of every sign and size.
import { describe, expect, it } from "vitest";
import {
  containsInt, countInt, fitsDouble, hashTuple, indexOfInt, itemAt, iteratorTypeName, lenOrNull, rangeLength, rangeRepr, rangesEqual,
  reversedWalk, sliceOf, type RangeBounds, type SliceParts,
} from "../src/vm/bigrange.js";
import { cpythonRunner } from "./cpython.js";

const cpython = cpythonRunner("pyheap-bigrange-");

const P53 = 2n ** 53n;
const P63 = 2n ** 63n;
const P64 = 2n ** 64n;
const BOUNDS = [0n, -1n, 7n, P53 + 1n, P63 - 2n, P63 - 1n, P63, -P63 - 1n, P64, -(2n ** 70n), 3n ** 45n];
const STEPS = [1n, -1n, -7n, 2n ** 40n, -(P63), P63 - 1n, 3n ** 50n, -(P64 + 5n)];

/** Ranges of every pair of bounds with every step (some empty, some of one item, some huge). */
function ranges(): RangeBounds[] {
  const out: RangeBounds[] = [];
  for (const start of BOUNDS) for (const stop of BOUNDS) for (const step of STEPS) out.push({ start, stop, step });
  return out;
}

const SLICES: SliceParts[] = [
  { start: null, stop: null, step: -1n },
  { start: 1n, stop: -1n, step: null },
  { start: -3n, stop: null, step: 2n },
  { start: 2n ** 70n, stop: -(2n ** 70n), step: -5n },
  { start: null, stop: 5n, step: P63 },
  { start: -(2n ** 65n), stop: 2n ** 65n, step: -(2n ** 64n) },
];

const py = (x: bigint | null) => (x === null ? "None" : x.toString());
const tuple = (xs: (bigint | null)[]) => `(${xs.map(py).join(", ")},)`;

/** One line per range, computed in python3: what each operation gives (a JSON array per range). */
function python(rs: RangeBounds[]): unknown[][] {
  const source = [
    "import json",
    `rs = [${rs.map((r) => `range(${r.start}, ${r.stop}, ${r.step})`).join(", ")}]`,
    `slices = [${SLICES.map((s) => `slice(${py(s.start)}, ${py(s.stop)}, ${py(s.step)})`).join(", ")}]`,
    "def tryit(f):",
    "    try:",
    "        return str(f())",
    "    except (IndexError, OverflowError, ValueError) as e:",
    "        return type(e).__name__",
    "for r in rs:",
    "    n = r.start",
    "    probes = [r.start, r.start + r.step, r.stop, r.stop - 1, r.start - 1, r.start + 2 * r.step + 1, r.start + 5 * r.step]",
    "    idx = [0, 1, -1, -2, 2 ** 64, -(2 ** 65), 3]",
    "    print(json.dumps([",
    "        tryit(lambda: len(r)), repr(r),",
    "        [tryit(lambda i=i: r[i]) for i in idx],",
    "        [repr(r[s]) for s in slices],",
    "        [p in r for p in probes],",
    "        [tryit(lambda p=p: r.index(p)) for p in probes],",
    "        [r.count(p) for p in probes],",
    "        type(iter(r)).__name__, type(reversed(r)).__name__,",
    "        [str(x) for x, _ in zip(reversed(r), range(2))],",
    "    ]))",
  ].join("\n");
  const r = cpython("ranges.py", `${source}\n`);
  expect(r.stderr).toBe("");
  return r.stdout.trim().split("\n").map((l) => JSON.parse(l) as unknown[]);
}

/** The same line computed here. */
function ours(r: RangeBounds): unknown[] {
  const probes = [r.start, r.start + r.step, r.stop, r.stop - 1n, r.start - 1n, r.start + 2n * r.step + 1n, r.start + 5n * r.step];
  const idx = [0n, 1n, -1n, -2n, 2n ** 64n, -(2n ** 65n), 3n];
  const n = lenOrNull(r);
  const walk = reversedWalk(r);
  const firstTwo: string[] = [];
  for (let k = 0n; k < 2n && k < walk.length; k++) firstTwo.push(String(walk.first + k * walk.step));
  return [
    n === null ? "OverflowError" : String(n),
    rangeRepr(r),
    idx.map((i) => itemAt(r, i)?.toString() ?? "IndexError"),
    SLICES.map((s) => rangeRepr(sliceOf(r, s)!)),
    probes.map((p) => containsInt(r, p)),
    probes.map((p) => indexOfInt(r, p)?.toString() ?? "ValueError"),
    probes.map((p) => Number(countInt(r, p))),
    iteratorTypeName(r),
    iteratorTypeName(r, true),
    firstTwo,
  ];
}

describe("ranges with any int bounds, as python3's", () => {
  it("length, items, slices, membership, index/count, iterator types and reprs", () => {
    const rs = ranges();
    const want = python(rs);
    expect(want).toHaveLength(rs.length);
    rs.forEach((r, k) => expect(ours(r), rangeRepr(r)).toEqual(want[k]));
  });

  it("equality and hashing: equal ranges (the same items) hash alike, as python3 says", () => {
    const rs: RangeBounds[] = [
      { start: P64, stop: P64, step: 1n },
      { start: 5n, stop: 5n, step: -3n },
      { start: P64, stop: P64 + 1n, step: 1n },
      { start: P64, stop: P64 + 2n, step: 7n },
      { start: P64, stop: P64 + 9n, step: 3n },
      { start: P64, stop: P64 + 8n, step: 3n },
      { start: P64, stop: P64 + 7n, step: 3n },
      { start: -P64, stop: P64, step: P63 },
      { start: -P64, stop: P64 + 1n, step: P63 },
    ];
    const lit = (r: RangeBounds) => `range(${r.start}, ${r.stop}, ${r.step})`;
    const source = [
      `rs = [${rs.map(lit).join(", ")}]`,
      `ts = [${rs.map((r) => tuple(hashTuple(r))).join(", ")}]`,
      "print([[a == b for b in rs] for a in rs])",
      "print([hash(r) == hash(t) for r, t in zip(rs, ts)])",
    ].join("\n");
    const out = cpython("eq.py", `${source}\n`);
    expect(out.stderr).toBe("");
    const [eq, hashes] = out.stdout.trim().split("\n");
    expect(`[${rs.map((a) => `[${rs.map((b) => (rangesEqual(a, b) ? "True" : "False")).join(", ")}]`).join(", ")}]`).toBe(eq);
    expect(hashes).toBe(`[${rs.map(() => "True").join(", ")}]`);
  });

  it("a zero slice step is refused; only ranges exact as doubles fit the fast representation", () => {
    const r = { start: 0n, stop: 10n, step: 1n };
    expect(sliceOf(r, { start: null, stop: null, step: 0n })).toBeNull();
    expect(fitsDouble({ start: -P53, stop: P53, step: 1n })).toBe(false); // its length is 2**54
    expect(fitsDouble({ start: 0n, stop: P53, step: 1n })).toBe(true);
    expect(fitsDouble({ start: P53 + 1n, stop: P53 + 4n, step: 1n })).toBe(false);
    expect(rangeLength({ start: -P53, stop: P53, step: 1n })).toBe(2n * P53);
  });
});
