/**
 * The collections.abc module's Python code (compiled at `import collections.abc`, or at the first read of
 * `collections.abc`, `collections.UserDict`, `UserList` or `UserString`: modules/collections.ts's
 * collectionsAttr; modules/course.ts hands the code over, in the page from the interpreter's on-demand
 * chunk): Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container, Callable, Collection,
 * Sequence, MutableSequence, ByteString, Set, MutableSet, Mapping, MutableMapping, MappingView, KeysView,
 * ItemsView and ValuesView, made by abc.ABCMeta. As in python3: the one-protocol ABCs (Hashable, Iterable,
 * Sized…) answer isinstance/issubclass from the methods a class defines (__subclasshook__; a method set to
 * None refuses); the builtins are registered where python3 registers them (list a MutableSequence, dict a
 * MutableMapping, set a MutableSet, the dict views KeysView/ItemsView/ValuesView, str/tuple/range
 * Sequences); the abstract methods and mixin methods are python3's, so a class that defines
 * __getitem__/__len__/__iter__ on Mapping gets get, keys, items, __contains__ and __eq__, and one missing an
 * abstract method cannot be instantiated, with python3's message. Awaitable, Coroutine, AsyncIterable,
 * AsyncIterator and AsyncGenerator answer from the methods only (no mixins beyond returning self).
 * collections' UserDict, UserList and UserString are made here too, on python3's bases (MutableMapping,
 * MutableSequence, Sequence), and put into collections (python3 defines them in collections, which imports
 * collections.abc at its start: importing it here for every `import collections` would cost each program
 * that uses Counter or deque its compile time). What differs: no caches (each isinstance asks the hooks and registries again); the
 * builtin types whose class dicts here lack a method python3's show (a builtin function's __call__, the dict
 * views' __hash__ = None) are registered or refused by name; dir(collections.abc) also lists the three User
 * classes; UserString's generated methods (upper, split…) give a str method's errors.
 */
export const COLLECTIONS_ABC_PY = `
from abc import ABCMeta, abstractmethod
import sys as _sys

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString"]


def _check_methods(C, *methods):
    # True when C (through its mro) defines each of the methods, NotImplemented when one is missing or None
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _hook(*methods):
    def __subclasshook__(cls, C):
        if cls is owner[0]:
            return _check_methods(C, *methods)
        return NotImplemented
    owner = []
    return classmethod(__subclasshook__), owner


def _one(name, methods, bases=(), body=None):
    hook, owner = _hook(*methods)
    ns = {"__slots__": (), "__subclasshook__": hook, "__module__": __name__, "__qualname__": name}
    if body:
        ns.update(body)
    for m in methods:
        # (a method a base has stays the base's, as in python3's class dicts)
        if m not in ns and not any(hasattr(b, m) for b in bases):
            ns[m] = abstractmethod(_abstract(m))
    for m, f in ns.items():
        # each function is this class's own (made for it), named as python3's: Sized.__len__
        if hasattr(f, "__code__"):
            f.__name__ = m
            f.__qualname__ = name + "." + m
    cls = ABCMeta(name, bases, ns)
    owner.append(cls)
    return cls


def _abstract(name):
    def f(self, *args):
        pass
    return f


def _fn(kind):
    # a new function at each call (so that _one can name it after the one method it is)
    if kind == 0:
        def f(self):
            return 0
    elif kind == 1:
        def f(self):
            while False:
                yield None
    elif kind == 2:
        def f(self, *args, **kwds):
            return False
    elif kind == 3:
        def f(self):
            raise StopIteration
    else:
        def f(self):
            return self
    return f


def _iter_empty(self):
    while False:
        yield None


Hashable = _one("Hashable", ("__hash__",), body={"__hash__": abstractmethod(_fn(0))})
# (their __hash__ is None in python3's class dicts, which here do not show it)
_UNHASHABLE = (type({}.keys()), type({}.items()))


def _hashable_hook(cls, C):
    if cls is Hashable and C not in _UNHASHABLE:
        return _check_methods(C, "__hash__")
    return NotImplemented


Hashable.__subclasshook__ = classmethod(_hashable_hook)
Iterable = _one("Iterable", ("__iter__",), body={"__iter__": abstractmethod(_fn(1))})
Sized = _one("Sized", ("__len__",), body={"__len__": abstractmethod(_fn(0))})
Container = _one("Container", ("__contains__",), body={"__contains__": abstractmethod(_fn(2))})
Callable = _one("Callable", ("__call__",), body={"__call__": abstractmethod(_fn(2))})
Reversible = _one("Reversible", ("__reversed__", "__iter__"), (Iterable,), body={"__reversed__": abstractmethod(_fn(1))})
Collection = _one("Collection", ("__len__", "__iter__", "__contains__"), (Sized, Iterable, Container))


def _self(self):
    return self


Iterator = _one("Iterator", ("__iter__", "__next__"), (Iterable,), body={"__next__": abstractmethod(_fn(3)), "__iter__": _fn(4)})


Awaitable = _one("Awaitable", ("__await__",), body={"__await__": abstractmethod(_fn(1))})
Coroutine = _one("Coroutine", ("__await__", "send", "throw", "close"), (Awaitable,), body={"close": _fn(4)})
AsyncIterable = _one("AsyncIterable", ("__aiter__",))
AsyncIterator = _one("AsyncIterator", ("__anext__", "__aiter__"), (AsyncIterable,), body={"__aiter__": _fn(4)})
AsyncGenerator = _one("AsyncGenerator", ("__aiter__", "__anext__", "asend", "athrow", "aclose"), (AsyncIterator,), body={"aclose": _fn(4), "__anext__": _fn(4)})


class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        return self.send(None)

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("generator ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Generator:
            return _check_methods(C, "__iter__", "__next__", "send", "throw", "close")
        return NotImplemented


class Sequence(Reversible, Collection):
    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in range(len(self) - 1, -1, -1):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class ByteString(Sequence):
    __slots__ = ()


class MutableSequence(Sequence):
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


class Set(Collection):
    __slots__ = ()

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(e for s in (self, other) for e in s)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__


class MutableSet(Set):
    __slots__ = ()

    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


class Mapping(Collection):
    __slots__ = ()
    __reversed__ = None

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())


class MappingView(Sized):
    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "{0.__class__.__name__}({0._mapping!r})".format(self)


class KeysView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


class MutableMapping(Mapping):
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    __marker = object()

    def pop(self, key, default=__marker):
        try:
            value = self[key]
        except KeyError:
            if default is self.__marker:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)
ByteString.register(bytes)
ByteString.register(bytearray)
MutableSequence.register(list)
MutableSequence.register(bytearray)
Set.register(frozenset)
MutableSet.register(set)
MutableMapping.register(dict)
Mapping.register(type(type.__dict__))
KeysView.register(type({}.keys()))
ItemsView.register(type({}.items()))
ValuesView.register(type({}.values()))
Generator.register(type(_iter_empty(None)))
# (the class dicts of these builtins do not show __reversed__ and __call__ here)
for _t in (dict, type({}.keys()), type({}.values()), type({}.items())):
    Reversible.register(_t)
for _t in (type(len), type(_self), type([].append), type((1).__add__), type(int.__add__), type(str.join), type(Set._from_iterable)):
    Callable.register(_t)
for _t in (iter(b""), iter(bytearray()), iter({}), iter({}.values()), iter({}.items()), iter([]), reversed([]), iter(range(1)), iter(range(1 << 64)), iter(set()), iter(""), iter(()), zip(), map(len, ()), filter(None, ()), enumerate(()), reversed(())):
    Iterator.register(type(_t))
del _t
if "weakref" in _sys.modules:
    # weakref's containers, made before this module
    _sys.modules["weakref"]._register_abcs(MutableMapping, MutableSet)



# collections' UserDict, UserList and UserString (python3 defines them in collections, on these bases; here
# they are made with this module, on the first read of one of them from collections)
class UserDict(MutableMapping):
    __module__ = "collections"

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        if key in self.data:
            return self.data[key]
        if hasattr(self.__class__, "__missing__"):
            return self.__class__.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(self.data | other.data)
        if isinstance(other, dict):
            return self.__class__(self.data | other)
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, UserDict):
            return self.__class__(other.data | self.data)
        if isinstance(other, dict):
            return self.__class__(other | self.data)
        return NotImplemented

    def __ior__(self, other):
        if isinstance(other, UserDict):
            self.data |= other.data
        else:
            self.data |= other
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__["data"] = self.__dict__["data"].copy()
        return inst

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        import copy
        data = self.data
        try:
            self.data = {}
            c = copy.copy(self)
        finally:
            self.data = data
        c.update(self)
        return c

    @classmethod
    def fromkeys(cls, iterable, value=None):
        d = cls()
        for key in iterable:
            d[key] = value
        return d


class UserList(MutableSequence):
    __module__ = "collections"

    def __init__(self, initlist=None):
        self.data = []
        if initlist is not None:
            if type(initlist) == type(self.data):
                self.data[:] = initlist
            elif isinstance(initlist, UserList):
                self.data[:] = initlist.data[:]
            else:
                self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def __lt__(self, other):
        return self.data < self.__cast(other)

    def __le__(self, other):
        return self.data <= self.__cast(other)

    def __eq__(self, other):
        return self.data == self.__cast(other)

    def __gt__(self, other):
        return self.data > self.__cast(other)

    def __ge__(self, other):
        return self.data >= self.__cast(other)

    def __cast(self, other):
        return other.data if isinstance(other, UserList) else other

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.__class__(self.data[i])
        return self.data[i]

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __add__(self, other):
        if isinstance(other, UserList):
            return self.__class__(self.data + other.data)
        if isinstance(other, type(self.data)):
            return self.__class__(self.data + other)
        return self.__class__(self.data + list(other))

    def __radd__(self, other):
        if isinstance(other, UserList):
            return self.__class__(other.data + self.data)
        if isinstance(other, type(self.data)):
            return self.__class__(other + self.data)
        return self.__class__(list(other) + self.data)

    def __iadd__(self, other):
        if isinstance(other, UserList):
            self.data += other.data
        elif isinstance(other, type(self.data)):
            self.data += other
        else:
            self.data += list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        inst = self.__class__.__new__(self.__class__)
        inst.__dict__.update(self.__dict__)
        inst.__dict__["data"] = self.__dict__["data"][:]
        return inst

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        return self.data.count(item)

    def index(self, item, *args):
        return self.data.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        self.data.sort(*args, **kwds)

    def extend(self, other):
        if isinstance(other, UserList):
            self.data.extend(other.data)
        else:
            self.data.extend(other)


def _unwrap(x):
    return x.data if isinstance(x, UserString) else x


class UserString(Sequence):
    __module__ = "collections"

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, string):
        return self.data == _unwrap(string)

    def __lt__(self, string):
        return self.data < _unwrap(string)

    def __le__(self, string):
        return self.data <= _unwrap(string)

    def __gt__(self, string):
        return self.data > _unwrap(string)

    def __ge__(self, string):
        return self.data >= _unwrap(string)

    def __contains__(self, char):
        return _unwrap(char) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self.__class__(self.data[index])

    def __add__(self, other):
        if isinstance(other, UserString):
            return self.__class__(self.data + other.data)
        if isinstance(other, str):
            return self.__class__(self.data + other)
        return self.__class__(self.data + str(other))

    def __radd__(self, other):
        if isinstance(other, str):
            return self.__class__(other + self.data)
        return self.__class__(str(other) + self.data)

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self.__class__(self.data % args)

    def __rmod__(self, template):
        return self.__class__(str(template) % self)

    def count(self, sub, start=0, end=_sys.maxsize):
        return self.data.count(_unwrap(sub), start, end)

    def find(self, sub, start=0, end=_sys.maxsize):
        return self.data.find(_unwrap(sub), start, end)

    def rfind(self, sub, start=0, end=_sys.maxsize):
        return self.data.rfind(_unwrap(sub), start, end)

    def index(self, sub, start=0, end=_sys.maxsize):
        return self.data.index(_unwrap(sub), start, end)

    def rindex(self, sub, start=0, end=_sys.maxsize):
        return self.data.rindex(_unwrap(sub), start, end)

    def removeprefix(self, prefix, /):
        return self.__class__(self.data.removeprefix(_unwrap(prefix)))

    def removesuffix(self, suffix, /):
        return self.__class__(self.data.removesuffix(_unwrap(suffix)))

    def replace(self, old, new, maxsplit=-1):
        return self.__class__(self.data.replace(_unwrap(old), _unwrap(new), maxsplit))

    def encode(self, encoding="utf-8", errors="strict"):
        return self.data.encode(encoding if encoding is not None else "utf-8", errors if errors is not None else "strict")

    def endswith(self, suffix, start=0, end=_sys.maxsize):
        return self.data.endswith(suffix, start, end)

    def startswith(self, prefix, start=0, end=_sys.maxsize):
        return self.data.startswith(prefix, start, end)

    def format(self, /, *args, **kwds):
        return self.data.format(*args, **kwds)

    def format_map(self, mapping):
        return self.data.format_map(mapping)

    def join(self, seq):
        return self.data.join(seq)

    maketrans = str.maketrans


def _same(name):
    # a str method whose result is the str's own (a bool, an int, a list or tuple of strs)
    def method(self, *args):
        return getattr(self.data, name)(*args)
    method.__name__ = name
    method.__qualname__ = "UserString." + name
    setattr(UserString, name, method)


def _wrapped(name):
    # a str method whose str result comes back as an instance of the class
    def method(self, *args):
        return self.__class__(getattr(self.data, name)(*args))
    method.__name__ = name
    method.__qualname__ = "UserString." + name
    setattr(UserString, name, method)


for _n in ("isalpha", "isalnum", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "partition", "rpartition", "split", "rsplit", "splitlines"):
    _same(_n)
for _n in ("capitalize", "casefold", "center", "expandtabs", "ljust", "lower", "lstrip", "rjust", "rstrip", "strip", "swapcase", "title", "translate", "upper", "zfill"):
    _wrapped(_n)
del _n

import collections as _c
_c.UserDict = UserDict
_c.UserList = UserList
_c.UserString = UserString
del _c
`;
