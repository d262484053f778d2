/**
 * What the VM knows about each Python type beyond the heap's type object: its layout family (`Kind`),
 * MRO, native methods, and for classes defined in Python, where their attributes live.
 *
 * The heap's type object is the truth for refcounts and the GC; a TypeInfo is the interpreter's index
 * card for it, found through the i32 the VM stores in the type object's TP_VMI0 word.
 */
import type { Obj } from "./heap-api.js";

/** Layout families: which native code handles an object of this type (subclasses inherit it). */
export const enum Kind {
  OBJECT,
  INT,
  BOOL,
  FLOAT,
  COMPLEX,
  STR,
  BYTES,
  BYTEARRAY,
  TUPLE,
  LIST,
  DICT,
  SET,
  FROZENSET,
  NONE,
  ELLIPSIS,
  NOTIMPL,
  TYPE,
  FUNCTION,
  BUILTIN,
  METHOD,
  MDESCR,
  CELL,
  CODE,
  MODULE,
  GENERATOR,
  EXC,
  TRACEBACK,
  FRAME,
  RANGE,
  SLICE,
  PROPERTY,
  STATICMETHOD,
  CLASSMETHOD,
  SUPER,
  GETSET,
  MEMBER,
  ITER,
  WEAKREF,
  WEAKPROXY,
  VIEW,
  NATIVE,
}

/** Keyword arguments of a native call: parallel names and (borrowed) values. */
export interface KwArgs {
  names: string[];
  values: Obj[];
}

/** A builtin function or method: arguments borrowed, result a new reference. For methods args[0] is self. */
export type NativeFn = (args: Obj[], kw: KwArgs | null) => Obj;

/** A native function with its Python-visible name. */
export interface NativeEntry {
  name: string;
  fn: NativeFn;
  /** Qualified name for reprs (`list.append`). */
  qualname: string;
  /** Module for reprs of builtin functions ("builtins", "gc", …). */
  module: string;
  /** True for methods (called with self first). */
  method: boolean;
}

/** The interpreter's record of a type. */
export interface TypeInfo {
  obj: Obj;
  name: string;
  qualname: string;
  module: string;
  kind: Kind;
  base: TypeInfo | null;
  /** Method resolution order, this type first. */
  mro: TypeInfo[];
  /** A class created by a class statement or type(): its attributes live in the heap dict `dict`. */
  heap: boolean;
  /** Native methods and attributes of builtin types, by name (inherited through `mro`). */
  methods: Map<string, number>;
  /** Borrowed: the type's attribute dict (heap types; builtin types get one lazily for __dict__). */
  dict: Obj;
  /** Instances have a managed dict (plain class) or a dict slot (exceptions, functions…). */
  hasDict: boolean;
  /** Byte offsets of the owned-reference fields of the layout (inherited by subclasses). */
  refSlots?: number[];
  /** Instances keep attributes in a managed dict (values array + shared keys), classes without __slots__. */
  managed?: boolean;
  /** `__slots__` names → byte offsets of their reference fields. */
  slots: Map<string, number>;
  /** Byte offset of the weakref list head, 0 when not weakly referenceable. */
  weaklistOffset: number;
  basicsize: number;
  /** Index in the VM's type table (also stored in the type object). */
  index: number;
  /** The type has a Python-level __del__ (tp_finalize). */
  hasFinalizer: boolean;
  /** lookupType's results by name, each valid while the MRO and every class dict in it are unchanged. */
  attrCache: Map<string, TypeAttrEntry>;
  /** lookupTypeOwner's results by name, valid under the same conditions. */
  ownerCache: Map<string, TypeOwnerEntry>;
  /** For iterators and other native objects: the native `__next__`. */
  nextFn?: (self: Obj) => Obj;
  /** Acceptable as a base class. */
  baseType: boolean;
}

/** A cached lookupType result: the MRO it was found in, and for each class of it the address of its dict
 *  and that dict's version tag (two words; globally unique per change), with the VM's type epoch. */
export interface TypeAttrEntry {
  mro: TypeInfo[];
  state: number[];
  epoch: number;
  descr: { obj: Obj; native: number } | null;
}

/** A cached lookupTypeOwner result, kept as TypeAttrEntry is. */
export interface TypeOwnerEntry {
  mro: TypeInfo[];
  state: number[];
  epoch: number;
  owner: TypeInfo | null;
}
