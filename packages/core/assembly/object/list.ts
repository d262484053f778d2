// list: PyListObject = var head + ob_item (separate item array, pymalloc'd up to 64 slots) + allocated.
// Growth and shrinking follow CPython's list_resize; PyList_New takes from a free list of 80, list()
// does not. Item arrays are "PyMem" blocks and compete with objects for size classes.
import { LIST_ITEMS, LIST_ALLOCATED, LIST_BASICSIZE, STATUS_NO_MEMORY, STATUS_INDEX } from "../../abi/abi";
import { objAlloc, flPop, flPush, objFreeMemory } from "./alloc";
import { setObSize, obSize, incref, getRef, setRef, typeOf, tpBasicsize } from "./header";
import { tList } from "./types";
import { flList, LIST_MAXFREELIST } from "./freelists";
import { track } from "../gc/lists";
import { memAlloc, memRealloc, memFree } from "../mem/alloc";
import { setStatus, tooBig } from "../common";

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
    memory.fill(items, 0, <usize>n << 3);
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
    if (newsize > old) memory.fill(listItemAddr(l, old), 0, <usize>(newsize - old) << 3);
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
  if (newsize > old) memory.fill(items + (<usize>old << 3), 0, <usize>(newsize - old) << 3);
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
  memory.fill(items, 0, <usize>cap << 3);
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
