/**
 * The structural pattern matching opcodes of 3.11 (MATCH_CLASS, MATCH_KEYS, MATCH_MAPPING,
 * MATCH_SEQUENCE, GET_LEN): what they test, what they allocate and in which order, as ceval.c's
 * match_class and match_keys do, so that gc counts and addresses stay CPython's.
 *
 * Relies on the VM's attribute, call and set helpers; the eval loop only moves stack items around them.
 */
import { abi } from "@pyheap/heap";
import type { Obj } from "./heap-api.js";
import { Kind } from "./types.js";
import { VM } from "./vm.js";

declare module "./vm.js" {
  interface VM {
    matchClass(subject: Obj, type: Obj, nargs: number, names: Obj): Obj;
    matchKeys(map: Obj, keys: Obj): Obj;
    isMatchSequence(o: Obj): boolean;
    isMatchMapping(o: Obj): boolean;
  }
}

const proto = VM.prototype;

/**
 * NOTE: CPython tests the Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING type flags, set on list, tuple, range,
 * memoryview, deque, array (sequences) and dict (mappings), inherited by subclasses and set by
 * collections.abc registration. Of those, list, tuple, range and dict exist here; subclasses keep
 * their base's layout family, so the family decides.
 */
proto.isMatchSequence = function (this: VM, o: Obj): boolean {
  const k = this.typeInfo(o).kind;
  return k === Kind.LIST || k === Kind.TUPLE || k === Kind.RANGE;
};

proto.isMatchMapping = function (this: VM, o: Obj): boolean {
  return this.typeInfo(o).kind === Kind.DICT;
};

/** Types whose single positional sub-pattern matches the subject itself (_Py_TPFLAGS_MATCH_SELF). */
function matchesSelf(kind: Kind): boolean {
  switch (kind) {
    case Kind.BOOL: case Kind.BYTEARRAY: case Kind.BYTES: case Kind.DICT: case Kind.FLOAT:
    case Kind.FROZENSET: case Kind.INT: case Kind.LIST: case Kind.SET: case Kind.STR: case Kind.TUPLE:
      return true;
    default:
      return false;
  }
}

/**
 * `case cls(p1, …, name=p, …)`: a NEW reference to the tuple of the extracted attributes (positional
 * ones named by `cls.__match_args__`, then `names`), or 0 when the subject does not match. Raises for
 * a non-type `cls`, a bad `__match_args__`, too many positional sub-patterns, an attribute named twice.
 * Borrows its arguments.
 */
proto.matchClass = function (this: VM, subject: Obj, type: Obj, nargs: number, names: Obj): Obj {
  const h = this.h;
  if (this.kindOf(type) !== Kind.TYPE) this.typeError("called match pattern must be a type");
  if (!this.isInstance(subject, type)) return 0;
  const tname = this.infoOfType(type).name;
  // CPython allocates the `seen` set, then the list of attributes
  const seen = this.newSet([], false);
  const attrs = h.newList([]);
  let matchArgs: Obj = 0;
  const failed = () => {
    if (matchArgs) this.decref(matchArgs);
    this.decref(seen);
    this.decref(attrs);
  };
  /** Appends the attribute; false when the subject lacks it. */
  const take = (name: Obj): boolean => {
    if (h.setContains!(seen, name)) {
      this.typeError(`${tname}() got multiple sub-patterns for attribute ${this.repr(name)}`);
    }
    this.setAddItem(seen, name);
    const v = this.getAttrOrNull(subject, this.str(name));
    if (!v) return false;
    h.listAppend(attrs, v);
    this.decref(v);
    return true;
  };
  try {
    if (nargs) {
      let matchSelf = false;
      matchArgs = this.getAttrOrNull(type, "__match_args__");
      if (matchArgs) {
        const mk = this.typeInfo(matchArgs);
        if (mk.kind !== Kind.TUPLE || mk.heap) this.typeError(`${tname}.__match_args__ must be a tuple (got ${mk.name})`);
      } else {
        matchSelf = matchesSelf(this.infoOfType(type).kind);
      }
      const given = matchArgs ? this.tupleItems(matchArgs) : [];
      const allowed = matchSelf ? 1 : given.length;
      if (allowed < nargs) {
        this.typeError(`${tname}() accepts ${allowed} positional sub-pattern${allowed === 1 ? "" : "s"} (${nargs} given)`);
      }
      if (matchSelf) {
        h.listAppend(attrs, subject);
      } else {
        for (let i = 0; i < nargs; i++) {
          const name = given[i]!;
          const nk = this.typeInfo(name);
          if (nk.kind !== Kind.STR || nk.heap) this.typeError(`__match_args__ elements must be strings (got ${nk.name})`);
          if (!take(name)) {
            failed();
            return 0;
          }
        }
      }
      if (matchArgs) this.decref(matchArgs);
      matchArgs = 0;
    }
    for (const name of this.tupleItems(names)) {
      if (!take(name)) {
        failed();
        return 0;
      }
    }
  } catch (e) {
    failed();
    throw e;
  }
  const result = h.newTuple(this.listItems(attrs));
  this.decref(attrs);
  this.decref(seen);
  return result;
};

/**
 * `case {k1: p1, …}`: a NEW reference to the tuple of the values under `keys` (looked up with the
 * mapping's `get(key, dummy)`, so defaultdict-like mappings create nothing), or to None when one is
 * missing. Raises ValueError for a key given twice. Borrows its arguments.
 */
proto.matchKeys = function (this: VM, map: Obj, keys: Obj): Obj {
  const h = this.h;
  const keyItems = this.tupleItems(keys);
  const n = keyItems.length;
  if (!n) return h.newTuple([]);
  // as _PyObject_GetMethod: an unbound method when the type provides it, else a bound attribute
  let get = this.loadMethod(map, "get");
  const unbound = get !== 0;
  if (!get) get = this.getAttr(map, "get");
  let seen: Obj = 0;
  let dummy: Obj = 0;
  let values: Obj = 0;
  try {
    seen = this.newSet([], false);
    dummy = h.newObject(this.T.object);
    // the values tuple exists before the look-ups, as PyTuple_New(nkeys) in CPython
    for (let i = 0; i < n; i++) h.incref(this.None);
    values = h.newTupleSteal(new Array<Obj>(n).fill(this.None));
    for (let i = 0; i < n; i++) {
      const key = keyItems[i]!;
      this.checkHashable(key);
      if (h.setContains!(seen, key)) this.raise("ValueError", `mapping pattern checks duplicate key (${this.repr(key)})`);
      this.setAddItem(seen, key);
      const v = this.call(get, unbound ? [map, key, dummy] : [key, dummy]);
      if (v === dummy) {
        this.decref(v);
        this.decref(values);
        values = this.newRef(this.None);
        break;
      }
      h.setSlotSteal(values, abi.TUPLE_ITEMS + 8 * i, v);
    }
  } catch (e) {
    if (values) this.decref(values);
    values = 0;
    throw e;
  } finally {
    this.decref(get);
    if (seen) this.decref(seen);
    if (dummy) this.decref(dummy);
  }
  return values;
};

