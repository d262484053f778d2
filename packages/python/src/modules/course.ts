/**
 * Python modules that are Python code compiled at import (in the page, in the interpreter's on-demand
 * chunk, bundler/lazy.ts): `heapq`, `bisect` and `dataclasses`. `pyModule(vm, name)` gives a module's
 * source; modules/index.ts registers the names.
 *
 * heapq: python3's heappush/heappop/heapify/heappushpop/heapreplace are C (_heapq) with the same sift
 * algorithm as its Python fallback, which the code below follows step by step, so the list holds its
 * items in python3's order after each call and compares them in the same order (nsmallest, nlargest and
 * merge are Python code in CPython too). What differs: the functions are Python functions (their repr,
 * `<function heappush at 0x…>`, and a frame per call, which the heap view shows; a printed traceback
 * leaves the module's frames out, as python3's C functions have none, vm/exc-format.ts); a wrong argument
 * count or a keyword gives python3's C texts ("heappush expected 2 arguments, got 1", "_heapq.heappop() takes
 * exactly one argument (0 given)", cArgError below); a list changed by a comparison is not reported.
 * bisect: the same for python3's C _bisect (bisect_left/right, insort_left/right, lo/hi, key=; hi=-1 means
 * len(a), as C's default does; lo/hi beyond a C ssize_t an OverflowError), with Argument Clinic's texts
 * for arguments it does not take ("bisect_right() missing required argument 'x' (pos 2)").
 * dataclasses: Python code in CPython too. The generated methods are compiled with exec() from text laid
 * out line for line as python3's, so their errors and a traceback through them (`File "<string>", line 5,
 * in __init__`) read the same; instances are ordinary instances with a __dict__ (or __slots__), as in
 * CPython (sys.getsizeof of an instance and of its __dict__ as python3's). What differs: a frame in the
 * module's own code shows `File "dataclasses", line N` where python3 names its dataclasses.py;
 * Field.metadata is a dict (python3: a mappingproxy); the class's __doc__ is made from the fields, not
 * from inspect.signature (a class with its own __init__ differs); ClassVar is recognised only through a
 * `typing` module that provides it; a slots=True class has no
 * __getstate__/__setstate__; importing it does not import copy, inspect, re and the other modules
 * python3's import brings into sys.modules.
 * json, enum, re, statistics, fractions, pprint and textwrap: their code is in modules/NAME-py.ts (re also has
 * natives there).
 * time: natives only (timeNatives): time, perf_counter, monotonic, process_time, their _ns forms, and
 * sleep. What differs: perf_counter and monotonic count from the host's start (performance.now()),
 * process_time is the whole host process's CPU time in Node and the time since the page started in a
 * browser, sleep busy-waits where the host cannot block (a page's main thread); there is no struct_time,
 * localtime, gmtime, strftime or ctime.
 */
import { VM } from "../vm/vm.js";
import type { Obj } from "../vm/heap-api.js";
import { Kind, type NativeFn } from "../vm/types.js";
import { FUNC_MODULE, FUNC_NAME } from "../vm/layouts.js";

declare module "../vm/vm.js" {
  interface VM {
    /** Installed with heapq or bisect: the TypeError text of a function python3 has in C for arguments it
     *  does not take, for the Python function standing for it (undefined: the function's own text;
     *  vm/eval.ts's bindArguments asks). */
    cArgText?: (this: VM, func: Obj, nargs: number, kw: string[] | null) => string | undefined;
  }
}
import { JSON_PY } from "./json-py.js";
import { ENUM_PY } from "./enum-py.js";
import { RE_PY, reNatives } from "./re-py.js";
import { STATISTICS_PY } from "./statistics-py.js";
import { FRACTIONS_PY } from "./fractions-py.js";
import { PPRINT_PY } from "./pprint-py.js";
import { TEXTWRAP_PY } from "./textwrap-py.js";
import { COLLECTIONS_ABC_PY } from "./abcs-py.js";

const SOURCES: Record<string, string> = { json: JSON_PY, enum: ENUM_PY, statistics: STATISTICS_PY, fractions: FRACTIONS_PY, pprint: PPRINT_PY, textwrap: TEXTWRAP_PY, "collections.abc": COLLECTIONS_ABC_PY };

/** A module's Python source and natives. */
export function pyModule(vm: VM, name: string): [string, Record<string, NativeFn>] {
  if (name === "time") return ["", timeNatives(vm)];
  if (name === "heapq" || name === "bisect") VM.prototype.cArgText = cArgError;
  if (name === "re") return [RE_PY, reNatives(vm)];
  return [name === "heapq" ? HEAPQ_PY : name === "bisect" ? BISECT_PY : SOURCES[name] ?? DATACLASSES_PY, {}];
}

/** Arguments of heapq's C functions: 1 for python3's METH_O ones, 2 for the ones taking (heap, item). */
const HEAPQ_C: Record<string, number> = { heappush: 2, heappop: 1, heapify: 1, heapreplace: 2, heappushpop: 2, _heappop_max: 1, _heapify_max: 1, _heapreplace_max: 2 };
const BISECT_ARGS = ["a", "x", "lo", "hi", "key"];

/** python3's TypeError text for arguments that heapq's C functions (METH_O, or a positional count check
 *  after "no keyword arguments") and bisect's Argument Clinic ones (a, x, lo, hi positional, key keyword
 *  only) do not take; undefined for any other function. */
function cArgError(this: VM, func: Obj, nargs: number, kw: string[] | null): string | undefined {
  const vm = this;
  const mod = vm.h.getSlot(func, FUNC_MODULE);
  const m = mod && vm.kindOf(mod) === Kind.STR ? vm.str(mod) : "";
  const name = vm.str(vm.h.getSlot(func, FUNC_NAME));
  const given = kw ?? [];
  if (m === "heapq" && Object.hasOwn(HEAPQ_C, name)) {
    if (given.length) return `_heapq.${name}() takes no keyword arguments`;
    return HEAPQ_C[name] === 1 ? `_heapq.${name}() takes exactly one argument (${nargs} given)` : `${name} expected 2 arguments, got ${nargs}`;
  }
  if (m !== "bisect" || !/^(bisect|insort)_(left|right)$/.test(name)) return undefined;
  const all = nargs + given.length;
  if (all > 5) return `${name}() takes at most 5 ${nargs ? "" : "keyword "}arguments (${all} given)`;
  if (nargs > 4) return `${name}() takes at most 4 positional arguments (${nargs} given)`;
  for (let i = nargs; i < 2; i++) if (!given.includes(BISECT_ARGS[i])) return `${name}() missing required argument '${BISECT_ARGS[i]}' (pos ${i + 1})`;
  for (let i = 0; i < nargs; i++) if (given.includes(BISECT_ARGS[i])) return `argument for ${name}() given by name ('${BISECT_ARGS[i]}') and position (${i + 1})`;
  const bad = given.find((k) => !BISECT_ARGS.includes(k));
  return bad === undefined ? undefined : `'${bad}' is an invalid keyword argument for ${name}()`;
}

/** The process's CPU time in ms where the host tells it (Node), else the time since the page started. */
const cpuMs = (): number => {
  const p = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  if (!p?.cpuUsage) return performance.now();
  const u = p.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Waits `ms` without using the CPU where the host allows it (a worker; Node), else in a busy loop. */
function wait(ms: number): void {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  } catch {
    for (const end = Date.now() + ms; Date.now() < end; );
  }
}

/**
 * The time module's clocks (time/perf_counter/monotonic/process_time and their _ns forms) and sleep: a
 * real wait, in slices of at most 20 ms so that the run's interrupt flag stops it; a sleep past the run's
 * wall-time deadline waits until the deadline and ends the run there, with the time limit's outcome.
 */
function timeNatives(vm: VM): Record<string, NativeFn> {
  const now = () => performance.timeOrigin + performance.now();
  const none = (f: string, get: () => number, ns: boolean): NativeFn => (args) => {
    if (args.length) vm.typeError(`time.${f}() takes no arguments (${args.length} given)`);
    const ms = get();
    return ns ? vm.newInt(BigInt(Math.round(ms * 1e6))) : vm.h.newFloat(ms / 1000);
  };
  const fns: Record<string, NativeFn> = {
    sleep: (args) => {
      if (args.length !== 1) vm.typeError(`time.sleep() takes exactly one argument (${args.length} given)`);
      const o = args[0]!;
      const s = vm.kindOf(o) === Kind.FLOAT ? vm.h.readFloat(o) : Number(vm.index(o));
      if (Number.isNaN(s)) vm.raise("ValueError", "Invalid value NaN (not a number)");
      if (s < 0) vm.raise("ValueError", "sleep length must be non-negative");
      const end = performance.now() + s * 1000;
      for (let left = end - performance.now(); left > 0; left = end - performance.now()) {
        vm.pollInterrupt();
        wait(Math.min(left, 20, Math.max(1, vm.deadline - Date.now() + 1)));
      }
      return vm.none();
    },
  };
  for (const [f, get] of [["time", now], ["perf_counter", () => performance.now()], ["monotonic", () => performance.now()], ["process_time", cpuMs]] as const) {
    fns[f] = none(f, get, false);
    fns[`${f}_ns`] = none(`${f}_ns`, get, true);
  }
  return fns;
}

const HEAPQ_PY = `
def _list(heap, where):
    if not isinstance(heap, list):
        raise TypeError("%s must be list, not %s" % (where, "None" if heap is None else type(heap).__name__))


def _down(heap, top, pos, mx=False):
    # the item at pos moves up towards top while it is smaller than its parent (larger, in a max-heap)
    item = heap[pos]
    while pos > top:
        up = (pos - 1) >> 1
        parent = heap[up]
        if (parent < item) if mx else (item < parent):
            heap[pos] = parent
            pos = up
        else:
            break
    heap[pos] = item


def _up(heap, pos, mx=False):
    # the smaller (larger) child moves into the hole until a leaf is reached, then the item settles from there
    end = len(heap)
    top = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not ((heap[right] < heap[child]) if mx else (heap[child] < heap[right])):
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _down(heap, top, pos, mx)


def _pop(heap, mx):
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        first = heap[0]
        heap[0] = last
        _up(heap, 0, mx)
        return first
    return last


def _replace(heap, item, mx):
    if not heap:
        raise IndexError("index out of range")
    first = heap[0]
    heap[0] = item
    _up(heap, 0, mx)
    return first


def _heapify(heap, mx):
    for i in range(len(heap) // 2 - 1, -1, -1):
        _up(heap, i, mx)


def heappush(heap, item, /):
    _list(heap, "heappush() argument 1")
    heap.append(item)
    _down(heap, 0, len(heap) - 1)


def heappop(heap, /):
    _list(heap, "heappop() argument")
    return _pop(heap, False)


def heapreplace(heap, item, /):
    _list(heap, "heapreplace() argument 1")
    return _replace(heap, item, False)


def heappushpop(heap, item, /):
    _list(heap, "heappushpop() argument 1")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _up(heap, 0)
    return item


def heapify(heap, /):
    _list(heap, "heapify() argument")
    _heapify(heap, False)


def _heappop_max(heap, /):
    _list(heap, "_heappop_max() argument")
    return _pop(heap, True)


def _heapreplace_max(heap, item, /):
    _list(heap, "_heapreplace_max() argument 1")
    return _replace(heap, item, True)


def _heapify_max(heap, /):
    _list(heap, "_heapify_max() argument")
    _heapify(heap, True)


def merge(*iterables, key=None, reverse=False):
    # entries [key, index of the iterable, value, iterator]: a tie goes to the earlier iterable
    if reverse:
        make, pop, replace = _heapify_max, _heappop_max, _heapreplace_max
        sign = -1
    else:
        make, pop, replace = heapify, heappop, heapreplace
        sign = 1
    entries = []
    for i, it in enumerate(iterables):
        it = iter(it)
        try:
            value = next(it)
        except StopIteration:
            continue
        entries.append([value if key is None else key(value), i * sign, value, it])
    make(entries)
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                yield entry[2]
                value = next(entry[3])
                entry[0] = value if key is None else key(value)
                entry[2] = value
                replace(entries, entry)
        except StopIteration:
            pop(entries)
    if entries:
        yield entries[0][2]
        yield from entries[0][3]


def _pick(n, iterable, key, largest):
    # python3's steps: n == 1 through min/max, n at least the size through sorted, else a bounded heap
    if n == 1:
        it = iter(iterable)
        none = object()
        best = (max if largest else min)(it, default=none, key=key)
        return [] if best is none else [best]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    it = iter(iterable)
    step = -1 if largest else 1
    if key is None:
        heap = [(x, i) for i, x in zip(range(0, -n if largest else n, step), it)]
    else:
        heap = [(key(x), i, x) for i, x in zip(range(0, -n if largest else n, step), it)]
    if not heap:
        return heap
    (heapify if largest else _heapify_max)(heap)
    order = -n if largest else n
    replace = heapreplace if largest else _heapreplace_max
    top = heap[0][0]
    for x in it:
        k = x if key is None else key(x)
        if (top < k) if largest else (k < top):
            replace(heap, (k, order) if key is None else (k, order, x))
            top = heap[0][0]
            order += step
    heap.sort(reverse=largest)
    return [e[-1] if key is not None else e[0] for e in heap]


def nsmallest(n, iterable, key=None):
    return _pick(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    return _pick(n, iterable, key, True)


__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge", "nlargest", "nsmallest", "heappushpop"]
`;

const BISECT_PY = `
def _int(v, text, big):
    # a C Py_ssize_t argument
    try:
        v = type(v).__index__(v)
    except AttributeError:
        raise TypeError(text % type(v).__name__) from None
    if not -0x8000000000000000 <= v <= 0x7FFFFFFFFFFFFFFF:
        raise OverflowError(big)
    return v


def _bounds(a, lo, hi):
    lo = _int(lo, "'%s' object cannot be interpreted as an integer", "Python int too large to convert to C ssize_t")
    if lo < 0:
        raise ValueError("lo must be non-negative")
    hi = -1 if hi is None else _int(hi, "argument should be integer or None, not '%s'", "cannot fit 'int' into an index-sized integer")
    return lo, len(a) if hi == -1 else hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < (a[mid] if key is None else key(a[mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if (a[mid] if key is None else key(a[mid])) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    i = bisect_right(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(i, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    i = bisect_left(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(i, x)


bisect = bisect_right
insort = insort_right
`;

const DATACLASSES_PY = `
import sys


class FrozenInstanceError(AttributeError):
    pass


class _Mark:
    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


class _MISSING_TYPE:
    pass


class _KW_ONLY_TYPE:
    pass


MISSING = _MISSING_TYPE()
KW_ONLY = _KW_ONLY_TYPE()
_HAS_DEFAULT_FACTORY = _Mark("<factory>")
_FIELD = _Mark("_FIELD")
_FIELD_CLASSVAR = _Mark("_FIELD_CLASSVAR")
_FIELD_INITVAR = _Mark("_FIELD_INITVAR")


class _Slotted:
    __slots__ = ("s",)


_MEMBER = type(_Slotted.s)


class InitVar:
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        t = self.type
        return "dataclasses.InitVar[%s]" % (t.__qualname__ if isinstance(t, type) else repr(t))

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __slots__ = ("name", "type", "default", "default_factory", "repr", "hash", "init", "compare", "metadata", "kw_only", "_field_type")

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        # (python3's repr names init before repr and hash, unlike its __slots__)
        shown = Field.__slots__[:4] + ("init", "repr", "hash") + Field.__slots__[7:]
        return "Field(%s)" % ",".join("%s=%r" % (n, getattr(self, n)) for n in shown)

    def __set_name__(self, owner, name):
        hook = getattr(type(self.default), "__set_name__", None)
        if hook:
            hook(self.default, owner, name)


class _DataclassParams:
    __slots__ = ("init", "repr", "eq", "order", "unsafe_hash", "frozen")

    def __init__(self, *values):
        for n, v in zip(_DataclassParams.__slots__, values):
            setattr(self, n, v)

    def __repr__(self):
        return "_DataclassParams(%s)" % ",".join("%s=%r" % (n, getattr(self, n)) for n in _DataclassParams.__slots__)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _make(name, args, body, globals, locals, returns=False):
    # python3's layout of the text, so that a traceback through the method names the same line of "<string>"
    if returns:
        locals["_return_type"] = None
    text = "def __create_fn__(%s):\\n def %s(%s)%s:\\n%s\\n return %s" % (
        ", ".join(locals), name, ",".join(args), "->_return_type" if returns else "", "\\n".join("  " + b for b in body), name)
    ns = {}
    exec(text, globals, ns)
    return ns["__create_fn__"](**locals)


def _tuple(obj, flds):
    return "(%s,)" % ",".join("%s.%s" % (obj, f.name) for f in flds) if flds else "()"


def _set(cls, name, value):
    if name in cls.__dict__:
        return True
    if type(value) is type(_set):
        value.__qualname__ = "%s.%s" % (cls.__qualname__, value.__name__)
    setattr(cls, name, value)
    return False


def _kind(cls, a_type, module, name):
    # the annotation is module.name, or a subscription of it, or such a text naming it
    if isinstance(a_type, str):
        head = a_type.split("[")[0].strip()
        return head in (name, module.__name__ + "." + name) and getattr(module, name, None) is not None
    target = getattr(module, name, None)
    return target is not None and (a_type is target or getattr(a_type, "__origin__", None) is target or (name == "InitVar" and type(a_type) is InitVar))


def _get_field(cls, name, a_type, kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=MISSING if isinstance(default, _MEMBER) else default)
    f.name = name
    f.type = a_type
    f._field_type = _FIELD
    typing = sys.modules.get("typing")
    if typing and _kind(cls, a_type, typing, "ClassVar"):
        f._field_type = _FIELD_CLASSVAR
    elif _kind(cls, a_type, sys.modules[__name__], "InitVar"):
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD and f.default_factory is not MISSING:
        raise TypeError("field %s cannot have a default factory" % name)
    if f._field_type is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError("field %s is a ClassVar but specifies kw_only" % name)
    elif f.kw_only is MISSING:
        f.kw_only = kw_only
    if f._field_type is _FIELD and type(f.default).__hash__ is None:
        raise ValueError("mutable default %s for field %s is not allowed: use default_factory" % (type(f.default), name))
    return f


def _init_param(f):
    if f.default is not MISSING:
        return "%s:_type_%s=_dflt_%s" % (f.name, f.name, f.name)
    return "%s:_type_%s%s" % (f.name, f.name, "" if f.default_factory is MISSING else "=_HAS_DEFAULT_FACTORY")


def _init_fn(fields, std, kw, frozen, post_init, self_name, globals):
    seen_default = False
    for f in std:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError("non-default argument %r follows default argument" % f.name)
    locals = {"_type_" + f.name: f.type for f in fields}
    locals.update(MISSING=MISSING, _HAS_DEFAULT_FACTORY=_HAS_DEFAULT_FACTORY, __dataclass_builtins_object__=object)
    body = []
    for f in fields:
        dflt = "_dflt_" + f.name
        if f.default_factory is not MISSING:
            locals[dflt] = f.default_factory
            value = "%s() if %s is _HAS_DEFAULT_FACTORY else %s" % (dflt, f.name, f.name) if f.init else dflt + "()"
        elif f.init:
            if f.default is not MISSING:
                locals[dflt] = f.default
            value = f.name
        else:
            continue
        if f._field_type is _FIELD_INITVAR:
            continue
        body.append("__dataclass_builtins_object__.__setattr__(%s,%r,%s)" % (self_name, f.name, value) if frozen else "%s.%s=%s" % (self_name, f.name, value))
    if post_init:
        body.append("%s.__post_init__(%s)" % (self_name, ",".join(f.name for f in fields if f._field_type is _FIELD_INITVAR)))
    params = [self_name] + [_init_param(f) for f in std]
    if kw:
        params += ["*"] + [_init_param(f) for f in kw]
    return _make("__init__", params, body or ["pass"], globals, locals, True)


def _repr_fn(flds, globals):
    fn = _make("__repr__", ("self",), ['return self.__class__.__qualname__ + f"(%s)"' % ", ".join("%s={self.%s!r}" % (f.name, f.name) for f in flds)], globals, {})
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return "..."
        running.add(key)
        try:
            return fn(self)
        finally:
            running.discard(key)

    __repr__.__wrapped__ = fn
    return __repr__


def _frozen_fns(cls, flds, globals):
    cond = "type(self) is cls" + (" or name in {%s}" % ", ".join(repr(f.name) for f in flds) if flds else "")
    locals = {"cls": cls, "FrozenInstanceError": FrozenInstanceError}
    return [_make(name, ("self", "name") + value, ["if %s:" % cond, ' raise FrozenInstanceError(f"cannot %s field {name!r}")' % verb, "super(cls, self).%s(name%s)" % (name, ", value" if value else "")], globals, dict(locals))
            for name, value, verb in (("__setattr__", ("value",), "assign to"), ("__delattr__", (), "delete"))]


def _doc(cls, fields, std, kw):
    def show(f):
        t = f.type
        if isinstance(t, type) and not hasattr(t, "__origin__"):
            t = t.__qualname__ if t.__module__ == "builtins" else t.__module__ + "." + t.__qualname__
        elif getattr(t, "__module__", None) == "typing":
            t = repr(t).replace("typing.", "")
        else:
            t = str(t) if hasattr(t, "__origin__") else repr(t)
        d = f.default if f.default is not MISSING else _HAS_DEFAULT_FACTORY if f.default_factory is not MISSING else MISSING
        return "%s: %s%s" % (f.name, t, "" if d is MISSING else " = %r" % (d,))
    return "%s(%s)" % (cls.__name__, ", ".join([show(f) for f in std] + (["*"] + [show(f) for f in kw] if kw else [])))


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot):
    fields = {}
    module = sys.modules.get(cls.__module__)
    globals = module.__dict__ if module else {}
    setattr(cls, "__dataclass_params__", _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = has_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, "__dataclass_fields__", None)
        if base_fields is not None:
            has_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, "__dataclass_params__").frozen:
                any_frozen_base = True
    annotations = cls.__dict__.get("__annotations__", {})
    own = []
    kw_seen = False
    for name, a_type in annotations.items():
        if a_type is KW_ONLY or (isinstance(a_type, str) and _kind(cls, a_type, sys.modules[__name__], "KW_ONLY")):
            if kw_seen:
                raise TypeError("%r is KW_ONLY, but KW_ONLY has already been specified" % name)
            kw_seen = kw_only = True
        else:
            own.append(_get_field(cls, name, a_type, kw_only))
    for f in own:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError("%r is a field but has no type annotation" % name)
    if has_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, "__dataclass_fields__", fields)
    class_hash = cls.__dict__.get("__hash__", MISSING)
    explicit_hash = not (class_hash is MISSING or (class_hash is None and "__eq__" in cls.__dict__))
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    init_fields = [f for f in fields.values() if f._field_type is not _FIELD_CLASSVAR]
    std = [f for f in init_fields if f.init and not f.kw_only]
    kw = [f for f in init_fields if f.init and f.kw_only]
    if init:
        _set(cls, "__init__", _init_fn(init_fields, std, kw, frozen, hasattr(cls, "__post_init__"), "__dataclass_self__" if "self" in fields else "self", globals))
    flds = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        _set(cls, "__repr__", _repr_fn([f for f in flds if f.repr], globals))
    compared = [f for f in flds if f.compare]
    ops = [("__eq__", "==")] if eq else []
    if order:
        ops += [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")]
    for name, op in ops:
        fn = _make(name, ("self", "other"), ["if other.__class__ is self.__class__:", " return %s%s%s" % (_tuple("self", compared), op, _tuple("other", compared)), "return NotImplemented"], globals, {})
        if _set(cls, name, fn) and name != "__eq__":
            raise TypeError("Cannot overwrite attribute %s in class %s. Consider using functools.total_ordering" % (name, cls.__name__))
    if frozen:
        for fn in _frozen_fns(cls, flds, globals):
            if _set(cls, fn.__name__, fn):
                raise TypeError("Cannot overwrite attribute %s in class %s" % (fn.__name__, cls.__name__))
    if unsafe_hash and explicit_hash:
        raise TypeError("Cannot overwrite attribute __hash__ in class %s" % cls.__name__)
    if unsafe_hash or (eq and frozen and not explicit_hash):
        fn = _make("__hash__", ("self",), ["return hash(%s)" % _tuple("self", [f for f in flds if (f.compare if f.hash is None else f.hash)])], globals, {})
        fn.__qualname__ = "%s.__hash__" % cls.__qualname__
        cls.__hash__ = fn
    elif eq and not frozen and not explicit_hash:
        cls.__hash__ = None
    if not getattr(cls, "__doc__"):
        cls.__doc__ = _doc(cls, init_fields, std, kw)
    if match_args:
        _set(cls, "__match_args__", tuple(f.name for f in std))
    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        cls = _add_slots(cls, flds, weakref_slot)
    return cls


def _add_slots(cls, flds, weakref_slot):
    d = dict(cls.__dict__)
    inherited = set()
    for b in cls.__mro__[1:-1]:
        s = b.__dict__.get("__slots__")
        if s is not None:
            inherited.update((s,) if isinstance(s, str) else s)
    names = [f.name for f in flds] + (["__weakref__"] if weakref_slot else [])
    d["__slots__"] = tuple(n for n in names if n not in inherited)
    for n in names:
        d.pop(n, None)
    d.pop("__dict__", None)
    d.pop("__weakref__", None)
    qualname = cls.__qualname__
    cls = type(cls)(cls.__name__, cls.__bases__, d)
    cls.__qualname__ = qualname
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots, weakref_slot)
    return wrap if cls is None else wrap(cls)


def fields(class_or_instance):
    try:
        found = getattr(class_or_instance, "__dataclass_fields__")
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in found.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    return hasattr(obj if isinstance(obj, type) else type(obj), "__dataclass_fields__")


def _inner(obj, factory, as_dict):
    if hasattr(type(obj), "__dataclass_fields__"):
        return factory([(f.name, _inner(getattr(obj, f.name), factory, as_dict)) if as_dict else _inner(getattr(obj, f.name), factory, as_dict) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_inner(v, factory, as_dict) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_inner(v, factory, as_dict) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_inner(k, factory, as_dict), _inner(v, factory, as_dict)) for k, v in obj.items())
    if type(obj) in (int, float, bool, str, type(None), complex, bytes, range):
        return obj
    import copy
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not hasattr(type(obj), "__dataclass_fields__"):
        raise TypeError("asdict() should be called on dataclass instances")
    return _inner(obj, dict_factory, True)


def astuple(obj, *, tuple_factory=tuple):
    if not hasattr(type(obj), "__dataclass_fields__"):
        raise TypeError("astuple() should be called on dataclass instances")
    return _inner(obj, tuple_factory, False)


def replace(obj, /, **changes):
    if not hasattr(type(obj), "__dataclass_fields__"):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, "__dataclass_fields__").values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field %s is declared with init=False, it cannot be specified with replace()" % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


_KEYWORDS = frozenset("False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split())


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    ns = {} if namespace is None else dict(namespace)
    seen = set()
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            ns[name] = spec
        else:
            raise TypeError(f"Invalid field: {item!r}")
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"Field names must be valid identifiers: {name!r}")
        if name in _KEYWORDS:
            raise TypeError(f"Field names must not be keywords: {name!r}")
        if name in seen:
            raise TypeError(f"Field name duplicated: {name!r}")
        seen.add(name)
        annotations[name] = tp
    ns["__annotations__"] = annotations
    # (python3 makes the class in types.new_class, whose module it then names)
    ns.setdefault("__module__", "types")
    cls = type(cls_name, tuple(bases), ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots, weakref_slot=weakref_slot)


__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]
`;
