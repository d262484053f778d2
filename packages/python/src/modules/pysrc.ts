/**
 * Python source of the parts of `weakref` and `copy` that are ordinary Python code in CPython as well
 * (weak dictionaries, finalize, shallow and deep copies). Compiled and run when the module is first
 * imported; their objects live in the heap like the program's own.
 */

export const WEAKREF_PY = `
ref = __ref_type__
ReferenceType = ref


class WeakMethod(ref):
    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None

        def _died(arg):
            wm = self_ref()
            if wm is not None and wm._alive:
                wm._alive = False
                if callback is not None:
                    callback(wm)

        self = ref.__new__(cls, obj, _died)
        self._func_ref = ref(func, _died)
        self._meth_type = type(meth)
        self._alive = True
        self_ref = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


import sys


class KeyedRef(ref):
    """A weak reference that also carries the key it is stored under."""
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        wr = ref.__new__(cls, ob, callback)
        wr.key = key
        return wr

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


def _watch(holder):
    # the callback the holder's weak references share: it keeps only a weak reference to the holder,
    # and while the holder is being iterated it sets the dead entry aside instead of removing it
    owner = ref(holder)

    def died(wr):
        h = owner()
        if h is not None:
            if h._walks:
                h._gone.append(wr)
            else:
                h._forget(wr)
    return died


def _held(h, entries):
    # iterates entries while h keeps its dead entries in place; they go when the last iteration ends
    h._walks += 1
    try:
        yield from entries
    finally:
        h._walks -= 1
        if not h._walks:
            h._settle()


# The weak containers' shared parts, functions put into each class (whose bases stay python3's):
# data is the real container, _gone the entries that died while it was iterated, _walks the number of
# iterations running, _cb the callback its weak references share.

def _begin(self, data):
    self.data = data
    self._gone = []
    self._walks = 0
    self._cb = _watch(self)


def _settle(self):
    gone = self._gone
    while gone:
        self._forget(gone.pop())


def __copy__(self):
    return self.copy()


def _fill(self, other, kw):
    self._live()
    if other is not None:
        pairs = other.items() if hasattr(other, "items") else dict(other).items()
        for k, v in pairs:
            self[k] = v
    if kw:
        for k, v in kw.items():
            self[k] = v


def update(self, other=None, /, **kw):
    self._fill(other, kw)


def __repr__(self):
    return "<%s at %#x>" % (type(self).__name__, id(self))


def __deepcopy__(self, memo):
    from copy import deepcopy
    twin = type(self)()
    by_key = isinstance(self, WeakKeyDictionary)
    for k, v in self.items():
        # the weakly held side is shared, the other one copied
        if by_key:
            twin[k] = deepcopy(v, memo)
        else:
            twin[deepcopy(k, memo)] = v
    return twin


def _mapping(o):
    # a Mapping as collections.abc counts them (only dicts and these two while it is not imported)
    if isinstance(o, (dict, WeakValueDictionary, WeakKeyDictionary)):
        return True
    abcs = sys.modules.get("collections.abc")
    return abcs is not None and isinstance(o, abcs.Mapping)


def __eq__(self, other):
    if not _mapping(other):
        return NotImplemented
    return dict(self.items()) == dict(other.items())


def clear(self):
    try:
        while True:
            self.popitem()
    except KeyError:
        pass


def __or__(self, other):
    if not _mapping(other):
        return NotImplemented
    twin = self.copy()
    twin.update(other)
    return twin


def __ror__(self, other):
    if not _mapping(other):
        return NotImplemented
    fresh = type(self)()
    fresh.update(other)
    fresh.update(self)
    return fresh


def __ior__(self, other):
    self.update(other)
    return self


_generic = classmethod(type(list[int]))


# the names above, as class attributes of each weak mapping
_MAPPING_PARTS = (_begin, _settle, __copy__, _fill, update, __repr__, __deepcopy__, __or__, __ror__, __ior__, __eq__, clear)


def _share(cls, funcs):
    for f in funcs:
        setattr(cls, f.__name__, f)
    cls.__class_getitem__ = _generic
    if cls is not WeakSet:
        # (what collections.abc.Mapping sets)
        cls.__reversed__ = None
        cls.__hash__ = None
    return cls


class WeakValueDictionary:
    # data: key -> KeyedRef to the value; dead entries set aside are committed before almost every use

    def __init__(self, other=(), /, **kw):
        self._begin({})
        self._fill(other, kw)

    def _forget(self, wr):
        _remove_dead_weakref(self.data, wr.key)

    def _live(self):
        if self._gone:
            self._settle()
        return self.data

    def __getitem__(self, key):
        o = self._live()[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self._live()[key] = KeyedRef(value, self._cb, key)

    def __delitem__(self, key):
        del self._live()[key]

    def __contains__(self, key):
        wr = self._live().get(key)
        return wr is not None and wr() is not None

    def __len__(self):
        return len(self._live())

    def get(self, key, default=None):
        wr = self._live().get(key)
        o = None if wr is None else wr()
        return default if o is None else o

    def pop(self, key, *default):
        wr = self._live().pop(key, None)
        o = None if wr is None else wr()
        if o is not None:
            return o
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        data = self._live()
        while True:
            k, wr = data.popitem()
            o = wr()
            if o is not None:
                return k, o

    def setdefault(self, key, default=None):
        wr = self.data.get(key)
        o = None if wr is None else wr()
        if o is None:
            self._live()[key] = KeyedRef(default, self._cb, key)
            return default
        return o

    def copy(self):
        twin = type(self)()
        for k, wr in self._live().copy().items():
            o = wr()
            if o is not None:
                twin[k] = o
        return twin

    def _walk(self, pick):
        self._live()
        for k, wr in _held(self, self.data.items()):
            o = wr()
            if o is not None:
                yield pick(k, o, wr)

    def __iter__(self):
        return self._walk(lambda k, o, wr: k)

    def keys(self):
        return self._walk(lambda k, o, wr: k)

    def values(self):
        return self._walk(lambda k, o, wr: o)

    def items(self):
        return self._walk(lambda k, o, wr: (k, o))

    def itervaluerefs(self):
        return self._walk(lambda k, o, wr: wr)

    def valuerefs(self):
        return list(self._live().values())


class WeakKeyDictionary:
    # data: weak reference to the key -> value; dead entries set aside wait for the iterations to end

    def __init__(self, dict=None):
        self._begin({})
        self._fill(dict, None)

    def _forget(self, wr):
        self.data.pop(wr, None)

    def _live(self):
        return self.data

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._cb)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        data = self.data
        return len(data) - sum(1 for wr in self._gone if wr in data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def popitem(self):
        while True:
            wr, v = self.data.popitem()
            o = wr()
            if o is not None:
                return o, v

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._cb), default)

    def copy(self):
        twin = type(self)()
        for wr, v in self.data.copy().items():
            o = wr()
            if o is not None:
                twin[o] = v
        return twin

    def keyrefs(self):
        return list(self.data)

    def _walk(self, pick):
        for wr, v in _held(self, self.data.items()):
            o = wr()
            if o is not None:
                yield pick(o, v)

    def __iter__(self):
        return self._walk(lambda o, v: o)

    def keys(self):
        return self._walk(lambda o, v: o)

    def values(self):
        return self._walk(lambda o, v: v)

    def items(self):
        return self._walk(lambda o, v: (o, v))


def _weak_key(o):
    try:
        return ref(o)
    except TypeError:
        return None


class WeakSet:
    # data: a set of weak references; a change commits what died during an iteration first
    __module__ = "_weakrefset"

    def __init__(self, data=None):
        self._begin(set())
        if data is not None:
            self.update(data)


    def _forget(self, wr):
        self.data.discard(wr)

    def _edit(self):
        if self._gone:
            self._settle()
        return self.data

    def _refs(self, items):
        return {ref(x) for x in items}

    def __len__(self):
        return len(self.data) - len(self._gone)

    def __contains__(self, item):
        return _weak_key(item) in self.data

    def __iter__(self):
        for wr in _held(self, self.data):
            o = wr()
            if o is not None:
                yield o

    def __repr__(self):
        return repr(self.data)

    def __reduce__(self):
        return type(self), (list(self),), getattr(self, "__dict__", None)

    def add(self, item):
        self._edit().add(ref(item, self._cb))

    def discard(self, item):
        self._edit().discard(ref(item))

    def remove(self, item):
        self._edit().remove(ref(item))

    def clear(self):
        self._edit().clear()

    def pop(self):
        data = self._edit()
        while data:
            o = data.pop()()
            if o is not None:
                return o
        raise KeyError("pop from empty WeakSet")

    def copy(self):
        return type(self)(self)

    def update(self, other):
        data = self._edit()
        for x in other:
            data.add(ref(x, self._cb))

    def __ior__(self, other):
        self.update(other)
        return self

    def __isub__(self, other):
        data = self._edit()
        if other is not self:
            data -= self._refs(other)
        else:
            data.clear()
        return self

    def __iand__(self, other):
        data = self._edit()
        if other is not self:
            data &= self._refs(other)
        return self

    def __ixor__(self, other):
        data = self._edit()
        if other is not self:
            data ^= {ref(x, self._cb) for x in other}
        else:
            data.clear()
        return self

    def difference_update(self, other):
        self -= other

    def intersection_update(self, other):
        self &= other

    def symmetric_difference_update(self, other):
        self ^= other

    def _made(self, items):
        return type(self)(items)

    def union(self, other):
        return self._made(x for part in (self, other) for x in part)

    __or__ = union

    def difference(self, other):
        drop = self._refs(other)
        return self._made(x for x in self if ref(x) not in drop)

    __sub__ = difference

    def intersection(self, other):
        return self._made(filter(self.__contains__, other))

    __and__ = intersection

    def symmetric_difference(self, other):
        twin = self.copy()
        twin ^= other
        return twin

    __xor__ = symmetric_difference

    def issubset(self, other):
        return self.data.issubset(self._refs(other))

    __le__ = issubset

    def __lt__(self, other):
        return self.data < self._refs(other)

    def issuperset(self, other):
        return self.data.issuperset(self._refs(other))

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > self._refs(other)

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.data == other.data

    def isdisjoint(self, other):
        return not any(x in self for x in other)


_share(WeakValueDictionary, _MAPPING_PARTS)
_share(WeakKeyDictionary, _MAPPING_PARTS)
_share(WeakSet, (_begin, _settle))
del _MAPPING_PARTS, _share, _generic, _begin, _settle, __copy__, _fill, update, __repr__, __deepcopy__, __or__, __ror__, __ior__, __eq__, clear


def _register_abcs(mutable_mapping, mutable_set):
    # collections.abc counts them as python3 does: registered here when it is imported first, else by it
    mutable_mapping.register(WeakValueDictionary)
    mutable_mapping.register(WeakKeyDictionary)
    mutable_set.register(WeakSet)


if "collections.abc" in sys.modules:
    _register_abcs(sys.modules["collections.abc"].MutableMapping, sys.modules["collections.abc"].MutableSet)


class finalize:
    """Calls func(*args, **kwargs) once, when obj dies, when called, or at exit (while atexit is true)."""
    __slots__ = ()
    # each live finalizer -> [weak reference to obj, func, args, kwargs or None, atexit, creation number]
    _entries = {}
    _made = 0
    _exiting = False

    def __init__(self, obj, func, /, *args, **kwargs):
        wr = ref(obj, self)
        finalize._made += 1
        finalize._entries[self] = [wr, func, args, kwargs or None, True, finalize._made]

    def __call__(self, _=None):
        entry = finalize._entries.pop(self, None)
        if entry is not None and not finalize._exiting:
            return entry[1](*entry[2], **(entry[3] or {}))

    def _view(self, drop):
        entry = finalize._entries.get(self)
        obj = entry and entry[0]()
        if obj is not None:
            if drop:
                del finalize._entries[self]
            return (obj, entry[1], entry[2], entry[3] or {})

    def detach(self):
        return self._view(True)

    def peek(self):
        return self._view(False)

    @property
    def alive(self):
        return self in finalize._entries

    @property
    def atexit(self):
        entry = finalize._entries.get(self)
        return entry is not None and bool(entry[4])

    @atexit.setter
    def atexit(self, value):
        entry = finalize._entries.get(self)
        if entry is not None:
            entry[4] = bool(value)

    def __repr__(self):
        entry = finalize._entries.get(self)
        obj = entry and entry[0]()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))


def _run_finalizers_at_exit():
    # newest first; one made by another at exit runs too; an error is reported and the rest still run
    entries = finalize._entries
    while True:
        due = sorted([(e[5], f) for f, e in entries.items() if e[4]], reverse=True)
        if not due:
            break
        made = finalize._made
        for _, f in due:
            if finalize._made != made:
                break
            if f.atexit:
                try:
                    f()
                except BaseException:
                    sys.excepthook(*sys.exc_info())
    finalize._exiting = True
`;

export const COPY_PY = `
class Error(Exception):
    pass

error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range, type(len), type(...), type(NotImplemented), __ref_type__, type(lambda: None))


def copy(x):
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set:
        return x.copy()
    cp = getattr(cls, "__copy__", None)
    if cp is not None:
        return cp(x)
    return _reconstruct(x, None)


def _reconstruct(x, memo):
    cls = type(x)
    if any("__reduce__" in vars(b) for b in cls.__mro__[:-1]):
        return _rebuild(x, memo)
    gna = getattr(x, "__getnewargs__", None)
    args = gna() if gna is not None else ()
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = cls.__new__(cls, *args)
    if deep:
        memo[id(x)] = y
    state = x.__getstate__()
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            slots = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slots = state
            if state:
                y.__dict__.update(state)
            if slots:
                for k, v in slots.items():
                    setattr(y, k, v)
    if isinstance(x, list):
        for a in x:
            y.append(deepcopy(a, memo) if deep else a)
    elif isinstance(x, dict):
        for k, v in x.items():
            y[deepcopy(k, memo) if deep else k] = deepcopy(v, memo) if deep else v
    return y


def _rebuild(x, memo):
    # a class's own __reduce__: (callable, args[, state]), the state set as __setstate__ or the __dict__
    # (and then the items of a list or of a dict, as iterators)
    parts = x.__reduce__()
    if isinstance(parts, str):
        return x
    make, args, state, items, pairs = (tuple(parts) + (None,) * 3)[:5]
    deep = memo is not None
    same = (lambda v: deepcopy(v, memo)) if deep else (lambda v: v)
    y = make(*same(args))
    if deep:
        memo[id(x)] = y
    if state:
        state = same(state)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            y.__dict__.update(state)
    for v in items or ():
        y.append(same(v))
    for k, v in pairs or ():
        y[same(k)] = same(v)
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        same = True
        for a, b in zip(items, x):
            if a is not b:
                same = False
                break
        y = x if same else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        dc = getattr(x, "__deepcopy__", None)
        if dc is not None:
            y = dc(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)
    return y
`;
