/**
 * The `collections` module: defaultdict and Counter, Python code
 * compiled at `import collections` (in the page, bundled in the interpreter's on-demand chunk).
 *
 * What programs print follows python3 (reprs, iteration order, errors and their messages). Where python3's
 * type is C code, the objects here are Python objects of the same behaviour, laid out differently:
 * - defaultdict is a dict subclass with an instance dict (CPython's is a C subclass without one), so
 *   its size differs.
 * Counter is Python code in CPython too (the code below is this project's own).
 */
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

export function collectionsSource(): string {
  return COLLECTIONS_PY;
}

const COLLECTIONS_PY = `


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
`;
