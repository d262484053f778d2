/**
 * Native behaviour of builtin kinds: repr/str, hash, len, and the attributes that builtin objects carry
 * in their C structs (`f.__name__`, `e.args`, `cell.cell_contents`, `code.co_varnames`…); class-level
 * attribute access (`C.attr`, `C.__mro__`).
 */
import type { Obj } from "./heap-api.js";
import { Kind, type NativeEntry, type TypeInfo } from "./types.js";
import { PyRaise, VM } from "./vm.js";
import * as L from "./layouts.js";
import { floatRepr } from "../objects/float-format.js";
import { overIntLimit } from "../objects/numbers.js";
import { bytesRepr, strRepr } from "../objects/str-repr.js";
import { abi } from "@pyheap/heap";
import { bigRangeOf, rangeBounds } from "./ranges.js";
import { hashTuple, rangeLength, rangeRepr } from "./bigrange.js";
import { charEscape, latin1 } from "../objects/byte-text.js";
import { assignClass } from "./classes.js";
import { rarely } from "./rarely.js";
import { setTypeBases } from "./type-bases.js";

const STR_LENGTH = abi.STR_LENGTH;

declare module "./vm.js" {
  interface VM {
    nativeRepr(o: Obj, ti: TypeInfo): string;
    nativeStr(o: Obj, ti: TypeInfo): string | null;
    nativeHash(o: Obj, ti: TypeInfo): bigint;
    nativeLen(o: Obj, ti: TypeInfo): number;
    nativeAttr(o: Obj, ti: TypeInfo, name: string): Obj;
    nativeSetAttr(o: Obj, ti: TypeInfo, name: string, v: Obj | 0): boolean;
    nativeAttrExists(o: Obj, ti: TypeInfo, name: string): boolean;
    nativeAttrNames(ti: TypeInfo): string[];
    typeGetAttr(t: Obj, name: string): Obj;
    typeSetAttr(t: Obj, name: string, v: Obj): void;
    newMethodDescr(type: Obj, index: number): Obj;
    newBoundNative(index: number, self: Obj): Obj;
    checkDescrSelf(d: Obj, self: Obj): void;
    descrSelfError(d: Obj, self: Obj): never;
    weakrefHead(o: Obj): Obj;
    addr(o: Obj): string;
    reprGuard: Set<Obj>;
    reprList: Obj;
    asciiObj(o: Obj): Obj;
    intStr(v: bigint): string;
    pendingHookError(): void;
    hookError: PyRaise | null;
  }
}

const proto = VM.prototype;

/** Built-in types whose dict has a `__name__` descriptor (function, type, builtin and slot wrappers…). */
const NAMED_BUILTIN_TYPES = new Set([
  "function", "type", "builtin_function_or_method", "method-wrapper", "method_descriptor", "wrapper_descriptor",
  "classmethod_descriptor", "getset_descriptor", "member_descriptor", "generator", "coroutine", "async_generator",
]);

/**
 * The ` (name)` of a weakref's repr: `__name__` looked up on the target's type only (a special lookup, so
 * neither the instance's dict nor __getattr__), bound to the target, shown when it is a str; else null.
 */
function weakrefTargetName(vm: VM, t: Obj): string | null {
  for (const ti of vm.typeInfo(t).mro) {
    const v = ti.dict ? vm.dictGetStr(ti.dict, "__name__") : 0;
    if (v) {
      const r = vm.bindDescr({ obj: v, native: -1 }, t, vm.h.typeOf(t));
      try {
        return vm.kindOf(r) === Kind.STR ? vm.str(r) : null;
      } finally {
        vm.decref(r);
      }
    }
    if (!ti.heap && NAMED_BUILTIN_TYPES.has(ti.name)) {
      const r = vm.getAttrOrNull(t, "__name__");
      if (!r) return null;
      try {
        return vm.kindOf(r) === Kind.STR ? vm.str(r) : null;
      } finally {
        vm.decref(r);
      }
    }
  }
  return null;
}

proto.addr = function (this: VM, o: Obj): string {
  return "0x" + this.h.idOf(o).toString(16).padStart(12, "0");
};

proto.intStr = function (this: VM, v: bigint): string {
  const s = v.toString();
  const over = overIntLimit(s.length - (v < 0n ? 1 : 0), this.intMaxDigits);
  if (over) this.raise("ValueError", over.message);
  return s;
};

function complexPart(x: number): string {
  const r = floatRepr(x);
  return r.endsWith(".0") ? r.slice(0, -2) : r;
}

function guard(vm: VM, o: Obj, empty: string, fn: () => string): string {
  vm.reprGuard ??= new Set();
  // NOTE: CPython's list and tuple reprs return "[]" / "()" before Py_ReprEnter; dict and set reprs
  // enter first. The first Py_ReprEnter of a run creates the thread state's dict (PyThreadState_GetDict)
  // and then the list it keeps under "Py_Repr" (PyList_New(0)): two GC allocations.
  const k = vm.kindOf(o);
  const skips = (k === Kind.LIST && vm.h.listLen(o) === 0) || (k === Kind.TUPLE && vm.tupleItems(o).length === 0);
  if (!vm.reprList && !skips) {
    const tsDict = vm.h.newDict("display");
    vm.keepAlive.push(tsDict);
    vm.reprList = vm.h.newList([], "display");
    // CPython's key "Py_Repr" is a static string; a str that lives as long as the run stands in for it
    // (allocating one would move later objects in the heap)
    vm.h.dictSet(tsDict, vm.h.getSlot(vm.T.list, abi.TP_NAME), vm.reprList);
    vm.keepAlive.push(vm.reprList);
  }
  if (vm.reprGuard.has(o)) return empty;
  vm.reprGuard.add(o);
  try {
    return fn();
  } finally {
    vm.reprGuard.delete(o);
  }
}

function reprItems(vm: VM, items: Obj[]): string[] {
  const h = vm.h;
  for (const x of items) h.incref(x);
  try {
    return items.map((x) => vm.repr(x));
  } finally {
    for (const x of items) h.decref(x);
  }
}

proto.nativeRepr = function (this: VM, o: Obj, ti: TypeInfo): string {
  const h = this.h;
  switch (ti.kind) {
    case Kind.NONE:
      return "None";
    case Kind.ELLIPSIS:
      return "Ellipsis";
    case Kind.NOTIMPL:
      return "NotImplemented";
    case Kind.BOOL:
      return o === this.True ? "True" : "False";
    case Kind.INT: {
      // up to 2^53 from the digits as a number; the digit limit only applies far beyond that
      const s = h.intDecimal(o);
      return s.length > 640 ? this.intStr(h.readInt(o)) : s;
    }
    case Kind.FLOAT:
      return floatRepr(h.readFloat(o));
    case Kind.COMPLEX: {
      const re = h.getF64(o, 16);
      const im = h.getF64(o, 24);
      if (re === 0 && !Object.is(re, -0)) return complexPart(im) + "j";
      const ims = complexPart(im);
      return `(${complexPart(re)}${ims.startsWith("-") || Number.isNaN(im) && false ? "" : "+"}${ims}j)`;
    }
    case Kind.STR:
      return strRepr(this.str(o));
    case Kind.BYTEARRAY:
      return `${this.typeInfo(o).name}(${bytesRepr(h.readBytes(h.getSlot(o, 24)))})`;
    case Kind.BYTES:
      return bytesRepr(h.readBytes(o));
    case Kind.TUPLE:
      return guard(this, o, "(...)", () => {
        const items = reprItems(this, this.tupleItems(o));
        return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
      });
    case Kind.LIST:
      return guard(this, o, "[...]", () => `[${reprItems(this, this.listItems(o)).join(", ")}]`);
    case Kind.DICT:
      return guard(this, o, "{...}", () => {
        const ents = this.dictEntries(o);
        const parts: string[] = [];
        for (const [k, v] of ents) {
          h.incref(k);
          h.incref(v);
          try {
            parts.push(`${this.repr(k)}: ${this.repr(v)}`);
          } finally {
            h.decref(k);
            h.decref(v);
          }
        }
        const body = `{${parts.join(", ")}}`;
        return ti.obj === this.T.dict || !ti.heap ? body : body;
      });
    case Kind.SET:
    case Kind.FROZENSET: {
      const name = ti.name;
      return guard(this, o, `${name}(...)`, () => {
        const items = reprItems(this, this.setItems(o));
        if (ti.kind === Kind.SET && ti.obj === this.T.set) return items.length ? `{${items.join(", ")}}` : "set()";
        return items.length ? `${name}({${items.join(", ")}})` : `${name}()`;
      });
    }
    case Kind.TYPE: {
      const t = this.infoOfType(o);
      return t.module === "builtins" ? `<class '${t.name}'>` : `<class '${t.module}.${t.qualname}'>`;
    }
    case Kind.FUNCTION:
      return `<function ${this.str(h.getSlot(o, L.FUNC_QUALNAME))} at ${this.addr(o)}>`;
    case Kind.BUILTIN: {
      const n = this.natives[h.getI32(o, L.CFUNC_INDEX)];
      const self = h.getSlot(o, L.CFUNC_SELF);
      if (self && n.method && ti.name === "method-wrapper") return `<method-wrapper '${n.name}' of ${this.typeName(self)} object at ${this.addr(self)}>`;
      if (self && n.method) return `<built-in method ${n.name} of ${this.typeName(self)} object at ${this.addr(self)}>`;
      // exit and quit are site's Quitter objects in CPython: their repr tells how to leave the REPL
      if (n.module === "builtins" && (n.name === "exit" || n.name === "quit")) return `Use ${n.name}() or Ctrl-D (i.e. EOF) to exit`;
      return `<built-in function ${n.name}>`;
    }
    case Kind.MDESCR: {
      const n = this.natives[h.getI32(o, L.MDESCR_INDEX)];
      return `<${ti.name === "wrapper_descriptor" ? "slot wrapper" : "method"} '${n.name}' of '${this.infoOfType(h.getSlot(o, L.MDESCR_TYPE)).name}' objects>`;
    }
    case Kind.METHOD: {
      const func = h.getSlot(o, L.METHOD_FUNC);
      const self = h.getSlot(o, L.METHOD_SELF);
      const fname = this.kindOf(func) === Kind.FUNCTION ? this.str(h.getSlot(func, L.FUNC_QUALNAME)) : "?";
      return `<bound method ${fname} of ${this.repr(self)}>`;
    }
    case Kind.CELL: {
      const v = h.getSlot(o, L.CELL_REF);
      return v ? `<cell at ${this.addr(o)}: ${this.typeName(v)} object at ${this.addr(v)}>` : `<cell at ${this.addr(o)}: empty>`;
    }
    case Kind.CODE: {
      const c = this.codeInfo(o).code;
      return `<code object ${c.co_name} at ${this.addr(o)}, file "${c.co_filename}", line ${c.co_firstlineno}>`;
    }
    case Kind.MODULE: {
      // python3's for a module with no spec: from its __file__, else (no loader) its name alone; a built-in
      // module's, and __main__'s at a prompt, (built-in). A __main__ or types.ModuleType module (__spec__
      // None) whose __name__ changed shows it (vm/rarely.ts, which the page loads on demand)
      const n = this.str(h.getSlot(o, L.MODULE_NAME));
      const d = h.getSlot(o, L.MODULE_DICT);
      const spec = this.dictGetStr(d, "__spec__");
      const now = spec === this.None ? this.dictGetStr(d, "__name__") : 0;
      if (spec !== this.None || (now && h.typeOf(now) === this.T.str && this.str(now) === n)) {
        const f = this.dictGetStr(d, "__file__");
        return `<module ${this.repr(h.getSlot(o, L.MODULE_NAME))}${f ? ` from ${this.repr(f)}` : spec && n !== "__main__" ? "" : " (built-in)"}>`;
      }
      const r = rarely(this, 8, o);
      try {
        return this.str(r);
      } finally {
        this.decref(r);
      }
    }
    case Kind.GENERATOR:
      return `<generator object ${this.str(h.getSlot(o, L.GEN_QUALNAME))} at ${this.addr(o)}>`;
    case Kind.EXC: {
      const args = h.getSlot(o, L.EXC_ARGS);
      const items = args ? this.tupleItems(args) : [];
      // BaseException_repr: the only argument's repr, else the args tuple's (its Py_ReprEnter)
      return ti.name + (items.length === 1 ? `(${this.repr(items[0])})` : args ? this.repr(args) : "()");
    }
    case Kind.RANGE: {
      const big = bigRangeOf(this, o);
      if (big) return rangeRepr(big);
      const [a, b, c] = this.rangeFields(o);
      return c === 1 ? `range(${a}, ${b})` : `range(${a}, ${b}, ${c})`;
    }
    case Kind.SLICE:
      return `slice(${this.repr(h.getSlot(o, L.NATIVE_A))}, ${this.repr(h.getSlot(o, L.NATIVE_B))}, ${this.repr(h.getSlot(o, L.NATIVE_C))})`;
    case Kind.WEAKREF: {
      const t = this.weakrefTarget(o);
      if (!t) return `<weakref at ${this.addr(o)}; dead>`;
      const name = weakrefTargetName(this, t);
      return `<weakref at ${this.addr(o)}; to '${this.typeName(t)}' at ${this.addr(t)}${name === null ? "" : ` (${name})`}>`;
    }
    case Kind.VIEW:
      return guard(this, o, "...", () => this.viewRepr(o));
    case Kind.WEAKPROXY: {
      const t = this.weakrefTarget(o);
      // proxy_repr does not look for a dead target: it names None's type then
      const tt = t || this.None;
      return `<weakproxy at ${this.addr(o)} to ${this.typeName(tt)} at ${this.addr(tt)}>`;
    }
    case Kind.TRACEBACK:
      return `<traceback object at ${this.addr(o)}>`;
    case Kind.FRAME: {
      const c = this.codeInfo(h.getSlot(o, L.FRAME_CODE)).code;
      return `<frame at ${this.addr(o)}, file '${c.co_filename}', line ${frameLine(this, o)}, code ${c.co_name}>`;
    }
    case Kind.PROPERTY:
      return `<property object at ${this.addr(o)}>`;
    case Kind.SUPER: {
      const t = h.getSlot(o, L.NATIVE_A);
      const ot = h.getSlot(o, L.NATIVE_C);
      return `<super: <class '${t ? this.infoOfType(t).name : "NULL"}'>, ${ot ? `<${this.infoOfType(ot).name} object>` : "NULL"}>`;
    }
    case Kind.STATICMETHOD:
    case Kind.CLASSMETHOD: {
      const f = h.getSlot(o, L.NATIVE_A);
      return `<${ti.kind === Kind.STATICMETHOD ? "staticmethod" : "classmethod"}(${f ? this.repr(f) : "NULL"})>`;
    }
    case Kind.GETSET: {
      const nm = this.str(h.getSlot(o, L.DESCR_NAME));
      return `<attribute '${nm}' of '${this.infoOfType(h.getSlot(o, L.DESCR_TYPE)).name}' objects>`;
    }
    case Kind.MEMBER: {
      const nm = this.str(h.getSlot(o, L.DESCR_NAME));
      return `<member '${nm}' of '${this.infoOfType(h.getSlot(o, L.DESCR_TYPE)).name}' objects>`;
    }
  }
  // sys.stdout, sys.stderr (NATIVE_I 2)
  if (h.typeOf(o) === this.T.TextIOWrapper) return `<_io.TextIOWrapper name='<std${h.getI32(o, L.NATIVE_I) === 2 ? "err" : "out"}>' mode='w' encoding='utf-8'>`;
  const mod = ti.module === "builtins" ? "" : ti.module + ".";
  return `<${mod}${ti.qualname} object at ${this.addr(o)}>`;
};

declare module "./vm.js" {
  interface VM {
    viewRepr(o: Obj): string;
  }
}

/** UnicodeEncodeError's and UnicodeDecodeError's fields after BaseException's: encoding, object, start and
 *  end (machine words) and reason. */
export const UNIERR_START = L.EXC_EXTRA + 16;
export const UNIERR_END = L.EXC_EXTRA + 24;

/** str() of a UnicodeEncodeError or UnicodeDecodeError, made from its fields as CPython words it. */
function unicodeErrorStr(vm: VM, decode: boolean, o: Obj): string {
  const f = (off: number) => vm.strOf(vm.h.getSlot(o, off) || vm.None);
  const obj = vm.h.getSlot(o, L.EXC_EXTRA + 8);
  if (!obj) return "";
  const [a, z] = [vm.h.getI32(o, UNIERR_START), vm.h.getI32(o, UNIERR_END)];
  const head = `'${f(L.EXC_EXTRA)}' codec can't ${decode ? "decode" : "encode"}`;
  const text = !decode && vm.kindOf(obj) === Kind.STR ? [...vm.str(obj)] : [];
  const bytes = decode && vm.kindOf(obj) === Kind.BYTES ? vm.h.readBytes(obj) : new Uint8Array();
  const len = decode ? bytes.length : text.length;
  if (z === a + 1 && a >= 0 && a < len) {
    if (decode) return `${head} byte 0x${bytes[a]!.toString(16).padStart(2, "0")} in position ${a}: ${f(L.EXC_EXTRA + 32)}`;
    return `${head} character '${charEscape(text[a]!.codePointAt(0)!)}' in position ${a}: ${f(L.EXC_EXTRA + 32)}`;
  }
  return `${head} ${decode ? "bytes" : "characters"} in position ${a}-${z - 1}: ${f(L.EXC_EXTRA + 32)}`;
}

/** OSError's fields after BaseException's: errno, strerror, filename, filename2 (then `written`). */
export const OSERR_ERRNO = L.EXC_EXTRA;
export const OSERR_STRERROR = L.EXC_EXTRA + 8;
export const OSERR_FILENAME = L.EXC_EXTRA + 16;
export const OSERR_FILENAME2 = L.EXC_EXTRA + 24;
/** ImportError's fields after BaseException's: msg, name, path. */
export const IMPORTERR_MSG = L.EXC_EXTRA;
export const IMPORTERR_NAME = L.EXC_EXTRA + 8;
export const IMPORTERR_PATH = L.EXC_EXTRA + 16;
/** SyntaxError's fields after BaseException's, in this order (CPython's PySyntaxErrorObject). */
export const SYNERR_FIELDS = ["msg", "filename", "lineno", "offset", "end_lineno", "end_offset", "text", "print_file_and_line"];
/** The exception fields kept in their own words, by name: [class, offset] (the first class that applies). */
const EXC_FIELDS: Record<string, [string, number][]> = {
  value: [["StopIteration", L.EXC_EXTRA]],
  code: [["SystemExit", L.EXC_EXTRA]],
  name: [["ImportError", IMPORTERR_NAME], ["NameError", L.EXC_EXTRA], ["AttributeError", L.EXC_EXTRA2]],
  obj: [["AttributeError", L.EXC_EXTRA]],
  msg: [["ImportError", IMPORTERR_MSG]],
  filename: [["OSError", OSERR_FILENAME]],
  path: [["ImportError", IMPORTERR_PATH]],
  errno: [["OSError", OSERR_ERRNO]],
  strerror: [["OSError", OSERR_STRERROR]],
  filename2: [["OSError", OSERR_FILENAME2]],
  encoding: [["UnicodeEncodeError", L.EXC_EXTRA], ["UnicodeDecodeError", L.EXC_EXTRA]],
  object: [["UnicodeEncodeError", L.EXC_EXTRA + 8], ["UnicodeDecodeError", L.EXC_EXTRA + 8]],
  reason: [["UnicodeEncodeError", L.EXC_EXTRA + 32], ["UnicodeDecodeError", L.EXC_EXTRA + 32]],
};
SYNERR_FIELDS.forEach((f, i) => (EXC_FIELDS[f] ??= []).push(["SyntaxError", L.EXC_EXTRA + 8 * i]));

/** Store int v in the machine word at `off` of o (a C Py_ssize_t member). */
export function setWord(vm: VM, o: Obj, off: number, v: Obj): void {
  const k = vm.kindOf(v);
  if (k !== Kind.INT && k !== Kind.BOOL) vm.typeError("an integer is required");
  const n = Number(BigInt.asIntN(32, vm.h.readInt(v)));
  vm.h.setI32(o, off, n);
  vm.h.setI32(o, off + 4, n < 0 ? -1 : 0);
}

/** The offset of exception o's field `name`, or 0 if its class has no such field. */
function excField(vm: VM, o: Obj, name: string): number {
  for (const [cls, off] of Object.hasOwn(EXC_FIELDS, name) ? EXC_FIELDS[name]! : []) if (vm.isInstance(o, vm.typesByName[cls])) return off;
  return 0;
}

proto.nativeStr = function (this: VM, o: Obj, ti: TypeInfo): string | null {
  if (ti.kind === Kind.EXC && this.isSubtype(ti, this.infoOfType(this.T.BaseExceptionGroup))) {
    const msg = this.h.getSlot(o, L.EXC_EXTRA);
    const excs = this.h.getSlot(o, L.EXC_EXTRA2);
    const n = excs ? this.tupleLen(excs) : 0;
    return `${msg ? this.strOf(msg) : ""} (${n} sub-exception${n === 1 ? "" : "s"})`;
  }
  if (ti.kind === Kind.EXC) {
    const args = this.h.getSlot(o, L.EXC_ARGS);
    const items = args ? this.tupleItems(args) : [];
    if (ti.obj === this.T.KeyError || this.isSubtype(ti, this.infoOfType(this.T.KeyError))) {
      if (items.length === 1) return this.repr(items[0]);
    }
    const uni = this.isSubtype(ti, this.infoOfType(this.T.UnicodeEncodeError)) ? 1 : this.isSubtype(ti, this.infoOfType(this.T.UnicodeDecodeError)) ? 2 : 0;
    if (uni) return unicodeErrorStr(this, uni === 2, o);
    if (this.isSubtype(ti, this.infoOfType(this.T.ImportError))) {
      const msg = this.h.getSlot(o, IMPORTERR_MSG);
      if (msg && msg !== this.None) return this.strOf(msg);
    }
    if (this.isSubtype(ti, this.infoOfType(this.T.SyntaxError))) {
      // "msg (file.py, line 3)": the file's base name, the line when it is an int
      const [msg, fn, ln] = [0, 8, 16].map((off) => this.h.getSlot(o, L.EXC_EXTRA + off));
      const file = fn && this.kindOf(fn) === Kind.STR ? this.str(fn).replace(/.*\//, "") : "";
      const line = ln && this.h.typeOf(ln) === this.tInt ? `line ${this.h.readInt(ln)}` : "";
      const where = [file, line].filter((x) => x).join(", ");
      return this.strOf(msg || this.None) + (where ? ` (${where})` : "");
    }
    if (this.isSubtype(ti, this.infoOfType(this.T.OSError))) {
      // "[Errno 2] No such file: 'a' -> 'b'" when errno and strerror (and file names) were given
      const [errno, strerror, fn, fn2] = [OSERR_ERRNO, OSERR_STRERROR, OSERR_FILENAME, OSERR_FILENAME2].map((off) => this.h.getSlot(o, off));
      if (fn) {
        const head = `[Errno ${this.strOf(errno || this.None)}] ${this.strOf(strerror || this.None)}: ${this.repr(fn)}`;
        return fn2 ? `${head} -> ${this.repr(fn2)}` : head;
      }
      if (errno && strerror) return `[Errno ${this.strOf(errno)}] ${this.strOf(strerror)}`;
    }
    if (items.length === 0) return "";
    if (items.length === 1) return this.strOf(items[0]);
    return this.repr(args);
  }
  if (ti.kind === Kind.STR) return this.str(o);
  return null;
};

const P = (1n << 61n) - 1n;

function hashInt(v: bigint): bigint {
  const neg = v < 0n;
  let r = (neg ? -v : v) % P;
  if (neg) r = -r;
  if (r === -1n) r = -2n;
  return r;
}

function hashFloat(vm: VM, o: Obj, x: number): bigint {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return pointerHash(vm, o);
    return x > 0 ? 314159n : -314159n;
  }
  if (Number.isInteger(x)) return hashInt(BigInt(x));
  let m = Math.abs(x);
  let e = 0;
  // frexp
  if (m !== 0) {
    e = Math.floor(Math.log2(m)) + 1;
    m = m / Math.pow(2, e);
    while (m >= 1) {
      m /= 2;
      e++;
    }
    while (m < 0.5) {
      m *= 2;
      e--;
    }
  }
  const sign = x < 0 ? -1n : 1n;
  let acc = 0n;
  while (m) {
    acc = ((acc << 28n) & P) | (acc >> 33n);
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    acc += BigInt(y);
    if (acc >= P) acc -= P;
  }
  const ee = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  acc = ((acc << BigInt(ee)) & P) | (acc >> BigInt(61 - ee));
  acc = acc * sign;
  if (acc === -1n) acc = -2n;
  return acc;
}

function pointerHash(vm: VM, o: Obj): bigint {
  const y = BigInt(vm.h.idOf(o));
  const r = BigInt.asIntN(64, (y >> 4n) | (y << 60n));
  return r === -1n ? -2n : r;
}

function strHash(s: string): bigint {
  // FNV-1a over the code points, 64 bits, as the core hashes an exact str (CPython's siphash is
  // randomized per process anyway): a str subclass instance hashes as the str it holds; an empty one
  // hashes to 0 under every seed, as in CPython
  if (s.length === 0) return 0n;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    h ^= BigInt(c);
    h = BigInt.asUintN(64, h * 0x100000001b3n);
  }
  const r = BigInt.asIntN(64, h);
  return r === -1n ? -2n : r;
}

proto.nativeHash = function (this: VM, o: Obj, ti: TypeInfo): bigint {
  const h = this.h;
  switch (ti.kind) {
    case Kind.INT:
    case Kind.BOOL:
      return hashInt(h.readInt(o));
    case Kind.FLOAT:
      return hashFloat(this, o, h.readFloat(o));
    case Kind.STR:
      // an exact str caches its hash in the object, as CPython does (a str whose hash was computed is
      // never appended to in place)
      return ti.heap ? strHash(this.str(o)) : h.hash(o);
    case Kind.BYTES:
      return strHash(latin1(h.readBytes(o)));
    case Kind.TUPLE: {
      const M = (1n << 64n) - 1n;
      const X1 = 11400714785074694791n;
      const X2 = 14029467366897019727n;
      const X5 = 2870177450012600261n;
      let acc = X5;
      const items = this.tupleItems(o);
      for (const it of items) {
        const lane = BigInt.asUintN(64, this.hash(it));
        acc = (acc + lane * X2) & M;
        acc = ((acc << 31n) | (acc >> 33n)) & M;
        acc = (acc * X1) & M;
      }
      acc = (acc + (BigInt(items.length) ^ (X5 ^ 3527539n))) & M;
      let r = BigInt.asIntN(64, acc);
      if (r === -1n) r = 1546275796n;
      return r;
    }
    case Kind.FROZENSET: {
      // the core's (CPython's) algorithm over the table, as dict and set lookups hash an exact frozenset
      if (h.frozensetHash) return h.frozensetHash(o);
      let acc = 0n;
      for (const it of this.setItems(o)) {
        const hv = BigInt.asUintN(64, this.hash(it));
        acc ^= ((hv ^ 89869747n) ^ (hv << 16n)) * 3644798167n;
        acc = BigInt.asUintN(64, acc);
      }
      return BigInt.asIntN(64, acc) === -1n ? 590923713n : BigInt.asIntN(64, acc);
    }
    case Kind.VIEW:
      // a values view hashes by address; keys and items views and a mappingproxy are unhashable
      if (ti.name === "dict_values") break;
      this.typeError(`unhashable type: '${ti.name}'`);
    // falls through
    case Kind.LIST:
    case Kind.DICT:
    case Kind.BYTEARRAY:
    case Kind.SET:
      this.typeError(`unhashable type: '${ti.name}'`);
    // falls through
    case Kind.COMPLEX: {
      const re = hashFloat(this, o, h.getF64(o, 16));
      const im = hashFloat(this, o, h.getF64(o, 24));
      let r = BigInt.asIntN(64, re + 1000003n * im);
      if (r === -1n) r = -2n;
      return r;
    }
    case Kind.METHOD:
      return BigInt.asIntN(64, pointerHash(this, h.getSlot(o, L.METHOD_SELF)) ^ pointerHash(this, h.getSlot(o, L.METHOD_FUNC)));
    case Kind.WEAKREF: {
      // the hash is computed once from the referent and cached in the weakref (wr_hash at offset 32)
      const lo = h.getI32(o, 32) >>> 0;
      const hi = h.getI32(o, 36);
      const cached = (BigInt(hi) << 32n) | BigInt(lo);
      if (cached !== -1n) return cached;
      const t = this.weakrefTarget(o);
      if (!t) this.typeError("weak object has gone away");
      const v = this.hash(t);
      h.setI32(o, 32, Number(BigInt.asIntN(32, v)));
      h.setI32(o, 36, Number(BigInt.asIntN(32, v >> 32n)));
      return v;
    }
    case Kind.RANGE: {
      // range_hash: the hash of the tuple (length, start, step), start None when empty, step None for one item
      const [n, start, step] = hashTuple(rangeBounds(this, o));
      const t = h.newTupleSteal([this.newInt(n), start === null ? this.none() : this.newInt(start), step === null ? this.none() : this.newInt(step)]);
      try {
        return this.hash(t);
      } finally {
        h.decref(t);
      }
    }
  }
  return pointerHash(this, o);
};

proto.nativeLen = function (this: VM, o: Obj, ti: TypeInfo): number {
  const h = this.h;
  switch (ti.kind) {
    case Kind.STR:
      // an exact str's length in code points is its header's length field
      if (h.typeOf(o) === this.T.str) return h.getI32(o, STR_LENGTH);
      return [...this.str(o)].length;
    case Kind.BYTES:
      return h.readBytes(o).length;
    case Kind.BYTEARRAY:
      return h.readBytes(h.getSlot(o, 24)).length;
    case Kind.TUPLE:
      return this.tupleLen(o);
    case Kind.LIST:
      return h.listLen(o);
    case Kind.DICT:
      return h.dictLen(o);
    case Kind.SET:
    case Kind.FROZENSET:
      return h.setLen!(o);
    case Kind.RANGE: {
      // (a range past ±2**53: its length as a double; len() itself reads the exact one)
      const big = bigRangeOf(this, o);
      if (big) return Number(rangeLength(big));
      const [a, b, c] = this.rangeFields(o);
      if (c > 0) return a < b ? Math.floor((b - a - 1) / c) + 1 : 0;
      return a > b ? Math.floor((a - b - 1) / -c) + 1 : 0;
    }
    case Kind.VIEW:
      return h.dictLen(h.getSlot(o, L.NATIVE_A));
  }
  return -1;
};

function tupleOfStrs(vm: VM, xs: readonly string[]): Obj {
  return vm.h.newTupleSteal(xs.map((s) => vm.intern(s)));
}

proto.nativeAttr = function (this: VM, o: Obj, ti: TypeInfo, name: string): Obj {
  const h = this.h;
  const slot = (off: number): Obj => this.newRef(h.getSlot(o, off) || this.None);
  if (name === "__class__") return this.newRef(h.typeOf(o));
  switch (ti.kind) {
    case Kind.FUNCTION:
      switch (name) {
        case "__name__":
          return slot(L.FUNC_NAME);
        case "__qualname__":
          return slot(L.FUNC_QUALNAME);
        case "__code__":
          return slot(L.FUNC_CODE);
        case "__defaults__":
          return slot(L.FUNC_DEFAULTS);
        case "__kwdefaults__":
          return slot(L.FUNC_KWDEFAULTS);
        case "__closure__":
          return slot(L.FUNC_CLOSURE);
        case "__globals__":
          return slot(L.FUNC_GLOBALS);
        case "__doc__":
          return slot(L.FUNC_DOC);
        case "__module__":
          return slot(L.FUNC_MODULE);
        case "__dict__":
          return this.newRef(this.instDict(o, true));
        case "__annotations__": {
          let a = h.getSlot(o, L.FUNC_ANNOTATIONS);
          if (!a || this.kindOf(a) === Kind.TUPLE) {
            const t = a && this.tupleItems(a);
            a = h.newDict("display");
            for (let i = 0; t && i < t.length; i += 2) this.dictSetItem(a, t[i]!, t[i + 1]!);
            h.setSlotSteal(o, L.FUNC_ANNOTATIONS, a);
          }
          return this.newRef(a);
        }
      }
      break;
    case Kind.CODE: {
      const c = this.codeInfo(o).code;
      switch (name) {
        case "co_name":
          return h.newStr(c.co_name);
        case "co_qualname":
          return h.newStr(c.co_qualname);
        case "co_filename":
          return h.newStr(c.co_filename);
        case "co_argcount":
          return this.newInt(BigInt(c.co_argcount));
        case "co_posonlyargcount":
          return this.newInt(BigInt(c.co_posonlyargcount));
        case "co_kwonlyargcount":
          return this.newInt(BigInt(c.co_kwonlyargcount));
        case "co_nlocals":
          return this.newInt(BigInt(c.co_nlocals));
        case "co_flags":
          return this.newInt(BigInt(c.co_flags));
        case "co_firstlineno":
          return this.newInt(BigInt(c.co_firstlineno));
        case "co_stacksize":
          return this.newInt(BigInt(c.co_stacksize));
        case "co_varnames":
          return tupleOfStrs(this, c.co_varnames);
        case "co_freevars":
          return tupleOfStrs(this, c.co_freevars);
        case "co_cellvars":
          return tupleOfStrs(this, c.co_cellvars);
        case "co_names":
          return slot(L.CODE_NAMES);
        case "co_consts":
          return slot(L.CODE_CONSTS);
      }
      break;
    }
    case Kind.CELL:
      if (name === "cell_contents") {
        const v = h.getSlot(o, L.CELL_REF);
        if (!v) this.raise("ValueError", "Cell is empty");
        return this.newRef(v);
      }
      break;
    case Kind.METHOD:
      switch (name) {
        case "__self__":
          return slot(L.METHOD_SELF);
        case "__func__":
          return slot(L.METHOD_FUNC);
        default:
          return this.getAttrOrNull(h.getSlot(o, L.METHOD_FUNC), name);
      }
    case Kind.BUILTIN: {
      const n = this.natives[h.getI32(o, L.CFUNC_INDEX)];
      switch (name) {
        case "__self__":
          return this.newRef(h.getSlot(o, L.CFUNC_SELF) || this.modules.get(n.module) || this.None);
        case "__name__":
          return h.newStr(n.name);
        case "__qualname__":
          return h.newStr(n.qualname);
        case "__module__":
          return n.method ? this.none() : h.newStr(n.module);
        case "__doc__":
          return this.none();
      }
      break;
    }
    case Kind.MEMBER:
    case Kind.GETSET:
      // a slot's or __dict__/__weakref__'s descriptor: its name, Class.name and its class; __get__, __set__
      // and __delete__ (rarely.ts)
      if (name === "__name__") return slot(L.DESCR_NAME);
      if (name === "__qualname__") return h.newStr(`${this.infoOfType(h.getSlot(o, L.DESCR_TYPE)).qualname}.${this.str(h.getSlot(o, L.DESCR_NAME))}`);
      if (name === "__objclass__") return slot(L.DESCR_TYPE);
      return rarely(this, 9, o, this.name(name));
    case Kind.ITER:
      // __length_hint__ (rarely.ts)
      return rarely(this, 9, o, this.name(name));
    case Kind.MDESCR: {
      const n = this.natives[h.getI32(o, L.MDESCR_INDEX)];
      if (name === "__name__") return h.newStr(n.name);
      if (name === "__qualname__") return h.newStr(n.qualname);
      if (name === "__objclass__") return slot(L.MDESCR_TYPE);
      break;
    }
    case Kind.EXC: {
      const off = excField(this, o, name);
      if (off) return slot(off);
      switch (name) {
        case "args":
          return this.newRef(h.getSlot(o, L.EXC_ARGS) || this.emptyTuple());
        case "__traceback__":
          return slot(L.EXC_TRACEBACK);
        case "__cause__":
          return slot(L.EXC_CAUSE);
        case "__context__":
          return slot(L.EXC_CONTEXT);
        case "__suppress_context__":
          return this.bool(h.getI32(o, L.EXC_SUPPRESS) !== 0);
        case "__notes__": {
          const n = h.getSlot(o, L.EXC_NOTES);
          if (!n) return 0;
          return this.newRef(n);
        }
        case "start":
        case "end":
          if (this.isInstance(o, this.T.UnicodeEncodeError) || this.isInstance(o, this.T.UnicodeDecodeError)) return this.newInt(BigInt(h.getI32(o, name === "start" ? UNIERR_START : UNIERR_END)));
          break;
        case "message":
        case "exceptions":
          if (this.isInstance(o, this.T.BaseExceptionGroup)) return slot(name === "message" ? L.EXC_EXTRA : L.EXC_EXTRA2);
          break;
      }
      break;
    }
    case Kind.INT:
    case Kind.BOOL:
      switch (name) {
        case "real":
        case "numerator":
          // an exact int is its own real part and numerator
          return ti.kind === Kind.INT && !ti.heap ? this.newRef(o) : this.newInt(h.readInt(o));
        case "imag":
          return this.newInt(0n);
        case "denominator":
          return this.newInt(1n);
      }
      break;
    case Kind.FLOAT:
      if (name === "real") return this.newRef(o);
      if (name === "imag") return h.newFloat(0);
      break;
    case Kind.COMPLEX:
      if (name === "real") return h.newFloat(h.getF64(o, 16));
      if (name === "imag") return h.newFloat(h.getF64(o, 24));
      break;
    case Kind.SLICE:
      if (name === "start") return slot(L.NATIVE_A);
      if (name === "stop") return slot(L.NATIVE_B);
      if (name === "step") return slot(L.NATIVE_C);
      break;
    case Kind.RANGE: {
      const r = rangeBounds(this, o);
      if (name === "start") return this.newInt(r.start);
      if (name === "stop") return this.newInt(r.stop);
      if (name === "step") return this.newInt(r.step);
      break;
    }
    case Kind.WEAKREF:
      // the callback given at creation; None once it has been called (or without one)
      if (name === "__callback__") return slot(abi.WR_CALLBACK);
      break;
    case Kind.GENERATOR:
      switch (name) {
        case "__name__":
          return slot(L.GEN_NAME);
        case "__qualname__":
          return slot(L.GEN_QUALNAME);
        case "gi_code":
          return slot(L.GEN_CODE);
        case "gi_running":
          return this.bool(this.gens[h.getI32(o, L.GEN_INDEX)].state === "running");
        case "gi_frame":
          return this.newRef(this.genFrame(o));
        case "gi_suspended":
          return this.bool(this.gens[h.getI32(o, L.GEN_INDEX)].state === "suspended");
        case "gi_yieldfrom":
          return this.newRef(this.genYieldFrom(o));
      }
      break;
    case Kind.TRACEBACK:
      switch (name) {
        case "tb_next":
          return slot(L.TB_NEXT);
        case "tb_frame":
          return slot(L.TB_FRAME);
        case "tb_lineno":
          return this.newInt(BigInt(h.getI32(o, L.TB_LINENO)));
        case "tb_lasti":
          return this.newInt(BigInt(h.getI32(o, L.TB_LASTI) * 2));
      }
      break;
    case Kind.FRAME:
      switch (name) {
        case "f_back": {
          // a running frame's caller (its frame object made now, as CPython makes it on demand)
          const live = liveFrame(this, o);
          if (live && !h.getSlot(o, L.FRAME_BACK)) return this.newRef(live.back ? this.frameObject(live.back) : this.None);
          return slot(L.FRAME_BACK);
        }
        case "f_code":
          return slot(L.FRAME_CODE);
        case "f_globals":
          return slot(L.FRAME_GLOBALS);
        case "f_lineno":
          return this.newInt(BigInt(frameLine(this, o)));
        case "f_locals":
          return this.frameLocals(o);
      }
      break;
    case Kind.PROPERTY:
      if (name === "fget") return slot(L.NATIVE_A);
      if (name === "fset") return slot(L.NATIVE_B);
      if (name === "fdel") return slot(L.NATIVE_C);
      if (name === "__doc__") return slot(L.NATIVE_D);
      break;
    case Kind.STATICMETHOD:
    case Kind.CLASSMETHOD:
      if (name === "__func__") return slot(L.NATIVE_A);
      break;
    case Kind.SUPER: {
      const i = ["__thisclass__", "__self__", "__self_class__"].indexOf(name);
      if (i >= 0) return slot([L.NATIVE_A, L.NATIVE_B, L.NATIVE_C][i]);
      break;
    }
    case Kind.NATIVE:
      if (h.typeOf(o) === this.T.TextIOWrapper) return rarely(this, 4, o, this.name(name));
      break;
    case Kind.MODULE:
      if (name === "__dict__") return slot(L.MODULE_DICT);
      if (this.moduleLazyAttr) {
        const v = this.moduleLazyAttr(o, this.str(h.getSlot(o, L.MODULE_NAME)), name);
        if (v) return v;
      }
      break;
  }
  if (name === "__dict__") {
    const d = this.instDict(o, true);
    if (d) return this.newRef(d);
  }
  if (name === "__doc__" && ti.heap) return this.none();
  return 0;
};

/** f_lineno of the frame object fo: a running frame's line is the one it is at now, a suspended
 *  generator's the one it paused at, else the line its frame ended at. */
function frameLine(vm: VM, fo: Obj): number {
  const live = liveFrame(vm, fo) ?? vm.genOfFrame(fo)?.frame;
  return live ? vm.lineOf(live) : vm.h.getI32(fo, L.FRAME_LINENO);
}

/** The running frame (of the current call chain) whose frame object is `fo`, or null. */
function liveFrame(vm: VM, fo: Obj): import("./frame.js").Frame | null {
  for (let f = vm.frame; f !== null; f = f.back) if (f.frameObj === fo) return f;
  return null;
}

proto.nativeAttrExists = function (this: VM, o: Obj, ti: TypeInfo, name: string): boolean {
  const v = this.nativeAttr(o, ti, name);
  if (v) this.decref(v);
  return v !== 0;
};

proto.nativeAttrNames = function (this: VM, ti: TypeInfo): string[] {
  const common = ["__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__"];
  if (ti.heap) return [...common, "__dict__", "__module__", "__weakref__"];
  return common;
};

/** The function attributes stored in the function's own fields (any other name goes to its __dict__). */
const FUNC_SETTABLE: ReadonlyMap<string, number> = new Map([
  ["__name__", L.FUNC_NAME],
  ["__qualname__", L.FUNC_QUALNAME],
  ["__defaults__", L.FUNC_DEFAULTS],
  ["__kwdefaults__", L.FUNC_KWDEFAULTS],
  ["__doc__", L.FUNC_DOC],
  ["__code__", L.FUNC_CODE],
  ["__module__", L.FUNC_MODULE],
  ["__annotations__", L.FUNC_ANNOTATIONS],
]);

const FUNC_SET_KIND: Record<string, [Kind, string, boolean]> = {
  __name__: [Kind.STR, "string", true],
  __qualname__: [Kind.STR, "string", true],
  __code__: [Kind.CODE, "code", true],
  __defaults__: [Kind.TUPLE, "tuple", false],
  __kwdefaults__: [Kind.DICT, "dict", false],
  __annotations__: [Kind.DICT, "dict", false],
};

proto.nativeSetAttr = function (this: VM, o: Obj, ti: TypeInfo, name: string, v: Obj | 0): boolean {
  const h = this.h;
  switch (ti.kind) {
    case Kind.FUNCTION: {
      const off = FUNC_SETTABLE.get(name);
      if (off === undefined) return false;
      // python3's checks: the kind each takes, and whether deleting it or None is refused too
      const want = FUNC_SET_KIND[name];
      if (want && (v === 0 || v === this.None ? want[2] : this.kindOf(v) !== want[0])) this.typeError(`${name} must be set to a ${want[1]} object`);
      h.setSlot(o, off, v && v !== this.None ? v : name === "__doc__" || name === "__module__" ? v : 0);
      return true;
    }
    case Kind.EXC: {
      const off = excField(this, o, name);
      if (off) {
        // a field set or deleted (deleted reads None again)
        h.setSlot(o, off, v);
        return true;
      }
      if ((name === "start" || name === "end") && (this.isInstance(o, this.T.UnicodeEncodeError) || this.isInstance(o, this.T.UnicodeDecodeError))) {
        if (!v) this.typeError("can't delete numeric/char attribute");
        setWord(this, o, name === "start" ? UNIERR_START : UNIERR_END, v);
        return true;
      }
      if (!v && name === "__suppress_context__") this.typeError("can't delete numeric/char attribute");
      if (!v && ["args", "__traceback__", "__cause__", "__context__"].includes(name)) this.typeError(`${name} may not be deleted`);
      switch (name) {
        case "__traceback__":
          h.setSlot(o, L.EXC_TRACEBACK, v && v !== this.None ? v : 0);
          return true;
        case "__cause__":
          h.setSlot(o, L.EXC_CAUSE, v && v !== this.None ? v : 0);
          h.setI32(o, L.EXC_SUPPRESS, 1);
          return true;
        case "__context__":
          h.setSlot(o, L.EXC_CONTEXT, v && v !== this.None ? v : 0);
          return true;
        case "__suppress_context__":
          h.setI32(o, L.EXC_SUPPRESS, v && this.truthy(v) ? 1 : 0);
          return true;
        case "args": {
          const t = v ? this.tupleFrom(v) : this.emptyTuple();
          h.setSlotSteal(o, L.EXC_ARGS, t);
          return true;
        }
      }
      return false;
    }
    case Kind.CELL:
      if (name === "cell_contents") {
        h.setSlot(o, L.CELL_REF, v);
        return true;
      }
      return false;
    case Kind.NATIVE:
      // sys.stdout's and sys.stderr's own attributes: python3's errors (rarely.ts)
      if (h.typeOf(o) === this.T.TextIOWrapper) rarely(this, 4, o, this.name(name), [v]);
  }
  return false;
};

declare module "./vm.js" {
  interface VM {
    emptyTuple(): Obj;
    tupleFrom(o: Obj): Obj;
  }
}

proto.typeGetAttr = function (this: VM, t: Obj, name: string): Obj {
  const h = this.h;
  const ti = this.infoOfType(t);
  // metatype data descriptors first
  switch (name) {
    case "__name__":
      return h.newStr(ti.name);
    case "__qualname__":
      return h.newStr(ti.qualname);
    case "__module__":
      if (!ti.heap) return h.newStr(ti.module);
      break;
    case "__mro__":
      return h.getSlot(t, this.abi.TP_MRO) ? this.newRef(h.getSlot(t, this.abi.TP_MRO)) : h.newTuple(ti.mro.map((x) => x.obj));
    case "__bases__":
      return h.getSlot(t, this.abi.TP_BASES) ? this.newRef(h.getSlot(t, this.abi.TP_BASES)) : h.newTuple(ti.base ? [ti.base.obj] : []);
    case "__base__":
      return this.newRef(ti.base ? ti.base.obj : this.None);
    case "__dict__":
      return rarely(this, 0, t);
    case "__class__":
      return this.newRef(h.typeOf(t));
    case "__basicsize__":
      return this.newInt(BigInt(ti.basicsize));
    case "__weakrefoffset__":
      return this.newInt(BigInt(ti.weaklistOffset));
  }
  const d = this.lookupType(ti, name);
  if (d) {
    if (d.native >= 0) {
      if (this.classMethods?.has(d.native)) return this.newBuiltinFunction(d.native, t);
      return this.newMethodDescr(t, d.native);
    }
    const vti = this.typeInfo(d.obj);
    if (vti.heap) {
      const get = this.lookupType(vti, "__get__");
      if (get) {
        const f = this.bindDescr(get, d.obj, vti.obj);
        try {
          return this.call(f, [this.None, t]);
        } finally {
          this.decref(f);
        }
      }
    } else if (vti.kind === Kind.CLASSMETHOD) return this.newMethod(h.getSlot(d.obj, L.NATIVE_A), t);
    else if (vti.kind === Kind.STATICMETHOD) return this.newRef(h.getSlot(d.obj, L.NATIVE_A));
    return this.newRef(d.obj);
  }
  if (name === "__doc__") return this.none();
  const meta = this.typeInfo(t);
  const md = meta !== this.infoOfType(this.T.type) ? this.lookupType(meta, name) : null;
  if (md) return this.bindDescr(md, t, meta.obj);
  const tm = this.infoOfType(this.T.type).methods.get(name);
  if (tm !== undefined) return this.newBuiltinFunction(tm, t);
  // int.real, types.FunctionType.__code__…: rarely.ts
  return ((ti.kind !== Kind.OBJECT || name === "__annotations__") && rarely(this, 9, t, this.name(name))) || this.attributeError(t, name);
};

proto.typeSetAttr = function (this: VM, t: Obj, name: string, v: Obj): void {
  if (name === "__bases__") return setTypeBases(this, t, v);
  const ti = this.infoOfType(t);
  if (!ti.heap) this.typeError(`cannot set '${name}' attribute of immutable type '${ti.name}'`);
  // a class's own class (its metaclass): object's __class__ setter, as for any instance
  if (name === "__class__") return assignClass(this, t, this.typeInfo(t), v);
  // (rarely.ts)
  if (name === "__name__" || name === "__qualname__" || name === "__module__") return void rarely(this, 11, t, this.name(name), [v]);
  this.dictSetStr(ti.dict, this.name(name), v);
};

/**
 * The method descriptor of native `index` found through `type` (one per native for the VM's life). Its
 * __objclass__ is the builtin type that defines the native (int for bool.__add__), whatever type it was
 * first reached through: calls check their first argument against it.
 */
proto.newMethodDescr = function (this: VM, type: Obj, index: number): Obj {
  let o = this.mdescrCache.get(index);
  if (!o) {
    let owner = type;
    for (const t of this.infoOfType(type).mro) {
      if (!t.heap && t.methods.get(this.natives[index].name) === index) {
        owner = t.obj;
        break;
      }
    }
    o = this.h.newObject(isSlotWrapper(this.natives[index]) ? this.T.wrapper_descriptor : this.T.method_descriptor);
    this.h.setI32(o, L.MDESCR_INDEX, index);
    this.h.setSlot(o, L.MDESCR_TYPE, owner);
    this.mdescrCache.set(index, o);
  }
  return this.newRef(o);
};

/**
 * Native method `index` bound to `self` (`[].append`, `(1).__add__`): new reference. A slot's method is a
 * method-wrapper (CPython's wrapperobject: just the descriptor and self, no weakrefs), any other a
 * builtin_function_or_method; both keep the native's index and self at the same offsets.
 */
proto.newBoundNative = function (this: VM, index: number, self: Obj): Obj {
  if (!isSlotWrapper(this.natives[index])) return this.newBuiltinFunction(index, self);
  const o = this.h.newObject(this.T["method-wrapper"]);
  this.h.setI32(o, L.CFUNC_INDEX, index);
  this.h.setSlot(o, L.CFUNC_SELF, self);
  return o;
};

/**
 * A method descriptor called with `self` as its first argument: TypeError unless self is an instance of the
 * descriptor's type or of a subclass. Calls through an instance's method (LOAD_METHOD on the instance) need
 * no check; unbound calls (list.append(x, 1), map(str.upper, xs)) do.
 */
proto.checkDescrSelf = function (this: VM, d: Obj, self: Obj): void {
  const h = this.h;
  const t = h.getSlot(d, L.MDESCR_TYPE);
  const st = h.typeOf(self);
  if (st === t || t === this.T.object) return;
  if (this.isSubtype(this.infoOfType(st), this.infoOfType(t))) return;
  this.descrSelfError(d, self);
};

/** Names of natives that CPython defines as slot wrappers (wrapper_descriptor) rather than methods. */
const METHOD_DUNDERS = new Set([
  "__getitem__", "__contains__", "__alloc__", "__bytes__", "__ceil__", "__complex__", "__dir__", "__enter__",
  "__exit__", "__floor__", "__format__", "__getnewargs__", "__getstate__", "__instancecheck__",
  "__length_hint__", "__reduce__", "__reduce_ex__", "__reversed__", "__round__", "__set_name__", "__setstate__",
  "__sizeof__", "__subclasscheck__", "__subclasses__", "__trunc__", "__copy__", "__deepcopy__",
]);

export function isSlotWrapperName(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__") && !METHOD_DUNDERS.has(name);
}

/** __getitem__ and __contains__ are slot wrappers (str.__getitem__) except on these types, which define
 *  them as methods. */
const METHOD_GETITEM_CONTAINS = new Set(["list.__getitem__", "dict.__getitem__", "dict.__contains__", "set.__contains__", "frozenset.__contains__"]);

/** The native is one of CPython's slot wrappers (a wrapper_descriptor in its type's dict). */
function isSlotWrapper(n: NativeEntry): boolean {
  if (!n.method) return false;
  if (n.name === "__getitem__" || n.name === "__contains__") return !METHOD_GETITEM_CONTAINS.has(n.qualname);
  return isSlotWrapperName(n.name);
}

proto.descrSelfError = function (this: VM, d: Obj, self: Obj): never {
  const n = this.natives[this.h.getI32(d, L.MDESCR_INDEX)];
  const tn = this.infoOfType(this.h.getSlot(d, L.MDESCR_TYPE)).name;
  if (this.h.typeOf(d) === this.T.wrapper_descriptor) this.typeError(`descriptor '${n.name}' requires a '${tn}' object but received a '${this.typeName(self)}'`);
  this.typeError(`descriptor '${n.name}' for '${tn}' objects doesn't apply to a '${this.typeName(self)}' object`);
};

proto.asciiObj = function (this: VM, o: Obj): Obj {
  const r = this.repr(o);
  let out = "";
  for (const ch of r) {
    const c = ch.codePointAt(0)!;
    if (c < 128) out += ch;
    else if (c < 256) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 65536) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return this.h.newStr(out);
};

proto.pendingHookError = function (this: VM): void {
  const e = this.hookError;
  if (e) {
    this.hookError = null;
    throw e;
  }
};
