// The VM's table of type objects by name (vm.T) is read on hot paths (type tests of constructors and
// builtins, descriptor checks): after set-up it must be an object V8 keeps with fast properties, not a
// dictionary, and the program's classes must not be added to it, on a new interpreter and on a reused one.
import { setFlagsFromString } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { runDetailed, setUpInterpreter } from "../src/run.js";
import { acquireInterpreter, releaseInterpreter, setInterpreterReuse } from "../src/heap-pool.js";
import type { VMHost } from "../src/vm/vm.js";

setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;

const host: VMHost = {
  write() {},
  sourceLine: () => null,
  compile() {
    throw new Error("not used");
  },
};

const program = "class Foo:\n    pass\nclass int(Foo):\n    pass\nclass Bar(Foo):\n    pass\nprint(Bar.__mro__, type(5).__name__)\n";

afterAll(() => setInterpreterReuse(true));

describe("vm.T, the types by name", () => {
  it("is a dictionary when filled one name at a time (what the check below tells apart)", () => {
    const o: Record<string, number> = {};
    for (let i = 0; i < 200; i++) o[`t${i}`] = i;
    expect(hasFastProperties(o)).toBe(false);
    expect(hasFastProperties({ ...o })).toBe(true);
  });

  for (const reuse of [false, true]) {
    it(`has fast properties after set-up and after a program's classes (reuse ${reuse})`, async () => {
      setInterpreterReuse(reuse);
      const r = runDetailed(program, {});
      expect(r.result.stdout).toBe("(<class '__main__.Bar'>, <class '__main__.Foo'>, <class 'object'>) int\n");
      await Promise.resolve();
      const { vm } = acquireInterpreter(256 << 20, host, setUpInterpreter);
      try {
        expect(hasFastProperties(vm.T)).toBe(true);
        expect(Object.keys(vm.T).length).toBeGreaterThan(100);
        // builtin types registered at every stage of set-up, the last ones included
        for (const n of ["object", "int", "type", "KeyError", "method-wrapper", "weakproxy", "TextIOWrapper", "bytearray"]) expect(vm.T[n], n).toBeGreaterThan(0);
        expect(vm.T.int).toBe(vm.tInt);
        // the dictionary kept for reads by a computed name has the same entries (no class is left in it)
        expect(Object.entries(vm.typesByName)).toEqual(Object.entries(vm.T));
        expect(Object.hasOwn(vm.T, "Foo")).toBe(false);
        // a class made now is still a working class, and is not added either
        const cls = runDetailed(program, {});
        expect(cls.result.stdout).toBe(r.result.stdout);
        expect(hasFastProperties(vm.T)).toBe(true);
      } finally {
        releaseInterpreter(vm);
      }
    });
  }
});
