/**
 * Python modules that are Python code compiled at import (in the page, in the interpreter's on-demand
 * chunk, bundler/lazy.ts): `heapq` and `bisect`. `pyModuleSource(name)` gives a module's
 * source; modules/index.ts registers the names.
 *
 * heapq: python3's heappush/heappop/heapify/heappushpop/heapreplace are C (_heapq) with the same sift
 * algorithm as its Python fallback, which the code below follows step by step, so the list holds its
 * items in python3's order after each call and compares them in the same order (nsmallest, nlargest and
 * merge are Python code in CPython too). What differs: the functions are Python functions (their repr,
 * `<function heappush at 0x…>`, and a frame per call, which the heap view shows; a printed traceback
 * leaves the module's frames out, as python3's C functions have none, vm/exc-format.ts); a wrong argument
 * count gives a Python function's TypeError text
 * ("heappush() missing 1 required positional argument: 'item'" where python3 says "heappush expected 2
 * arguments, got 1"); a list changed by a comparison is not reported.
 * bisect: the same for python3's C _bisect (bisect_left/right, insort_left/right, lo/hi, key=; hi=-1 means
 * len(a), as C's default does).
 */

export function pyModuleSource(name: string): string {
  return name === "heapq" ? HEAPQ_PY : BISECT_PY;
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
def _int(v, text):
    try:
        return type(v).__index__(v)
    except AttributeError:
        raise TypeError(text % type(v).__name__) from None


def _bounds(a, lo, hi):
    lo = _int(lo, "'%s' object cannot be interpreted as an integer")
    if lo < 0:
        raise ValueError("lo must be non-negative")
    hi = -1 if hi is None else _int(hi, "argument should be integer or None, not '%s'")
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
