/**
 * The `functools` module: reduce, partial, partialmethod, lru_cache/cache, wraps/update_wrapper, total_ordering,
 * cmp_to_key, singledispatch, singledispatchmethod and cached_property (python3's __all__, so that `from functools import *`
 * brings in those names only), Python code compiled at `import functools` with three natives (in the
 * page, bundled in the interpreter's on-demand chunk).
 *
 * What programs print follows python3 (reprs, cache statistics and keys, errors and their messages).
 * Where python3's code is C, the natives do what a program can see of it:
 * - `reduce` is a native, and so is the call of a cached function (`_lru_call`, the __call__ of
 *   `_lru_cache_wrapper`) and of a partial (`_partial_call`): no frame of this module between the caller
 *   and the function. A cached recursion takes two levels of the recursion limit per call, as python3's
 *   (the wrapper's call check, then the function's frame): a memoised fib(n) reaches n = 499 under the
 *   default limit of 1000 and fib(500) is python3's RecursionError "maximum recursion depth exceeded".
 *   The eval loop's CALL runs the cached function's frame itself (vm.lruCall, cachedCall below; its end
 *   caches the result), so a cached recursion nests no JavaScript calls and goes as deep as the limit
 *   lets it, as python3's; only a call from native code (map, sorted's key, ...) nests them.
 * - the module's Python frames (a KeyWrapper's comparisons, total_ordering's methods) are left out of
 *   tracebacks, as C frames are (vm/exc-format.ts), but sys._getframe() still sees them;
 * - a cached call hashes its key once, as python3's (each object's Python __hash__ runs once for all the
 *   call's dict operations), but a bounded cache moves a hit to the end by deleting and adding it again,
 *   which compares the key with the stored one twice (python3 once), and evicting its oldest entry hashes
 *   that entry's key again (python3 keeps the hash); a partial whose __dict__ was only read still flattens;
 * - calling a partial takes one level of the recursion limit more than python3's (whose partial has a
 *   vectorcall);
 * - partial, _lru_cache_wrapper and KeyWrapper are instances of Python classes with __slots__ (and an
 *   instance dict for the first two, as python3's have): sys.getsizeof and gc.get_referents show the
 *   slots, not CPython's C structs; an error that names the type says 'partial' or 'KeyWrapper' where
 *   python3 may say 'functools.partial' or 'functools.KeyWrapper'.
 * total_ordering, wraps, update_wrapper, singledispatch and singledispatchmethod are Python code in CPython too (the code below
 * is this project's own).
 */
import type { Obj } from "../vm/heap-api.js";
import type { Frame } from "../vm/frame.js";
import * as L from "../vm/layouts.js";
import { Kind, type KwArgs, type NativeFn } from "../vm/types.js";
import { PyRaise, VM } from "../vm/vm.js";

/** Natives: reduce, and the calls of a cached function and of a partial. */
export function functoolsNatives(vm: VM): Record<string, NativeFn> {
  const h = vm.h;
  const attr = (o: Obj, name: string): Obj => {
    const v = vm.getAttr(o, name);
    h.decref(v);
    return v;
  };
  const count = (o: Obj, name: string): void => {
    const n = vm.newInt(h.readInt(attr(o, name)) + 1n);
    vm.setAttr(o, name, n);
    h.decref(n);
  };
  // the cache's key (a new reference), python3's: a lone exact int or str argument is its own key; 0 for
  // maxsize=0 (python3's uncached wrapper makes none: nothing is hashed, a list argument is fine)
  const keyOf = (self: Obj, pos: Obj[], kw: KwArgs | null): Obj => {
    const m = attr(self, "_maxsize");
    if (m !== vm.None && h.readInt(m) === 0n) return 0;
    const typed = vm.truthy(attr(self, "_typed"));
    if (!kw?.names.length && !typed && pos.length === 1 && (h.typeOf(pos[0]) === h.types.int || h.typeOf(pos[0]) === h.types.str)) return vm.newRef(pos[0]);
    const parts = [...pos];
    if (kw?.names.length) {
      parts.push(attr(self, "_mark"));
      kw.names.forEach((n, i) => parts.push(vm.name(n), kw.values[i]));
    }
    if (typed) for (const v of [...pos, ...(kw ? kw.values : [])]) parts.push(h.typeOf(v));
    return h.newTuple(parts);
  };
  // the objects of a key whose hash is a Python __hash__ (the key, the items of a tuple key and of the
  // tuples in it), for `hashed`; null when there are none (ints and strs: no __hash__ runs)
  const hashedParts = (key: Obj): Map<Obj, bigint | null> | null => {
    const memo = new Map<Obj, bigint | null>();
    if (!key) return null;
    const walk = (o: Obj): void => {
      if (h.typeOf(o) === h.types.tuple) vm.tupleItems(o).forEach(walk);
      else if (vm.typeInfo(o).heap) memo.set(o, null);
    };
    walk(key);
    return memo.size ? memo : null;
  };
  // fn() with each of memo's objects hashed at most once across the calls given the same memo, as python3
  // hashes a cached call's key once for all its dict operations (the objects stay alive: the key holds them)
  const hashed = <T>(memo: Map<Obj, bigint | null> | null, fn: () => T): T => {
    if (!memo) return fn();
    const hash = VM.prototype.hookHash;
    const outer = vm.hookHash;
    vm.hookHash = (o) => {
      let v = memo.get(o);
      if (v == null) {
        v = hash.call(vm, o);
        if (v !== null && memo.has(o)) memo.set(o, v);
      }
      return v;
    };
    try {
      return fn();
    } finally {
      if (outer === hash) delete (vm as Partial<VM>).hookHash;
      else vm.hookHash = outer;
    }
  };
  // the cached result (a new reference, a hit) or 0 (a miss)
  const lookup = (self: Obj, key: Obj): Obj => {
    const cache = attr(self, "_cache");
    const found = key && vm.dictGetItem(cache, key);
    if (!found) {
      count(self, "_misses");
      return 0;
    }
    count(self, "_hits");
    const r = vm.newRef(found);
    if (attr(self, "_maxsize") !== vm.None) {
      // the most recently used entry goes last
      vm.dictDelItem(cache, key);
      vm.dictSetItem(cache, key, r);
    }
    return r;
  };
  // the call's result r (borrowed) cached under key
  const store = (self: Obj, key: Obj, r: Obj): void => {
    if (!key) return;
    const cache = attr(self, "_cache");
    const maxsize = attr(self, "_maxsize");
    if (maxsize === vm.None) return vm.dictSetItem(cache, key, r);
    const limit = Number(h.readInt(maxsize));
    // a key the call itself cached (a recursion) stays where it is
    if (limit > 0 && !vm.dictGetItem(cache, key)) {
      if (vm.len(cache) >= limit) {
        const oldest = vm.newRef(h.dictKeyAt(cache, h.dictNext(cache, -1)));
        vm.dictDelItem(cache, oldest);
        h.decref(oldest);
      }
      vm.dictSetItem(cache, key, r);
    }
  };
  // CALL of a cached function (args owned, self borrowed): python3's two levels, the wrapper's call check
  // then the function's frame, which the eval loop runs (no JavaScript call per level of a cached
  // recursion) and whose end caches its result; null when the result was pushed
  const cachedCall = (f: Frame, st: Obj[], self: Obj, args: Obj[], kwNames: string[] | null): Frame | null => {
    let key = 0;
    let memo: Map<Obj, bigint | null> | null = null;
    let nf: Frame | null = null;
    try {
      vm.enterRecursive(" while calling a Python object");
      try {
        const nkw = kwNames ? kwNames.length : 0;
        const pos = args.slice(0, args.length - nkw);
        const kw = nkw ? { names: kwNames!, values: args.slice(args.length - nkw) } : null;
        key = keyOf(self, pos, kw);
        memo = hashedParts(key);
        let r = hashed(memo, () => lookup(self, key));
        const func = attr(self, "_func");
        if (!r && (vm.kindOf(func) !== Kind.FUNCTION || vm.codeInfo(h.getSlot(func, L.FUNC_CODE)).isGenerator)) {
          r = vm.call(func, pos, kw);
          hashed(memo, () => store(self, key, r));
        }
        if (r) {
          st.push(r);
          return null;
        }
        if (vm.depth + 1 > vm.recursionLimit) vm.raise("RecursionError", "maximum recursion depth exceeded");
        // the frame takes references of its own: python3's CALL keeps the arguments on the caller's stack
        // until the wrapper returns, so a cached function sees the refcounts python3's does
        for (const a of args) h.incref(a);
        nf = vm.callFunctionSteal(func, args.slice(), kwNames, f);
      } finally {
        if (!nf) vm.depth--;
      }
    } finally {
      if (!nf) {
        for (const a of args) h.decref(a);
        if (key) h.decref(key);
      }
    }
    h.incref(self);
    nf!.end = (r) => {
      vm.depth--;
      try {
        if (r) hashed(memo, () => store(self, key, r));
        return r;
      } catch (e) {
        h.decref(r);
        throw e;
      } finally {
        if (key) h.decref(key);
        h.decref(self);
        for (const a of args) h.decref(a);
      }
    };
    return nf;
  };
  return {
    reduce: (args, kw) => {
      if (kw && kw.names.length) vm.typeError("reduce() takes no keyword arguments");
      if (args.length < 2) vm.typeError(`reduce expected at least 2 arguments, got ${args.length}`);
      if (args.length > 3) vm.typeError(`reduce expected at most 3 arguments, got ${args.length}`);
      let it: Obj;
      try {
        it = vm.getIter(args[1]);
      } catch (e) {
        if (!(e instanceof PyRaise && vm.isInstance(e.exc, vm.T.TypeError))) throw e;
        vm.decref(e.exc);
        vm.typeError("reduce() arg 2 must support iteration");
      }
      let acc = args.length > 2 ? vm.newRef(args[2]) : 0;
      try {
        for (let v = vm.iterNext(it); v; v = vm.iterNext(it)) {
          if (!acc) {
            acc = v;
            continue;
          }
          try {
            const r = vm.call(args[0], [acc, v]);
            h.decref(acc);
            acc = r;
          } finally {
            h.decref(v);
          }
        }
      } catch (e) {
        if (acc) h.decref(acc);
        throw e;
      } finally {
        h.decref(it);
      }
      if (!acc) vm.typeError("reduce() of empty iterable with no initial value");
      return acc;
    },
    // self, *args, **kwargs: a call from native code (map(f, ...), sorted's key, ...); the eval loop's own
    // CALL goes through vm.lruCall
    _lru_call: (args, kw) => {
      const self = args[0];
      const pos = args.slice(1);
      const key = keyOf(self, pos, kw);
      const memo = hashedParts(key);
      try {
        let r = hashed(memo, () => lookup(self, key));
        if (!r) {
          r = vm.call(attr(self, "_func"), pos, kw);
          hashed(memo, () => store(self, key, r));
        }
        return r;
      } finally {
        if (key) h.decref(key);
      }
    },
    _lru_register: (args) => {
      vm.lruType = args[0];
      vm.keepAlive.push(vm.newRef(args[0]));
      vm.lruCall = cachedCall;
      return vm.newRef(vm.None);
    },
    // self, *args, **kwargs: the partial's arguments first, its keywords updated by the call's
    _partial_call: (args, kw) => {
      const self = args[0];
      const pa = attr(self, "args");
      const pk = attr(self, "keywords");
      const pos = [...(vm.kindOf(pa) === Kind.TUPLE ? vm.tupleItems(pa) : []), ...args.slice(1)];
      let all: KwArgs | null = kw;
      if (vm.len(pk)) {
        // python3's {**partial.keywords, **call's}: a name given again keeps its place with the call's value
        const names: string[] = [];
        const values: Obj[] = [];
        for (const [k, v] of vm.dictEntries(pk)) {
          names.push(vm.str(k));
          values.push(v);
        }
        for (let i = 0; kw && i < kw.names.length; i++) {
          const at = names.indexOf(kw.names[i]);
          if (at < 0) names.push(kw.names[i]);
          values[at < 0 ? values.length : at] = kw.values[i];
        }
        all = { names, values };
      }
      return vm.call(attr(self, "func"), pos, all);
    },
  };
}

export function functoolsSource(): string {
  return FUNCTOOLS_PY;
}

const FUNCTOOLS_PY = `
from collections import namedtuple

__all__ = ["update_wrapper", "wraps", "WRAPPER_ASSIGNMENTS", "WRAPPER_UPDATES", "total_ordering", "cache", "cmp_to_key", "lru_cache", "reduce", "partial", "partialmethod", "singledispatch", "singledispatchmethod", "cached_property"]

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__", "__annotations__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


class partial:
    __slots__ = ("func", "args", "keywords", "__dict__", "__weakref__")
    __call__ = _partial_call

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial) and type(func).__call__ is _partial_call and not func.__dict__:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __repr__(self):
        shown = [repr(self.func)] + [repr(a) for a in self.args] + ["%s=%r" % kv for kv in self.keywords.items()]
        cls = type(self)
        return "%s(%s)" % ("functools.partial" if cls is partial else cls.__name__, ", ".join(shown))


class partialmethod:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("%r is not callable or a descriptor" % (func,))
        if isinstance(func, partialmethod):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        named = ", ".join("%s=%r" % kv for kv in self.keywords.items())
        return "functools.%s(%r, %s, %s)" % (type(self).__qualname__, self.func, ", ".join(map(repr, self.args)), named)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)

    def __get__(self, obj, cls=None):
        get = getattr(type(self.func), "__get__", None)
        if get is not None:
            bound = get(self.func, obj, cls)
            if bound is not self.func:
                return partial(bound, *self.args, **self.keywords)

        def _method(cls_or_self, /, *args, **keywords):
            return self.func(cls_or_self, *self.args, *args, **{**self.keywords, **keywords})
        return _method.__get__(obj, cls)


_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _lru_cache_wrapper:
    __slots__ = ("_func", "_cache", "_hits", "_misses", "_maxsize", "_typed", "__dict__", "__weakref__")
    __call__ = _lru_call
    _mark = object()

    def __init__(self, func, maxsize, typed):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self._func = func
        self._cache = {}
        self._hits = self._misses = 0
        self._maxsize = maxsize
        self._typed = typed

    def cache_info(self):
        return _CacheInfo(self._hits, self._misses, self._maxsize, len(self._cache))

    def cache_clear(self):
        self._cache.clear()
        self._hits = self._misses = 0

    def __get__(self, obj, objtype=None):
        return self if obj is None else _MethodType(self, obj)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_lru_register(_lru_cache_wrapper)
del _lru_register

def _method_type():
    class C:
        def m(self):
            pass
    return type(C().m)


_MethodType = _method_type()


def _cached(func, maxsize, typed):
    wrapper = _lru_cache_wrapper(func, maxsize, typed)
    wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
    return update_wrapper(wrapper, func)


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return _cached(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        return _cached(user_function, maxsize, typed)

    return decorating_function


def cache(user_function, /):
    return _cached(user_function, None, False)


def _derived(base, negate, eq):
    # the operation from base: its result (negated or not), then "or ==" / "and !=" when eq says so
    def op(self, other):
        r = getattr(type(self), base)(self, other)
        if r is NotImplemented:
            return r
        if negate:
            r = not r
        if eq == "or":
            return r or self == other
        if eq == "and":
            return r and self != other
        return r
    return op


_ORDER = {
    "__lt__": (("__gt__", True, "and"), ("__le__", False, "or"), ("__ge__", True, "")),
    "__le__": (("__ge__", True, "or"), ("__lt__", False, "and"), ("__gt__", True, "")),
    "__gt__": (("__lt__", True, "and"), ("__ge__", False, "or"), ("__le__", True, "")),
    "__ge__": (("__le__", True, "or"), ("__gt__", False, "and"), ("__lt__", True, "")),
}


def total_ordering(cls):
    roots = {op for op in _ORDER if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)
    for name, negate, eq in _ORDER[root]:
        if name not in roots:
            op = _derived(root, negate, eq)
            op.__name__ = name
            op.__qualname__ = "_%s_from_%s" % (name[2:4], root[2:4])
            setattr(cls, name, op)
    return cls


class KeyWrapper:
    __slots__ = ("_cmp", "obj")
    __hash__ = None

    def __init__(self, cmp, obj=None):
        self._cmp = cmp
        self.obj = obj

    def __call__(self, obj):
        return KeyWrapper(self._cmp, obj)

    def _compare(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._compare(other) < 0

    def __le__(self, other):
        return self._compare(other) <= 0

    def __gt__(self, other):
        return self._compare(other) > 0

    def __ge__(self, other):
        return self._compare(other) >= 0

    def __eq__(self, other):
        return self._compare(other) == 0


def cmp_to_key(mycmp):
    return KeyWrapper(mycmp)


_NOT_SET = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names (%r and %r)." % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            d = instance.__dict__
        except AttributeError:
            raise TypeError("No '__dict__' attribute on %r instance to cache %r property." % (type(instance).__name__, self.attrname)) from None
        v = d.get(self.attrname, _NOT_SET)
        if v is _NOT_SET:
            v = self.func(instance)
            d[self.attrname] = v
        return v


def _union_args(cls):
    # the members of int | str or typing.Union[int, str]; None for anything else
    return cls.__args__ if type(cls).__name__ in ("UnionType", "_UnionGenericAlias") else None


def _dispatch_type(cls):
    # a class, or a union of classes
    args = _union_args(cls)
    return isinstance(cls, type) or (args is not None and all(isinstance(a, type) for a in args))


def singledispatch(func):
    registry = {object: func}

    def dispatch(cls):
        for base in cls.__mro__[:-1]:
            if base in registry:
                return registry[base]
        # then an ABC the class is a subclass of though not in its __mro__ (dict of Mapping, list of
        # Sequence): the most derived of those registered, python3's RuntimeError for two unrelated ones
        # (python3 orders ABCs among the class's bases; here they come after them, before object)
        best = None
        for k in registry:
            if k is not object and k not in cls.__mro__ and issubclass(cls, k):
                if best is None or issubclass(k, best):
                    best = k
                elif not issubclass(best, k):
                    raise RuntimeError("Ambiguous dispatch: %s or %s" % (best, k))
        return registry[best] if best is not None else registry.get(object, func)

    def register(cls, func=None):
        if _dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError("Invalid first argument to \`register()\`. %r is not a class or union type." % (cls,))
            func = cls
            # (a classmethod or staticmethod: its function's annotations)
            hints = getattr(getattr(func, "__func__", func), "__annotations__", {})
            if not hints:
                raise TypeError("Invalid first argument to \`register()\`: %r. Use either \`@register(some_class)\` or plain \`@register\` on an annotated function." % (func,))
            name, cls = next(iter(hints.items()))
            if isinstance(cls, str):
                cls = eval(cls, getattr(func, "__func__", func).__globals__)
            if not _dispatch_type(cls):
                raise TypeError("Invalid annotation for %r. %r %s." % (name, cls, "not all arguments are classes" if _union_args(cls) else "is not a class"))
        # a union (int | str, typing.Union[...]) registers each of its classes, as python3 3.11's
        for c in _union_args(cls) or (cls,):
            registry[c] = func
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError("%s requires at least 1 positional argument" % getattr(func, "__name__", "singledispatch function"))
        return dispatch(args[0].__class__)(*args, **kw)

    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            # dispatch on the first argument after self (or cls)
            return self.dispatcher.dispatch(args[0].__class__).__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
`;
