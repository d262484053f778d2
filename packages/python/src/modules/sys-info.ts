/**
 * sys.float_info, sys.int_info, sys.version_info, sys.flags and sys.hash_info: struct sequences made on the
 * first read of the attribute (modules/index.ts's moduleLazyAttr), kept apart from the module so that the
 * page loads them only when a program reads one.
 */
import type { Obj } from "../vm/heap-api.js";
import type { NativeFn } from "../vm/types.js";
import type { VM } from "../vm/vm.js";
import * as L from "../vm/layouts.js";

/** The fields and values of sys.float_info, sys.int_info, sys.version_info and sys.hash_info (CPython 3.11.7, 64-bit Linux). */
const SYS_INFOS: ReadonlyMap<string, [string, string][]> = new Map([
  ["float_info", [["max", "1.7976931348623157e+308"], ["max_exp", "1024"], ["max_10_exp", "308"], ["min", "2.2250738585072014e-308"], ["min_exp", "-1021"], ["min_10_exp", "-307"], ["dig", "15"], ["mant_dig", "53"], ["epsilon", "2.220446049250313e-16"], ["radix", "2"], ["rounds", "1"]]],
  ["int_info", [["bits_per_digit", "30"], ["sizeof_digit", "4"], ["default_max_str_digits", "4300"], ["str_digits_check_threshold", "640"]]],
  ["version_info", [["major", "3"], ["minor", "11"], ["micro", "7"], ["releaselevel", "'final'"], ["serial", "0"]]],
  // sys.flags of `python3 prog.py` (no -X options or PYTHON* settings, a UTF-8 locale)
  ["flags", "debug inspect interactive optimize dont_write_bytecode no_user_site no_site ignore_environment verbose bytes_warning quiet hash_randomization isolated dev_mode utf8_mode warn_default_encoding safe_path int_max_str_digits".split(" ").map((f) => [f, f === "hash_randomization" ? "1" : f === "int_max_str_digits" ? "-1" : f === "dev_mode" || f === "safe_path" ? "False" : "0"])],
  ["hash_info", [["width", "64"], ["modulus", "2305843009213693951"], ["inf", "314159"], ["nan", "0"], ["imag", "1000003"], ["algorithm", "'siphash13'"], ["hash_bits", "64"], ["seed_bits", "128"], ["cutoff", "0"]]],
]);

/**
 * sys.float_info, sys.int_info, sys.version_info and sys.hash_info, made on first use (so that importing sys allocates
 * what it did): a tuple subclass per struct sequence, named sys.<name>, with a property per field and
 * CPython's repr, and its one instance, both kept in the module's dict.
 */
export function sysInfo(vm: VM, m: Obj, name: string): Obj {
  const fields = SYS_INFOS.get(name);
  if (!fields) return 0;
  const src = `def __repr__(self):
    return "sys.${name}(" + ", ".join([f + "=" + repr(v) for f, v in zip(${JSON.stringify(fields.map((f) => f[0]))}, self)]) + ")"
ns = {"__slots__": (), "__module__": "sys", "__new__": __new__, "__repr__": __repr__, "n_fields": ${fields.length}, "n_sequence_fields": ${fields.length}, "n_unnamed_fields": 0}
for i, f in enumerate(${JSON.stringify(fields.map((f) => f[0]))}):
    ns[f] = property(lambda self, i=i: self[i], _ro, _ro)
value = tuple.__new__(type("${name}", (tuple,), ns), (${fields.map((f) => f[1]).join(", ")},))
`;
  const h = vm.h;
  const d = h.newDict("display");
  // the fields are read-only; sys.version_info's class makes no more instances, the others one from a sequence
  const natives: Record<string, NativeFn> = {
    _ro: () => vm.raise("AttributeError", "readonly attribute"),
    __new__: (a) => {
      const fixed = name === "version_info" || name === "flags";
      if (fixed || !a[1]) vm.typeError(a[1] || fixed ? `cannot create 'sys.${name}' instances` : "structseq() missing required argument 'sequence' (pos 1)");
      return vm.nativeNew(vm.infoOfType(a[0]!), a[0]!, [a[1]!], null);
    },
  };
  try {
    vm.dictSetStr(d, vm.name("__builtins__"), vm.builtins);
    for (const [k, fn] of Object.entries(natives)) {
      const f = vm.newBuiltinFunction(vm.defineNative(k, fn, { module: "sys" }));
      vm.dictSetStr(d, vm.name(k), f);
      h.decref(f);
    }
    const unit = vm.host.compile(src, `sys.${name}`, "exec");
    vm.decref(vm.runCode(unit.code, d, d, true));
    const v = vm.dictGetStr(d, "value");
    vm.dictSetStr(h.getSlot(m, L.MODULE_DICT), vm.name(name), v);
    return vm.newRef(v);
  } finally {
    h.decref(d);
  }
}

