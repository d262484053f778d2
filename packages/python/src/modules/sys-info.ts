/**
 * sys.float_info, sys.int_info, sys.version_info, sys.flags and sys.hash_info: struct sequences made on the
 * first read of the attribute (modules/index.ts's moduleLazyAttr), kept apart from the module so that the
 * page loads them only when a program reads one; sys.implementation (a types.SimpleNamespace); sys.stdin, made the same way (see stdin below), and
 * sys.set_int_max_str_digits.
 */
import type { Obj } from "../vm/heap-api.js";
import type { NativeFn } from "../vm/types.js";
import type { VM } from "../vm/vm.js";
import * as L from "../vm/layouts.js";
import { kwarg } from "../builtins/functions.js";

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
  if (name === "hexversion") {
    const v = vm.newInt(0x30b07f0n);
    vm.dictSetStr(vm.h.getSlot(m, L.MODULE_DICT), vm.name(name), v);
    return v;
  }
  if (!fields && name !== "implementation") return /stdin/.test(name) ? stdin(vm, m) : setIntDigits(vm, m);
  // sys.implementation: python3's namespace (a types.SimpleNamespace)
  const src = !fields ? `import types
value = types.SimpleNamespace(name="cpython", cache_tag="cpython-311", version=sys.version_info, hexversion=51054576, _multiarch="x86_64-linux-gnu")
` : `def __repr__(self):
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
    if (!fields) vm.dictSetStr(d, vm.name("sys"), m);
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

/**
 * sys.stdin (and sys.__stdin__), made on the first read of either: an object
 * of a Python class `_io.TextIOWrapper` whose readline, read, readlines and iteration read the run's
 * `stdin` option a line at a time, the same lines input() reads, so the two share one position.
 *
 * A read of part of a line (`read(n)`, `readline(n)`) keeps the rest for the next read of sys.stdin;
 * input() does not see that rest (it reads the next line of the option). Its class is not sys.stdout's
 * (python3's three streams share theirs).
 */
const STDIN_PY = `
class TextIOWrapper:
    name = "<stdin>"
    mode = "r"
    encoding = "utf-8"
    errors = "strict"
    line_buffering = closed = False
    write_through = True
    newlines = None

    def __init__(self):
        self._rest = ""

    def __repr__(self):
        return "<_io.TextIOWrapper name='<stdin>' mode='r' encoding='utf-8'>"

    def _take(self, n, to_end):
        s = ""
        while n < 0 or len(s) < n:
            line, self._rest = self._rest or _line(), ""
            if not line:
                break
            s += line
            if not to_end and s.endswith("\\n"):
                break
        if 0 <= n < len(s):
            s, self._rest = s[:n], s[n:] + self._rest
        return s

    def readline(self, size=-1, /):
        if size is None:
            size = -1
        range(size)  # an int, else index()'s TypeError
        return self._take(size, False)

    def read(self, size=-1, /):
        return self._take(_size(size), True)

    def readlines(self, hint=-1, /):
        hint = _size(hint)
        lines = []
        total = 0
        while hint <= 0 or total <= hint:
            line = self._take(-1, False)
            if not line:
                break
            lines.append(line)
            total += len(line)
        return lines

    def isatty(self):
        return False

    def readable(self):
        return True

    def writable(self):
        return False

    seekable = writable

    def fileno(self):
        return 0

    def __iter__(self):
        return self

    def __next__(self):
        line = self._take(-1, False)
        if not line:
            raise StopIteration
        return line


def _size(n):
    if n is None:
        return -1
    if not isinstance(n, int):
        raise TypeError("argument should be integer or None, not '%s'" % type(n).__name__)
    return n


stdin = TextIOWrapper()
`;

/** sys.set_int_max_str_digits (sets VM.intMaxDigits), kept in sys's dict. */
function setIntDigits(vm: VM, m: Obj): Obj {
  const name = "set_int_max_str_digits";
  const f = vm.newBuiltinFunction(
    vm.defineNative(name, (args, kw) => {
      const a = args[0] ?? kwarg(kw, "maxdigits");
      if (!a) vm.typeError(name + "() missing required argument 'maxdigits' (pos 1)");
      const n = Number(vm.index(a));
      if (n && n < 640) vm.raise("ValueError", "maxdigits must be 0 or larger than 640");
      vm.intMaxDigits = n;
      return vm.none();
    }, { module: "sys" }),
  );
  vm.dictSetStr(vm.h.getSlot(m, L.MODULE_DICT), vm.name(name), f);
  return f;
}

/** sys.stdin, kept in sys's dict as stdin and __stdin__ (a new reference). */
function stdin(vm: VM, m: Obj): Obj {
  const h = vm.h;
  const d = h.newDict("display");
  try {
    vm.dictSetStr(d, vm.name("__builtins__"), vm.builtins);
    vm.dictSetStr(d, vm.name("__name__"), vm.name("_io"));
    const f = vm.newBuiltinFunction(vm.defineNative("_line", () => h.newStr(vm.host.readLine?.() ?? ""), { module: "_io" }));
    vm.dictSetStr(d, vm.name("_line"), f);
    h.decref(f);
    vm.decref(vm.runCode(vm.host.compile(STDIN_PY, "_io", "exec").code, d, d, true));
    const v = vm.dictGetStr(d, "stdin");
    const md = h.getSlot(m, L.MODULE_DICT);
    vm.dictSetStr(md, vm.name("stdin"), v);
    vm.dictSetStr(md, vm.name("__stdin__"), v);
    return vm.newRef(v);
  } finally {
    h.decref(d);
  }
}
