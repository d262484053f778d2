// list: PyListObject = var head + ob_item (separate item array, pymalloc'd up to 64 slots) + allocated.
// Growth and shrinking follow CPython's list_resize; PyList_New takes from a free list of 80, list()
// does not. Item arrays are "PyMem" blocks and compete with objects for size classes.
import { LIST_ITEMS, LIST_ALLOCATED, LIST_BASICSIZE, TUPLE_ITEMS, STATUS_NO_MEMORY, STATUS_INDEX } from "../../abi/abi";
import { objAlloc, flPop, flPush, objFreeMemory } from "./alloc";
import { setObSize, obSize, incref, getRef, setRef, typeOf, tpBasicsize } from "./header";
import { tList, tTuple } from "./types";
import { decref } from "../refcount";
import { flList, LIST_MAXFREELIST } from "./freelists";
import { track } from "../gc/lists";
import { memAlloc, memRealloc, memFree } from "../mem/alloc";
import { scratchPush, scratchPop } from "../mem/sys";
import { setStatus, tooBig, zero8 } from "../common";

@inline export function listItems(l: usize): usize {
  return getRef(l + LIST_ITEMS);
}
@inline export function listAllocated(l: usize): i32 {
  return load<i32>(l + LIST_ALLOCATED);
}
@inline export function listItemAddr(l: usize, i: i32): usize {
  return listItems(l) + (<usize>i << 3);
}

/** PyList_New(n): free list first, item array of exactly n NULL slots, tracked. */
export function listNewDisplay(n: i32): usize {
  if (tooBig(n, 8)) return 0;
  let l = flPop(flList);
  if (l == 0) {
    l = objAlloc(tList, LIST_BASICSIZE);
    if (l == 0) return 0;
  }
  if (n > 0) {
    const items = memAlloc(<usize>n << 3);
    if (items == 0) {
      // give the object back as CPython's error path does (Py_DECREF of the new list)
      setObSize(l, 0);
      setRef(l + LIST_ITEMS, 0);
      store<i64>(l + LIST_ALLOCATED, 0);
      listFinish(l);
      setStatus(STATUS_NO_MEMORY);
      return 0;
    }
    zero8(items, <usize>n << 3);
    setRef(l + LIST_ITEMS, items);
  } else {
    setRef(l + LIST_ITEMS, 0);
  }
  setObSize(l, n);
  store<i64>(l + LIST_ALLOCATED, n);
  track(l);
  return l;
}

/** list(): tp_alloc (no free list), empty, tracked. */
export function listNewCall(): usize {
  const l = objAlloc(tList, LIST_BASICSIZE);
  if (l == 0) return 0;
  track(l);
  return l;
}

/** CPython's list_resize: sets ob_size to newsize, reallocating with the over-allocation formula.
 *  New slots are NULL. false (STATUS_NO_MEMORY) on failure, list unchanged. */
export function listResize(l: usize, newsize: i32): bool {
  if (tooBig(newsize, 9)) return false;
  const allocated = listAllocated(l);
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    const old = obSize(l);
    if (newsize > old) zero8(listItemAddr(l, old), <usize>(newsize - old) << 3);
    setObSize(l, newsize);
    return true;
  }
  let newAllocated: i32 = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize - obSize(l) > newAllocated - newsize) newAllocated = (newsize + 3) & ~3;
  if (newsize == 0) newAllocated = 0;
  return listRealloc(l, newsize, newAllocated);
}

function listRealloc(l: usize, newsize: i32, newAllocated: i32): bool {
  const old = obSize(l);
  const items = memRealloc(listItems(l), <usize>newAllocated << 3);
  if (items == 0) return false;
  setRef(l + LIST_ITEMS, items);
  if (newsize > old) zero8(items + (<usize>old << 3), <usize>(newsize - old) << 3);
  setObSize(l, newsize);
  store<i64>(l + LIST_ALLOCATED, newAllocated);
  return true;
}

/** list_preallocate_exact: for a list without an item array, room for n (rounded up to even). */
export function listPreallocateExact(l: usize, n: i32): bool {
  if (tooBig(n, 8)) return false;
  if (listItems(l) != 0 || n <= 0) return true;
  const cap = (n + 1) & ~1;
  const items = memAlloc(<usize>cap << 3);
  if (items == 0) return false;
  zero8(items, <usize>cap << 3);
  setRef(l + LIST_ITEMS, items);
  store<i64>(l + LIST_ALLOCATED, cap);
  return true;
}

/** list.append(v): v borrowed (the list takes a new reference). */
export function listAppend(l: usize, v: usize): bool {
  const n = obSize(l);
  if (!listResize(l, n + 1)) return false;
  incref(v);
  setRef(listItemAddr(l, n), v);
  return true;
}

/** list.insert(i, v) with Python's index clamping; v borrowed. */
export function listInsert(l: usize, where: i32, v: usize): bool {
  const n = obSize(l);
  if (!listResize(l, n + 1)) return false;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  const items = listItems(l);
  memory.copy(items + (<usize>(where + 1) << 3), items + (<usize>where << 3), <usize>(n - where) << 3);
  incref(v);
  setRef(items + (<usize>where << 3), v);
  return true;
}

/** list.pop(i) (i already normalised by the caller or negative from the end): new reference, 0 with
 *  STATUS_INDEX if out of range. */
export function listPop(l: usize, i: i32): usize {
  const n = obSize(l);
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    setStatus(STATUS_INDEX);
    return 0;
  }
  const items = listItems(l);
  const v = getRef(items + (<usize>i << 3));
  memory.copy(items + (<usize>i << 3), items + (<usize>(i + 1) << 3), <usize>(n - i - 1) << 3);
  if (!listResize(l, n - 1)) {
    // shrinking cannot fail in practice; keep the list consistent anyway
    setObSize(l, n - 1);
  }
  return v;
}

/** _list_clear: the list is emptied (no item array) first, then its items are released last to first
 *  and the old array freed. */
export function listClearItems(l: usize): void {
  const items = listItems(l);
  if (items == 0) return;
  let i = obSize(l);
  setObSize(l, 0);
  setRef(l + LIST_ITEMS, 0);
  store<i64>(l + LIST_ALLOCATED, 0);
  while (--i >= 0) {
    const v = getRef(items + (<usize>i << 3));
    if (v != 0) decref(v);
  }
  memFree(items);
}

/** list_ass_slice: a[ilow:ihigh] = v for a list or tuple v (0 deletes the slice); the bounds are clamped.
 *  The tail moves once and the list is resized once (list_resize's over-allocation); the replaced items
 *  are released last to first after the new ones are in (through a PyMem block when more than 8).
 *  v == a assigns a copy (a new list, from the free list). A list left empty is cleared to no array.
 *  false with STATUS_NO_MEMORY, list unchanged. */
export function listAssSlice(a: usize, ilow: i32, ihigh: i32, v: usize): bool {
  let copy: usize = 0;
  if (v == a) {
    const m = obSize(a);
    copy = listNewDisplay(m);
    if (copy == 0) return false;
    for (let i = 0; i < m; i++) {
      const x = getRef(listItemAddr(a, i));
      incref(x);
      setRef(listItemAddr(copy, i), x);
    }
    v = copy;
  }
  let n: i32 = 0;
  let vitems: usize = 0;
  if (v != 0) {
    n = obSize(v);
    vitems = typeOf(v) == tTuple ? v + TUPLE_ITEMS : listItems(v);
  }
  const size = obSize(a);
  if (ilow < 0) ilow = 0;
  else if (ilow > size) ilow = size;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > size) ihigh = size;
  const norig = ihigh - ilow;
  const d = n - norig;
  if (size + d == 0) {
    if (copy != 0) decref(copy);
    listClearItems(a);
    return true;
  }
  const s = <usize>norig << 3;
  let recycle: usize = 0;
  let scratch = false;
  if (s > 0) {
    if (s > 64) {
      recycle = memAlloc(s);
      if (recycle == 0) {
        if (copy != 0) decref(copy);
        return false;
      }
    } else {
      recycle = scratchPush(64);
      scratch = true;
      if (recycle == 0) {
        if (copy != 0) decref(copy);
        return false;
      }
    }
    memory.copy(recycle, listItemAddr(a, ilow), s);
  }
  let ok = true;
  if (d < 0) {
    memory.copy(listItemAddr(a, ihigh + d), listItemAddr(a, ihigh), <usize>(size - ihigh) << 3);
    if (!listResize(a, size + d)) {
      // shrinking cannot fail in practice; keep the list consistent anyway
      setObSize(a, size + d);
    }
  } else if (d > 0) {
    if (listResize(a, size + d)) {
      memory.copy(listItemAddr(a, ihigh + d), listItemAddr(a, ihigh), <usize>(size - ihigh) << 3);
    } else {
      ok = false;
    }
  }
  if (ok) {
    for (let k = 0; k < n; k++) {
      const w = getRef(vitems + (<usize>k << 3));
      if (w != 0) incref(w);
      setRef(listItemAddr(a, ilow + k), w);
    }
    for (let k = norig - 1; k >= 0; k--) {
      const x = getRef(recycle + (<usize>k << 3));
      if (x != 0) decref(x);
    }
  }
  if (scratch) scratchPop(64);
  else if (recycle != 0) memFree(recycle);
  if (copy != 0) decref(copy);
  return ok;
}

/** del l[start::step] of slicelength items (step != 1, normalised here to run upwards), as
 *  list_ass_subscript: the kept items move down once, the list shrinks with list_resize, then the
 *  removed items are released first to last. false with STATUS_NO_MEMORY, list unchanged. */
export function listDelExtended(l: usize, start: i32, step: i32, slicelength: i32): bool {
  if (slicelength <= 0) return true;
  if (step < 0) {
    const stop = start + 1;
    start = stop + step * (slicelength - 1) - 1;
    step = -step;
  }
  const stop = start + step * (slicelength - 1) + 1;
  const garbage = memAlloc(<usize>slicelength << 3);
  if (garbage == 0) return false;
  const size = obSize(l);
  let i = 0;
  for (let cur = start; cur < stop; cur += step, i++) {
    let lim = step - 1;
    setRef(garbage + (<usize>i << 3), getRef(listItemAddr(l, cur)));
    if (cur + step >= size) lim = size - cur - 1;
    memory.copy(listItemAddr(l, cur - i), listItemAddr(l, cur + 1), <usize>lim << 3);
  }
  const cur = start + slicelength * step;
  if (cur < size) memory.copy(listItemAddr(l, cur - slicelength), listItemAddr(l, cur), <usize>(size - cur) << 3);
  setObSize(l, size - slicelength);
  if (!listResize(l, size - slicelength)) setObSize(l, size - slicelength);
  for (let k = 0; k < slicelength; k++) decref(getRef(garbage + (<usize>k << 3)));
  memFree(garbage);
  return true;
}

/** Memory release of a list whose items were released: free the array, park or free the object. */
export function listFinish(l: usize): void {
  const items = listItems(l);
  if (items != 0) memFree(items);
  setRef(l + LIST_ITEMS, 0);
  if (typeOf(l) == tList && flPush(flList, l, LIST_MAXFREELIST)) return;
  objFreeMemory(l);
}

/** sys.getsizeof(list) without the GC head: 40 + 8 · allocated. */
export function listSizeof(l: usize): usize {
  return <usize>tpBasicsize(typeOf(l)) + (<usize>listAllocated(l) << 3);
}
