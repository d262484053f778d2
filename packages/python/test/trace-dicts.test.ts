/**
 * Dict records (read straight from the dict's entry table): referents in iteration order with their key
 * labels, the count of all of them, and the repr, against python3 — after deletions, re-insertions, for
 * str-keyed ("unicode") and int-keyed ("general") tables, and past the referents kept per record; key labels
 * of keys whose texts were kept before (cut to 80 characters as reprs are).
 */
import { describe, expect, test } from "vitest";
import { run } from "../src/index.js";
import { objectAt, python3Json, stepAtLine } from "./trace-helpers.js";

const SRC = [
  "d = {}",
  "for i in range(40):",
  "    d[i] = str(i)",
  "for i in range(0, 40, 3):",
  "    del d[i]",
  "d[100] = 'x'",
  "s = {'b': 1, 'a': 2, 'c': 3}",
  "del s['a']",
  "s['a'] = 4",
  "t = {(1, 2): None, 2.5: 'f'}",
  // keys whose texts the trace keeps before they are keys: a str past 80 characters, quotes, bytes
  "k1 = 'x' * 100",
  "k2 = \"it's\"",
  "u = {k1: 1, k2: 2, -7: 3, b'\\x00': 4, None: 5, 0.1: 6}",
  "done = 1",
].join("\n");

/** For each dict: the key labels python3 gives its first `max` items, its length and its repr. */
const ORACLE = `import json
ns = {}
exec(${JSON.stringify(SRC)}, ns)
out = {}
for name in ('d', 's', 't', 'u'):
    v = ns[name]
    labels = []
    for k in list(v)[:32]:
        rk = repr(k) if len(repr(k)) <= 80 else repr(k)[:79] + '\u2026'
        labels += ['key ' + rk, '[' + rk + ']']
    r = repr(v)
    out[name] = {'labels': labels, 'len': len(v), 'repr': r if len(r) <= 80 else r[:79] + '\\u2026'}
print(json.dumps(out))`;

describe("dict records", () => {
  const trace = run(SRC + "\n", { trace: "line" }).trace!;
  const at = stepAtLine(trace, SRC.split("\n").length);
  const expected = python3Json<Record<string, { labels: string[]; len: number; repr: string }>>(ORACLE);

  for (const name of ["d", "s", "t", "u"]) {
    test(`${name}: referent labels in iteration order, their count and the repr are python3's`, () => {
      const o = objectAt(trace, at, name);
      const want = expected[name]!;
      expect(o.referents.map((r) => r.label)).toEqual(want.labels);
      expect(o.referentCount ?? o.referents.length).toBe(2 * want.len);
      expect(o.repr).toBe(want.repr);
    });
  }

  test("a value referent is the object bound to the same value", () => {
    const s = objectAt(trace, at, "s");
    const done = objectAt(trace, at + 1, "done");
    // s['b'] is 1 and done is 1: the same small int
    expect(s.referents[1]!.serial).toBe(done.serial);
  });
});
