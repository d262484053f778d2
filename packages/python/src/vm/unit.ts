/**
 * Turning a compiled unit into heap objects: constants (one object per descriptor, shared by every code
 * object of the unit, as CPython's per-unit merge), code objects with their co_consts/co_names tuples,
 * and the extra "arena" references a script's parse tree holds on its constants while the body runs.
 */
import type { CodeObject, Const } from "../compile/code.js";
import { CodeFlag } from "../compile/code.js";
import type { Obj } from "./heap-api.js";
import { VM } from "./vm.js";
import { Frame, type CodeInfo } from "./frame.js";
import * as L from "./layouts.js";
import { jitState } from "./jit-hook.js";

declare module "./vm.js" {
  interface VM {
    materialize(code: CodeObject, arena: boolean): Obj;
    releaseArena(): void;
  }
}

const proto = VM.prototype;

proto.materialize = function (this: VM, top: CodeObject, arena: boolean): Obj {
  const h = this.h;
  const made = new Map<Const, Obj>();
  const mk = (c: Const): Obj => {
    const have = made.get(c);
    if (have) {
      h.incref(have);
      return have;
    }
    let o: Obj;
    switch (c.kind) {
      case "none":
        o = this.newRef(this.None);
        break;
      case "bool":
        o = this.bool(c.value);
        break;
      case "ellipsis":
        o = this.newRef(this.Ellipsis);
        break;
      case "int":
        o = this.newInt(c.value);
        break;
      case "float":
        o = h.newFloat(c.value);
        break;
      case "complex":
        o = this.newComplex(c.real, c.imag);
        break;
      case "str":
        o = c.interned ? this.intern(c.value) : h.newStr(c.value);
        break;
      case "bytes":
        o = h.newBytes(c.value);
        break;
      case "tuple":
        o = h.newTupleSteal(c.items.map(mk));
        break;
      case "frozenset": {
        const items = c.items.map(mk);
        o = this.newSet(items, true);
        for (const x of items) h.decref(x);
        break;
      }
      case "code":
        o = makeCode(c.code);
        break;
    }
    made.set(c, o);
    if (arena) {
      for (let i = 0; i < c.arenaRefs; i++) {
        h.incref(o);
        this.arena.push(o);
      }
    }
    return o;
  };
  const makeCode = (code: CodeObject): Obj => {
    const consts = code.co_consts.map(mk);
    const co = h.newObject(this.T.code);
    const ct = h.newTupleSteal(consts);
    h.setSlotSteal(co, L.CODE_CONSTS, ct);
    const names = code.co_names.map((n) => this.intern(n));
    h.setSlotSteal(co, L.CODE_NAMES, h.newTupleSteal(names));
    h.setSlotSteal(co, L.CODE_FILENAME, h.newStr(code.co_filename));
    h.setSlotSteal(co, L.CODE_NAME, this.intern(code.co_name));
    h.setSlotSteal(co, L.CODE_QUALNAME, h.newStr(code.co_qualname));
    const info: CodeInfo = {
      code,
      consts: this.tupleItems(ct),
      names: this.tupleItems(h.getSlot(co, L.CODE_NAMES)),
      obj: co,
      index: this.codes.length,
      ops: packOps(code.co_code),
      warmup: -8,
      filename: code.co_filename,
      nlocalsplus: code.co_localsplusnames.length,
      posArgs: code.co_kwonlyargcount === 0 && (code.co_flags & (CodeFlag.VARARGS | CodeFlag.VARKEYWORDS | CodeFlag.GENERATOR)) === 0 ? code.co_argcount : -1,
      isGenerator: (code.co_flags & CodeFlag.GENERATOR) !== 0,
      globalCache: null,
      methodCache: null,
      addSites: null,
      strSites: null,
      attrSites: null,
      slotSites: null,
      spareFrame: null,
      superClassAt: -2,
      superSelfCell: false,
      jit: null,
      jitWait: jitState.hook ? jitState.hook.threshold : 0,
    };
    h.setI32(co, L.CODE_INDEX, info.index);
    this.codes.push(info);
    return co;
  };
  return makeCode(top);
};

/** co_code's (opcode, arg) pairs as one word each, opcode | arg << 8 (an arg is an index or a count far
 *  below 2 ** 23: `w >> 8` gives it back). */
function packOps(co: Int32Array): Int32Array {
  const w = new Int32Array(co.length >> 1);
  for (let i = 0; i < w.length; i++) w[i] = co[2 * i] | (co[2 * i + 1] << 8);
  return w;
}

proto.releaseArena = function (this: VM): void {
  const a = this.arena;
  this.arena = [];
  for (const o of a) this.h.decref(o);
};

/** Run a module-like code object with the given namespaces: new reference to its result. */
proto.runCode = function (this: VM, code: CodeObject, globals: Obj, locals: Obj, fresh: boolean): Obj {
  const h = this.h;
  const co = fresh ? this.materialize(code, false) : 0;
  const info = fresh ? this.codeInfo(co) : this.codes.find((c) => c.code === code)!;
  const fr = new Frame(info, 0, globals, this.builtins, this.newRef(locals), this.frame);
  try {
    return this.evalFrame(fr);
  } finally {
    if (co) h.decref(co);
  }
};
