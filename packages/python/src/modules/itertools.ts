/**
 * The `itertools` module (3.11's: no `batched`), Python code compiled at `import itertools` (in the page,
 * bundled in the interpreter's on-demand chunk).
 *
 * What programs print follows python3: the items and their order, reprs (`count(5)`, `repeat(1, 3)`,
 * `<itertools.chain object at 0x…>`), type names (`<class 'itertools.chain'>`), which arguments are taken
 * up at once and which when the first item is asked for, and the errors of the arguments programs get
 * wrong (islice's ValueErrors, negative r or repeat, count of a non-number…). Where python3's types are C
 * code, these are Python classes:
 * - islice, zip_longest, pairwise and the combinatoric ones keep a generator that does the work, and
 *   `iter(x)` hands that generator out (python3 gives x itself: `iter(x) is x` is False for them), so that
 *   a for loop resumes it directly; the others step in their own __next__ (`iter(x) is x`), so that an
 *   error raised while making one item (starmap's function, takewhile's predicate, the iterable of chain
 *   or cycle…) leaves them going on with the next item, as python3's do;
 * - the module's frames are left out of tracebacks, as C frames are (vm/exc-format.ts), but
 *   sys._getframe() sees them; a wrong call of a constructor that python3 checks in C (too few
 *   arguments…) gets the Python-level TypeError text (`__init__() missing 1 required positional
 *   argument`), except the few cases written out below;
 * - an error that names the type says 'chain' where python3 says 'itertools.chain'; `tee` is a Python
 *   function (python3's is built in) and its iterators share a linked list of cells, not CPython's
 *   arrays of 57 items; gc.get_referents shows the Python objects (the instance, its generator and that
 *   generator's frame), not CPython's C structs, but sys.getsizeof gives python3's size (a __sizeof__
 *   where the instance's differs: the combinatoric ones count their pools and indices as python3's do).
 */
export function itertoolsSource(): string {
  return ITERTOOLS_PY;
}

const ITERTOOLS_PY = `
_END = object()


def _index(x):
    if isinstance(x, int):
        return int(x)
    if hasattr(type(x), "__index__"):
        return type(x).__index__(x)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__)


def _sized(n):
    # sys.getsizeof as python3's C struct (without the GC header): n, or the instance's _n
    def __sizeof__(self):
        return self._n if n is None else n
    return __sizeof__


class _Iter:
    __slots__ = ("_it",)

    def __iter__(self):
        return self._it

    def __next__(self):
        return next(self._it)


class count:
    __slots__ = ("_n", "_step")
    __sizeof__ = _sized(40)

    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float, complex)) and not hasattr(type(v), "__index__") and not hasattr(type(v), "__float__"):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return "%s(%r)" % (type(self).__name__, self._n)
        return "%s(%r, %r)" % (type(self).__name__, self._n, self._step)


class repeat:
    __slots__ = ("_obj", "_left")

    def __init__(self, object=_END, times=None):
        if object is _END:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        self._obj = object
        self._left = None if times is None else max(_index(times), 0)

    def __iter__(self):
        return self

    def __next__(self):
        if self._left is None:
            return self._obj
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        return self._obj

    def __repr__(self):
        if self._left is None:
            return "%s(%r)" % (type(self).__name__, self._obj)
        return "%s(%r, %d)" % (type(self).__name__, self._obj, self._left)

    def __length_hint__(self):
        return 0 if self._left is None else self._left


class _Step:
    # steps in its own __next__, as python3's C types do: an error raised while making one item leaves
    # the iterator as it was, and the next call goes on with the next item
    __slots__ = ()

    def __iter__(self):
        return self


class cycle(_Step):
    __slots__ = ("_it", "_saved", "_at")
    __sizeof__ = _sized(48)

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._at = 0

    def __next__(self):
        saved = self._saved
        if self._it is not None:
            x = next(self._it, _END)
            if x is not _END:
                saved.append(x)
                return x
            self._it = None
        if not saved:
            raise StopIteration
        x = saved[self._at]
        self._at = (self._at + 1) % len(saved)
        return x


class accumulate(_Step):
    __slots__ = ("_it", "_func", "_total", "_first")

    def __init__(self, iterable=_END, func=None, *, initial=None):
        if iterable is _END:
            raise TypeError("accumulate() missing required argument 'iterable' (pos 1)")
        self._it = iter(iterable)
        self._func = func
        self._total = _END
        self._first = _END if initial is None else initial

    def __next__(self):
        if self._first is not _END:
            self._total, self._first = self._first, _END
            return self._total
        x = next(self._it)
        t = self._total
        if t is not _END:
            x = t + x if self._func is None else self._func(t, x)
        self._total = x
        return x


class chain(_Step):
    __slots__ = ("_its", "_it")

    def __init__(self, *iterables):
        self._its = iter(iterables)
        self._it = None

    @classmethod
    def from_iterable(cls, iterable):
        self = cls.__new__(cls)
        self._its = iter(iterable)
        self._it = None
        return self

    def __next__(self):
        while self._its is not None:
            if self._it is None:
                try:
                    self._it = iter(next(self._its))
                except BaseException:
                    self._its = None
                    raise
            x = next(self._it, _END)
            if x is not _END:
                return x
            self._it = None
        raise StopIteration


class compress(_Step):
    __slots__ = ("_data", "_sel")

    def __init__(self, data=_END, selectors=_END):
        if data is _END:
            raise TypeError("compress() missing required argument 'data' (pos 1)")
        if selectors is _END:
            raise TypeError("compress() missing required argument 'selectors' (pos 2)")
        self._data = iter(data)
        self._sel = iter(selectors)

    def __next__(self):
        while True:
            d = next(self._data)
            if next(self._sel):
                return d


class _Pred(_Step):
    __slots__ = ("_pred", "_it", "_on")
    _name = ""

    def __init__(self, *args, **kw):
        if kw:
            raise TypeError("%s() takes no keyword arguments" % self._name)
        if len(args) != 2:
            raise TypeError("%s expected 2 arguments, got %d" % (self._name, len(args)))
        self._pred = args[0]
        self._it = iter(args[1])
        self._on = True


class dropwhile(_Pred):
    __slots__ = ()
    _name = "dropwhile"

    def __next__(self):
        while True:
            x = next(self._it)
            if not self._on or not self._pred(x):
                self._on = False
                return x


class takewhile(_Pred):
    __slots__ = ()
    _name = "takewhile"

    def __next__(self):
        if self._on:
            x = next(self._it)
            if self._pred(x):
                return x
            self._on = False
        raise StopIteration


class filterfalse(_Pred):
    __slots__ = ()
    _name = "filterfalse"
    __sizeof__ = _sized(32)

    def __next__(self):
        while True:
            x = next(self._it)
            if not (x if self._pred is None else self._pred(x)):
                return x


class starmap(_Pred):
    __slots__ = ()
    _name = "starmap"
    __sizeof__ = _sized(32)

    def __next__(self):
        return self._pred(*tuple(next(self._it)))


class groupby:
    __slots__ = ("_src", "_key", "_value", "_current", "_target", "_group")

    def __init__(self, iterable=_END, key=None):
        if iterable is _END:
            raise TypeError("groupby() missing required argument 'iterable' (pos 1)")
        self._src = iter(iterable)
        self._key = key
        self._current = self._target = self._group = _END

    def _step(self):
        v = next(self._src)
        self._current = v if self._key is None else self._key(v)
        self._value = v

    def __iter__(self):
        return self

    def __next__(self):
        self._group = _END
        while True:
            if self._current is _END:
                pass
            elif self._target is _END or not (self._target is self._current or self._target == self._current):
                break
            self._step()
        self._target = self._current
        self._group = _grouper(self, self._target)
        return self._target, self._group


class _grouper:
    __slots__ = ("_parent", "_target")

    def __init__(self, parent, target):
        self._parent = parent
        self._target = target

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if p._group is not self:
            raise StopIteration
        if p._current is _END:
            p._step()
        if not (self._target is p._current or self._target == p._current):
            raise StopIteration
        v = p._value
        p._current = _END
        return v


def _islice(it, nxt, stop, step):
    count = 0
    while True:
        while count < nxt:
            if next(it, _END) is _END:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        item = next(it, _END)
        if item is _END:
            return
        count += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


class islice(_Iter):
    __slots__ = ()
    __sizeof__ = _sized(56)

    def __init__(self, *args):
        n = len(args)
        if n < 2:
            raise TypeError("islice expected at least 2 arguments, got %d" % n)
        if n > 4:
            raise TypeError("islice expected at most 4 arguments, got %d" % n)
        start, step = 0, 1
        stop = args[1] if n == 2 else args[2]
        if n > 2 and args[1] is not None:
            try:
                start = _index(args[1])
            except TypeError:
                start = -1
        if stop is not None:
            try:
                stop = _index(stop)
            except TypeError:
                stop = -1
            if stop == -1:
                raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if start < 0 or (stop is not None and stop < 0):
            raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if n == 4 and args[3] is not None:
            try:
                step = _index(args[3])
            except TypeError:
                step = -1
        if step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = _islice(iter(args[0]), start, stop, step)


def _zip_longest(its, fill):
    left = len(its)
    while left:
        row = []
        for i, it in enumerate(its):
            x = fill
            if it is not None:
                x = next(it, _END)
                if x is _END:
                    left -= 1
                    if not left:
                        return
                    its[i] = None
                    x = fill
            row.append(x)
        yield tuple(row)


class zip_longest(_Iter):
    __slots__ = ()
    __sizeof__ = _sized(56)

    def __init__(self, *iterables, **kw):
        fill = kw.pop("fillvalue", None)
        if kw:
            raise TypeError("zip_longest() got an unexpected keyword argument")
        self._it = _zip_longest([iter(i) for i in iterables], fill)


def _product(pools):
    for p in pools:
        if not p:
            return
    n = len(pools)
    idx = [0] * n
    while True:
        yield tuple([pools[k][idx[k]] for k in range(n)])
        k = n - 1
        while k >= 0:
            idx[k] += 1
            if idx[k] < len(pools[k]):
                break
            idx[k] = 0
            k -= 1
        if k < 0:
            return


class product(_Iter):
    __slots__ = ("_n",)
    __sizeof__ = _sized(None)

    def __init__(self, *iterables, repeat=1):
        repeat = _index(repeat)
        if repeat < 0:
            raise ValueError("repeat argument cannot be negative")
        pools = [tuple(i) for i in iterables] * repeat
        self._n = 48 + 8 * len(pools)
        self._it = _product(pools)


def _r(r):
    if not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    return r


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    if r == 0:
        yield ()
        return
    chosen = []
    used = [False] * n
    nxt = [0]
    while nxt:
        i = nxt[-1]
        while i < n and used[i]:
            i += 1
        if i == n:
            nxt.pop()
            if chosen:
                used[chosen.pop()] = False
            continue
        nxt[-1] = i + 1
        if len(chosen) + 1 == r:
            chosen.append(i)
            yield tuple([pool[j] for j in chosen])
            chosen.pop()
        else:
            chosen.append(i)
            used[i] = True
            nxt.append(0)


class permutations(_Iter):
    __slots__ = ("_n",)
    __sizeof__ = _sized(None)

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        r = len(pool) if r is None else _r(r)
        self._n = 64 + 8 * (len(pool) + r)
        self._it = _permutations(pool, r)


def _combinations(pool, r, again):
    n = len(pool)
    if r > n if not again else (r and not n):
        return
    idx = [0] * r if again else list(range(r))
    while True:
        yield tuple([pool[i] for i in idx])
        k = r - 1
        while k >= 0 and idx[k] == (n - 1 if again else k + n - r):
            k -= 1
        if k < 0:
            return
        idx[k] += 1
        for j in range(k + 1, r):
            idx[j] = idx[k] if again else idx[j - 1] + 1


def _combinations_type(name, again):
    def __init__(self, iterable=_END, r=_END):
        if r is _END:
            raise TypeError("%s() missing required argument '%s' (pos %d)" % ((name,) + (("iterable", 1) if iterable is _END else ("r", 2))))
        pool = tuple(iterable)
        self._n = 56 + 8 * _r(r)
        self._it = _combinations(pool, r, again)
    return type(name, (_Iter,), {"__slots__": ("_n",), "__init__": __init__, "__sizeof__": _sized(None)})


combinations = _combinations_type("combinations", False)
combinations_with_replacement = _combinations_type("combinations_with_replacement", True)


def _pairwise(it):
    a = next(it, _END)
    if a is _END:
        return
    for b in it:
        yield a, b
        a = b


class pairwise(_Iter):
    __slots__ = ()
    __sizeof__ = _sized(32)

    def __init__(self, iterable):
        self._it = _pairwise(iter(iterable))


class _tee:
    __slots__ = ("_src", "_cell", "__weakref__")

    def __init__(self, src, cell):
        self._src = src
        self._cell = cell

    def __iter__(self):
        return self

    def __next__(self):
        cell = self._cell
        if cell[1] is None:
            cell[1] = [next(self._src), None]
        self._cell = cell = cell[1]
        return cell[0]

    def __copy__(self):
        return _tee(self._src, self._cell)


def tee(iterable, n=2, /):
    n = _index(n)
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    if not hasattr(it, "__copy__"):
        it = _tee(it, [None, None])
    out = [it] if n else []
    for _ in range(1, n):
        out.append(it.__copy__())
    return tuple(out)
`;
