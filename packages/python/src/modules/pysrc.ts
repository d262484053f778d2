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


class _Iterating:
    # Open on a weak container while one of its iterations runs.
    def __init__(self, container):
        self.weakcontainer = ref(container)

    def __enter__(self):
        c = self.weakcontainer()
        if c is not None:
            c._iterating.add(self)
        return self

    def __exit__(self, e, t, b):
        c = self.weakcontainer()
        if c is not None:
            c._iterating.remove(self)
            if not c._iterating:
                c._commit_removals()


class _Weak:
    # What the weak containers share: an entry whose referent dies while an iteration runs waits in
    # _pending_removals (so the iterated dict or set keeps its size) until the last iteration ends or,
    # for some operations, until the next one; _drop deletes one.
    def _init_queue(self, drop):
        def dead(entry, selfref=ref(self)):
            c = selfref()
            if c is not None:
                if c._iterating:
                    c._pending_removals.append(entry)
                else:
                    drop(c.data, entry)
        self._pending_removals = []
        self._iterating = set()
        return dead

    def _commit_removals(self):
        q = self._pending_removals
        while q:
            self._drop(self.data, q.pop())

    def _settle(self):
        if self._pending_removals:
            self._commit_removals()


def _unlink(d, wr):
    d.pop(wr, None)


class KeyedRef(ref):
    __slots__ = ("key",)

    def __new__(type, ob, callback, key):
        self = ref.__new__(type, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class _WeakMapping(_Weak):
    # the mapping methods the two weak dictionaries share (collections.abc.MutableMapping's in python3)
    __reversed__ = None

    def __eq__(self, other):
        if not isinstance(other, _MAPPINGS):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _MAPPINGS):
            return NotImplemented
        c = self.copy()
        c.update(other)
        return c

    def __ror__(self, other):
        if not isinstance(other, _MAPPINGS):
            return NotImplemented
        c = self.__class__()
        c.update(other)
        c.update(self)
        return c


_MAPPINGS = (dict, _WeakMapping)


class WeakValueDictionary(_WeakMapping):
    _drop = staticmethod(_remove_dead_weakref)

    def __init__(self, other=(), /, **kw):
        dead = self._init_queue(_remove_dead_weakref)
        self._remove = lambda wr: dead(wr.key)
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        self._settle()
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        self._settle()
        del self.data[key]

    def __len__(self):
        self._settle()
        return len(self.data)

    def __contains__(self, key):
        self._settle()
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __setitem__(self, key, value):
        self._settle()
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        self._settle()
        new = WeakValueDictionary()
        with _Iterating(self):
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[key] = o
        return new

    __copy__ = copy

    def get(self, key, default=None):
        self._settle()
        wr = self.data.get(key)
        if wr is None:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        self._settle()
        with _Iterating(self):
            for k, wr in self.data.items():
                v = wr()
                if v is not None:
                    yield k, v

    def keys(self):
        self._settle()
        with _Iterating(self):
            for k, wr in self.data.items():
                if wr() is not None:
                    yield k

    __iter__ = keys

    def itervaluerefs(self):
        self._settle()
        with _Iterating(self):
            yield from self.data.values()

    def values(self):
        self._settle()
        with _Iterating(self):
            for wr in self.data.values():
                o = wr()
                if o is not None:
                    yield o

    def popitem(self):
        self._settle()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        self._settle()
        wr = self.data.pop(key, None)
        o = None if wr is None else wr()
        if o is not None:
            return o
        if args:
            return args[0]
        raise KeyError(key)

    def setdefault(self, key, default=None):
        wr = self.data.get(key)
        o = None if wr is None else wr()
        if o is not None:
            return o
        self._settle()
        self.data[key] = KeyedRef(default, self._remove, key)
        return default

    def update(self, other=None, /, **kwargs):
        self._settle()
        d = self.data
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                d[key] = KeyedRef(o, self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)

    def valuerefs(self):
        self._settle()
        return list(self.data.values())


class WeakKeyDictionary(_WeakMapping):
    # a queued reference may be gone already (a dead reference equals no live one)
    _drop = staticmethod(_unlink)

    def __init__(self, dict=None):
        self.data = {}
        self._remove = self._init_queue(_unlink)
        self._dirty_len = False
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        self._dirty_len = True
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        if self._dirty_len and self._pending_removals:
            # entries deleted by the program may be queued too: only those still in data count
            self._pending_removals = [k for k in self._pending_removals if k in self.data]
            self._dirty_len = False
        return len(self.data) - len(self._pending_removals)

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        with _Iterating(self):
            for wr, value in self.data.items():
                o = wr()
                if o is not None:
                    new[o] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        with _Iterating(self):
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    yield key, value

    def keys(self):
        with _Iterating(self):
            for wr in self.data:
                o = wr()
                if o is not None:
                    yield o

    __iter__ = keys

    def values(self):
        with _Iterating(self):
            for wr, value in self.data.items():
                if wr() is not None:
                    yield value

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        self._dirty_len = True
        while True:
            wr, value = self.data.popitem()
            o = wr()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        self._dirty_len = True
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)


class WeakSet(_Weak):
    _drop = staticmethod(set.discard)

    def __init__(self, data=None):
        self.data = set()
        self._remove = self._init_queue(set.discard)
        if data is not None:
            self.update(data)

    def __iter__(self):
        with _Iterating(self):
            for wr in self.data:
                o = wr()
                if o is not None:
                    yield o

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def add(self, item):
        self._settle()
        self.data.add(ref(item, self._remove))

    def clear(self):
        self._settle()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        self._settle()
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            o = wr()
            if o is not None:
                return o

    def remove(self, item):
        self._settle()
        self.data.remove(ref(item))

    def discard(self, item):
        self._settle()
        self.data.discard(ref(item))

    def update(self, other):
        self._settle()
        for x in other:
            self.add(x)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        s = self.copy()
        s.difference_update(other)
        return s

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        self._settle()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(x) for x in other)
        return self

    def intersection(self, other):
        return self.__class__(x for x in other if x in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        self._settle()
        self.data.intersection_update(ref(x) for x in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(x) for x in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(x) for x in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        s = self.copy()
        s.symmetric_difference_update(other)
        return s

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        self._settle()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(x, self._remove) for x in other)
        return self

    def union(self, other):
        return self.__class__(x for s in (self, other) for x in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0

    def __repr__(self):
        return repr(self.data)


class finalize:
    # A finalizer has no state of its own (so it is in no cycle): what it calls is in the registry,
    # under the finalizer, until it runs or is detached.
    __slots__ = ()
    _registry = {}
    _shutdown = False
    _created = 0
    _dirty = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._created
        finalize._created += 1
        self._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in self._registry

    @property
    def atexit(self):
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))


def _run_finalizers_at_exit():
    # the live finalizers marked for exit, newest first; the list is made again when one of them
    # creates a finalizer; then none runs any more
    import gc, sys
    reg = finalize._registry
    off = False
    try:
        if reg:
            if gc.isenabled():
                off = True
                gc.disable()
            pending = None
            while True:
                if pending is None or finalize._dirty:
                    pending = sorted((f for f in reg if reg[f].atexit), key=lambda f: reg[f].index)
                    finalize._dirty = False
                if not pending:
                    break
                f = pending.pop()
                try:
                    f()
                except Exception as e:
                    sys.excepthook(type(e), e, e.__traceback__)
    finally:
        finalize._shutdown = True
        if off:
            gc.enable()
`;

export const COPY_PY = `
class Error(Exception):
    pass

error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type, range, type(len), type(...), type(NotImplemented))


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
