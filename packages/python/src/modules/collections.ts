/**
 * The `collections` module: defaultdict, Counter, namedtuple, deque, OrderedDict and ChainMap, all Python code
 * compiled at `import collections` (in the page, bundled in the interpreter's on-demand chunk).
 *
 * What programs print follows python3 (reprs, iteration order, errors and their messages). Where python3's
 * type is C code, the objects here are Python objects of the same behaviour, laid out differently:
 * - a deque is an instance holding a list (`_items`, `_maxlen` in __slots__), not CPython's blocks of 64
 *   items: sys.getsizeof, gc.get_referents and the heap view show the instance and its list, and
 *   popleft/appendleft move the list's items (O(n)); hash(deque()) names the type 'deque' where python3
 *   says 'collections.deque', and a deque changed while iterated is not reported;
 * - defaultdict and OrderedDict are dict subclasses with an instance dict (CPython's are C subclasses
 *   without one; OrderedDict's own linked list is not there either), so their sizes differ;
 * - a namedtuple's fields are `_tuplegetter` descriptors written in Python (CPython's are C objects);
 * - ChainMap is no MutableMapping (collections does not import collections.abc here): its keys(), values()
 *   and items() are dict views of a dict made from it (python3's repr is `KeysView(ChainMap({...}))`); no
 *   `|` operators.
 * - UserDict, UserList and UserString are made by collections.abc's code on their first read
 *   (collectionsAttr, modules/abcs-py.ts).
 * Counter and namedtuple are Python code in CPython too (the code below is this project's own).
 */
import type { Obj } from "../vm/heap-api.js";
import * as L from "../vm/layouts.js";
import type { NativeFn } from "../vm/types.js";
import type { VM } from "../vm/vm.js";

/** Natives: `_caller_module()` is the `__name__` of the frame that called the caller (namedtuple's __module__). */
export function collectionsNatives(vm: VM): Record<string, NativeFn> {
  return {
    _caller_module: () => {
      const f = vm.frame?.back;
      const n = f && vm.dictGetStr(f.globals, "__name__");
      return n ? vm.newRef(n) : vm.none();
    },
  };
}

/**
 * collections' attributes made on first read (modules/index.ts's moduleLazyAttr): `abc` (python3's
 * start-up has imported collections.abc) and UserDict, UserList and UserString, which collections.abc's
 * code makes on its ABCs (modules/abcs-py.ts). 0 for any other name.
 */
export function collectionsAttr(vm: VM, m: Obj, name: string): Obj {
  if (name !== "abc" && !/^User(Dict|List|String)$/.test(name)) return 0;
  const abc = vm.importModule("collections.abc");
  if (name === "abc") return abc;
  vm.decref(abc);
  const v = vm.dictGetStr(vm.h.getSlot(m, L.MODULE_DICT), name);
  return v ? vm.newRef(v) : 0;
}

export function collectionsSource(): string {
  return COLLECTIONS_PY;
}

const COLLECTIONS_PY = `
__all__ = ["ChainMap", "Counter", "OrderedDict", "UserDict", "UserList", "UserString", "defaultdict", "deque", "namedtuple"]
_KEYWORDS = frozenset("False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split())


class defaultdict(dict):
    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        self[key] = value = factory()
        return value

    def __repr__(self):
        return "%s(%r, %s)" % (type(self).__name__, self.default_factory, dict.__repr__(self))

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new


class Counter(dict):
    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        ranked = sorted(self.items(), key=_count_of, reverse=True)
        return ranked if n is None else ranked[:max(n, 0)]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError("Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    for elem, count in iterable.items():
                        self[elem] = count + self.get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = type(self).__name__
        if not self:
            return name + "()"
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return "%s(%r)" % (name, shown)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def _combine(self, other, op):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for e, n in self.items():
            v = op(n, other[e])
            if v > 0:
                out[e] = v
        for e, n in other.items():
            if e not in self:
                v = op(0, n)
                if v > 0:
                    out[e] = v
        return out

    def __add__(self, other):
        return self._combine(other, _add)

    def __sub__(self, other):
        return self._combine(other, _sub)

    def __or__(self, other):
        return self._combine(other, max)

    def __and__(self, other):
        return self._combine(other, min)

    def __pos__(self):
        out = Counter()
        for e, n in self.items():
            if n > 0:
                out[e] = n
        return out

    def __neg__(self):
        out = Counter()
        for e, n in self.items():
            if n < 0:
                out[e] = 0 - n
        return out

    def _keep_positive(self):
        for e in [e for e, n in self.items() if not n > 0]:
            del self[e]
        return self

    def __iadd__(self, other):
        for e, n in other.items():
            self[e] += n
        return self._keep_positive()

    def __isub__(self, other):
        for e, n in other.items():
            self[e] -= n
        return self._keep_positive()

    def __ior__(self, other):
        for e, n in other.items():
            if n > self[e]:
                self[e] = n
        return self._keep_positive()

    def __iand__(self, other):
        for e, n in self.items():
            m = other[e]
            if m < n:
                self[e] = m
        return self._keep_positive()


def _count_of(item):
    return item[1]


def _add(a, b):
    return a + b


def _sub(a, b):
    return a - b


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = list(map(str, field_names))
    typename = str(typename)
    if rename:
        seen = set()
        for i, name in enumerate(field_names):
            if not name.isidentifier() or name in _KEYWORDS or name.startswith("_") or name in seen:
                field_names[i] = "_%d" % i
            seen.add(name)
    for name in [typename] + field_names:
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: %r" % name)
        if name in _KEYWORDS:
            raise ValueError("Type names and field names cannot be a keyword: %r" % name)
    seen = set()
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: %r" % name)
        if name in seen:
            raise ValueError("Encountered duplicate field name: %r" % name)
        seen.add(name)
    fields = tuple(field_names)
    count = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > count:
            raise TypeError("Got more default values than field names")
        field_defaults = dict(zip(fields[count - len(defaults):], defaults))
    params = ", ".join(fields)
    ns = {"_tuple_new": tuple.__new__}
    exec("def __new__(_cls%s):\\n    return _tuple_new(_cls, (%s))\\n" % (", " + params if params else "", params + "," if params else ""), ns)
    new = ns["__new__"]
    new.__qualname__ = typename + ".__new__"
    if defaults:
        new.__defaults__ = defaults
    new.__doc__ = "Create new instance of %s(%s)" % (typename, params)

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != count:
            raise TypeError("Expected %d arguments, got %d" % (count, len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name, self[i]) for i, name in enumerate(fields)])
        if kwds:
            raise ValueError("Got unexpected field names: %r" % list(kwds))
        return result

    def __repr__(self):
        return typename + "(" + ", ".join("%s=%r" % (name, self[i]) for i, name in enumerate(fields)) + ")"

    def _asdict(self):
        return dict(zip(fields, self))

    def __getnewargs__(self):
        return tuple(self)

    _make.__qualname__ = typename + "._make"
    _replace.__qualname__ = typename + "._replace"
    __repr__.__qualname__ = typename + ".__repr__"
    _asdict.__qualname__ = typename + "._asdict"
    ns = {
        "__doc__": "%s(%s)" % (typename, params),
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": new,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for i, name in enumerate(fields):
        ns[name] = _tuplegetter(i, "Alias for field number %d" % i)
    if module is None:
        module = _caller_module()
    if module is not None:
        ns["__module__"] = module
    return type(typename, (tuple,), ns)


class _tuplegetter:
    __module__ = "_collections"
    __slots__ = ("_index", "__doc__")

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            if owner is None:
                raise TypeError("__get__(None, None) is invalid")
            return self
        if not isinstance(instance, tuple):
            raise TypeError("descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object" % (self._index, type(instance).__name__))
        if not 0 <= self._index < len(instance):
            raise IndexError("tuple index out of range")
        return _tuple_item(instance, self._index)

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return "%s(%d, %r)" % (type(self).__name__, self._index, self.__doc__)

    def __reduce__(self):
        return type(self), (self._index, self.__doc__)


_tuple_item = tuple.__getitem__


class deque:
    __slots__ = ("_items", "_maxlen")
    __hash__ = None

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self._maxlen = maxlen
        self._items = []
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x):
        items = self._items
        items.append(x)
        if self._maxlen is not None and len(items) > self._maxlen:
            del items[0]

    def appendleft(self, x):
        items = self._items
        items.insert(0, x)
        if self._maxlen is not None and len(items) > self._maxlen:
            items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        if iterable is self:
            iterable = list(iterable)
        for x in iterable:
            self.appendleft(x)

    def rotate(self, n=1):
        items = self._items
        size = len(items)
        if size > 1:
            n %= size
            if n:
                items[:] = items[size - n:] + items[:size - n]

    def clear(self):
        self._items.clear()

    def copy(self):
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def count(self, x):
        return self._items.count(x)

    def index(self, x, start=0, stop=None):
        items = self._items
        if stop is None:
            stop = len(items)
        for i in range(*slice(start, stop).indices(len(items))):
            if items[i] == x:
                return i
        raise ValueError("%r is not in deque" % (x,))

    def insert(self, i, x):
        if self._maxlen is not None and len(self._items) >= self._maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def remove(self, value):
        for i, x in enumerate(self._items):
            if x == value:
                del self._items[i]
                return
        raise ValueError("%r is not in deque" % (value,))

    def reverse(self):
        self._items.reverse()

    def _index(self, i):
        if not isinstance(i, int):
            i = i.__index__() if hasattr(type(i), "__index__") else _bad_index(i)
        size = len(self._items)
        if i < 0:
            i += size
        if i < 0 or i >= size:
            raise IndexError("deque index out of range")
        return i

    def __getitem__(self, i):
        return self._items[self._index(i)]

    def __setitem__(self, i, x):
        self._items[self._index(i)] = x

    def __delitem__(self, i):
        del self._items[self._index(i)]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def __repr__(self):
        items = repr(self._items)
        if self._maxlen is None:
            return "%s(%s)" % (type(self).__name__, items)
        return "%s(%s, maxlen=%d)" % (type(self).__name__, items, self._maxlen)

    def __eq__(self, other):
        return self._items == other._items if isinstance(other, deque) else NotImplemented

    def __ne__(self, other):
        return self._items != other._items if isinstance(other, deque) else NotImplemented

    def __lt__(self, other):
        return self._items < other._items if isinstance(other, deque) else NotImplemented

    def __le__(self, other):
        return self._items <= other._items if isinstance(other, deque) else NotImplemented

    def __gt__(self, other):
        return self._items > other._items if isinstance(other, deque) else NotImplemented

    def __ge__(self, other):
        return self._items >= other._items if isinstance(other, deque) else NotImplemented

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "%s") to deque' % type(other).__name__)
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = type(self)((), self._maxlen)
        new.extend(self._items * n)
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._items * n
        self._items = []
        self.extend(items)
        return self


def _bad_index(i):
    raise TypeError("sequence index must be integer, not '%s'" % type(i).__name__)


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for m in reversed(self.maps):
            d.update(dict.fromkeys(m))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(map(repr, self.maps)))

    def __eq__(self, other):
        return dict(self) == other

    def keys(self):
        return {k: None for k in self}.keys()

    def values(self):
        return {k: self[k] for k in self}.values()

    def items(self):
        return {k: self[k] for k in self}.items()

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        self.pop(key)

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,))

    def clear(self):
        self.maps[0].clear()

    def update(self, *args, **kwargs):
        self.maps[0].update(*args, **kwargs)


class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            dict.clear(self)
            self[key] = value
            dict.update(self, rest)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(self)) if last else next(iter(self))
        return key, self.pop(key)

    def __repr__(self):
        if not self:
            return "%s()" % type(self).__name__
        return "%s(%r)" % (type(self).__name__, list(self.items()))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    def copy(self):
        return type(self)(self)

    __copy__ = copy
`;
