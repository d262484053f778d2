/**
 * CPython 3.11's list sort (listsort in Objects/listobject.c, rewritten here): natural runs found by
 * count_run (strictly descending ones reversed), short runs extended to minrun by binary insertion,
 * runs merged as the powersort rule decides (powerloop), merges trimmed by galloping and done by
 * merge_lo / merge_hi with the adaptive min_gallop. Only `lt` (a `<` b) is asked, in the order CPython
 * asks it, so a `__lt__` that prints or raises sees the same calls.
 *
 * When `lt` throws, the array is left as CPython leaves the list: every element still there once, in
 * the order the sort had reached (a merge puts its temporary copy back first); the exception propagates.
 *
 * sortItems is list.sort's and sorted()'s body (sortList in functions.ts): the keys, then timsort on them.
 */
import type { Obj } from "../vm/heap-api.js";
import type { VM } from "../vm/vm.js";

const MIN_GALLOP = 7;

/** merge_compute_minrun: n itself below 64, else a number in [32, 64] making n / minrun a power of 2 or a
 *  bit less. */
function computeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/** powerloop: the powersort "power" of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2). */
function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a *= 2;
    b *= 2;
  }
  return result;
}

/** Sorts `a` in place, stably, with CPython's timsort; `lt(x, y)` is x < y and may throw. */
export function timsort<T>(a: T[], lt: (x: T, y: T) => boolean): void {
  const n = a.length;
  if (n < 2) return;
  let minGallop = MIN_GALLOP;
  const pending: { base: number; len: number; power: number }[] = [];

  // count_run: the length of the run at lo (hi exclusive); descending runs are strictly descending
  const countRun = (lo: number, hi: number): [number, boolean] => {
    if (lo + 1 === hi) return [1, false];
    let k = lo + 1;
    let len = 2;
    if (lt(a[k], a[k - 1])) {
      for (k = k + 1; k < hi; ++k, ++len) if (!lt(a[k], a[k - 1])) break;
      return [len, true];
    }
    for (k = k + 1; k < hi; ++k, ++len) if (lt(a[k], a[k - 1])) break;
    return [len, false];
  };

  const reverse = (lo: number, hi: number): void => {
    for (let i = lo, j = hi - 1; i < j; i++, j--) {
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  };

  // binarysort: [lo, start) is sorted; insert each of [start, hi) by binary search
  const binarySort = (lo: number, hi: number, start: number): void => {
    if (lo === start) ++start;
    for (; start < hi; ++start) {
      let l = lo;
      let r = start;
      const pivot = a[r];
      do {
        const p = l + ((r - l) >> 1);
        if (lt(pivot, a[p])) r = p;
        else l = p + 1;
      } while (l < r);
      for (let p = start; p > l; --p) a[p] = a[p - 1];
      a[l] = pivot;
    }
  };

  // gallop_left / gallop_right over arr[base, base+len) with a hint offset
  const gallopLeft = (key: T, arr: T[], base: number, len: number, hint: number): number => {
    let lastofs = 0;
    let ofs = 1;
    if (lt(arr[base + hint], key)) {
      const maxofs = len - hint;
      while (ofs < maxofs) {
        if (lt(arr[base + hint + ofs], key)) {
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        } else break;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (lt(arr[base + hint - ofs], key)) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    ++lastofs;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(arr[base + m], key)) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  };
  const gallopRight = (key: T, arr: T[], base: number, len: number, hint: number): number => {
    let lastofs = 0;
    let ofs = 1;
    if (lt(key, arr[base + hint])) {
      const maxofs = hint + 1;
      while (ofs < maxofs) {
        if (lt(key, arr[base + hint - ofs])) {
          lastofs = ofs;
          ofs = (ofs << 1) + 1;
        } else break;
      }
      if (ofs > maxofs) ofs = maxofs;
      const k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      const maxofs = len - hint;
      while (ofs < maxofs) {
        if (lt(key, arr[base + hint + ofs])) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      const m = lastofs + ((ofs - lastofs) >> 1);
      if (lt(key, arr[base + m])) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  };

  // merge_lo: na <= nb; run A copied out, merged from the left
  const mergeLo = (pa: number, na: number, pb: number, nb: number): void => {
    const tmp = a.slice(pa, pa + na);
    let ta = 0;
    let dest = pa;
    let done = false;
    try {
      a[dest++] = a[pb++];
      --nb;
      if (nb === 0) return;
      if (na === 1) {
        copyB();
        return;
      }
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lt(a[pb], tmp[ta])) {
            a[dest++] = a[pb++];
            ++bcount;
            acount = 0;
            --nb;
            if (nb === 0) return;
            if (bcount >= minGallop) break;
          } else {
            a[dest++] = tmp[ta++];
            ++acount;
            bcount = 0;
            --na;
            if (na === 1) {
              copyB();
              return;
            }
            if (acount >= minGallop) break;
          }
        }
        ++minGallop;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          let k = gallopRight(a[pb], tmp, ta, na, 0);
          acount = k;
          if (k) {
            for (let i = 0; i < k; i++) a[dest + i] = tmp[ta + i];
            dest += k;
            ta += k;
            na -= k;
            if (na === 1) {
              copyB();
              return;
            }
            if (na === 0) return;
          }
          a[dest++] = a[pb++];
          --nb;
          if (nb === 0) return;
          k = gallopLeft(tmp[ta], a, pb, nb, 0);
          bcount = k;
          if (k) {
            for (let i = 0; i < k; i++) a[dest + i] = a[pb + i];
            dest += k;
            pb += k;
            nb -= k;
            if (nb === 0) return;
          }
          a[dest++] = tmp[ta++];
          --na;
          if (na === 1) {
            copyB();
            return;
          }
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++minGallop;
      }
    } finally {
      // Succeed and Fail: what is left of A goes back in place (CopyB already placed it)
      if (!done && na) for (let i = 0; i < na; i++) a[dest + i] = tmp[ta + i];
    }
    function copyB(): void {
      for (let i = 0; i < nb; i++) a[dest + i] = a[pb + i];
      a[dest + nb] = tmp[ta];
      done = true;
    }
  };

  // merge_hi: na > nb; run B copied out, merged from the right
  const mergeHi = (pa: number, na: number, pb: number, nb: number): void => {
    const tmp = a.slice(pb, pb + nb);
    const basea = pa;
    let dest = pb + nb - 1;
    let tb = nb - 1;
    let ia = pa + na - 1;
    let done = false;
    try {
      a[dest--] = a[ia--];
      --na;
      if (na === 0) return;
      if (nb === 1) {
        copyA();
        return;
      }
      for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lt(tmp[tb], a[ia])) {
            a[dest--] = a[ia--];
            ++acount;
            bcount = 0;
            --na;
            if (na === 0) return;
            if (acount >= minGallop) break;
          } else {
            a[dest--] = tmp[tb--];
            ++bcount;
            acount = 0;
            --nb;
            if (nb === 1) {
              copyA();
              return;
            }
            if (bcount >= minGallop) break;
          }
        }
        ++minGallop;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          let k = gallopRight(tmp[tb], a, basea, na, na - 1);
          k = na - k;
          acount = k;
          if (k) {
            dest -= k;
            ia -= k;
            for (let i = k; i >= 1; i--) a[dest + i] = a[ia + i];
            na -= k;
            if (na === 0) return;
          }
          a[dest--] = tmp[tb--];
          --nb;
          if (nb === 1) {
            copyA();
            return;
          }
          k = gallopLeft(a[ia], tmp, 0, nb, nb - 1);
          k = nb - k;
          bcount = k;
          if (k) {
            dest -= k;
            tb -= k;
            for (let i = 1; i <= k; i++) a[dest + i] = tmp[tb + i];
            nb -= k;
            if (nb === 1) {
              copyA();
              return;
            }
            if (nb === 0) return;
          }
          a[dest--] = a[ia--];
          --na;
          if (na === 0) return;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++minGallop;
      }
    } finally {
      // Succeed and Fail: what is left of B goes back in place (CopyA already placed it)
      if (!done && nb) for (let i = 0; i < nb; i++) a[dest - (nb - 1) + i] = tmp[i];
    }
    function copyA(): void {
      // the first element of B belongs before what is left of A
      for (let i = 0; i < na; i++) a[dest - i] = a[ia - i];
      dest -= na;
      a[dest] = tmp[tb];
      done = true;
    }
  };

  // merge_at: merges the runs at stack positions i and i+1
  const mergeAt = (i: number): void => {
    let pa = pending[i].base;
    let na = pending[i].len;
    const pb = pending[i + 1].base;
    let nb = pending[i + 1].len;
    pending[i].len = na + nb;
    pending.splice(i + 1, 1);
    const k = gallopRight(a[pb], a, pa, na, 0);
    pa += k;
    na -= k;
    if (na === 0) return;
    nb = gallopLeft(a[pa + na - 1], a, pb, nb, nb - 1);
    if (nb <= 0) return;
    if (na <= nb) mergeLo(pa, na, pb, nb);
    else mergeHi(pa, na, pb, nb);
  };

  const minrun = computeMinrun(n);
  let lo = 0;
  let remaining = n;
  do {
    let [len, descending] = countRun(lo, lo + remaining);
    if (descending) reverse(lo, lo + len);
    if (len < minrun) {
      const force = remaining <= minrun ? remaining : minrun;
      binarySort(lo, lo + force, lo + len);
      len = force;
    }
    // found_new_run: merge while the run below has a higher power than the new boundary
    if (pending.length) {
      const top = pending[pending.length - 1];
      const power = powerloop(top.base, top.len, len, n);
      while (pending.length > 1 && pending[pending.length - 2].power > power) mergeAt(pending.length - 2);
      pending[pending.length - 1].power = power;
    }
    pending.push({ base: lo, len, power: 0 });
    lo += len;
    remaining -= len;
  } while (remaining);
  // merge_force_collapse
  while (pending.length > 1) {
    let i = pending.length - 2;
    if (i > 0 && pending[i - 1].len < pending[i + 1].len) --i;
    mergeAt(i);
  }
}

/** sortList's body (functions.ts): the list `l` sorted in place by `key`, reversed for `reverse`. */
export function sortItems(vm: VM, l: Obj, key: Obj, reverse: boolean): void {
  const h = vm.h;
  const items = vm.listItems(l).slice();
  for (const x of items) h.incref(x);
  const keys: Obj[] = [];
  try {
    for (const x of items) {
      if ((keys.push(key && key !== vm.None ? vm.call(key, [x]) : vm.newRef(x)) & 0xffff) === 0) vm.pollInterrupt();
    }
    const n = items.length;
    const order = items.map((_, i) => (reverse ? n - 1 - i : i));
    // a huge list takes millions of comparisons inside this one instruction: poll the interrupt now and then
    let compared = 0;
    try {
      timsort(order, (i, j) => {
        if ((++compared & 0xffff) === 0) vm.pollInterrupt();
        return vm.compareBool(keys[i], keys[j], 0);
      });
    } finally {
      if (reverse) order.reverse();
      for (let i = 0; i < n; i++) h.listSet(l, i, items[order[i]]);
    }
  } finally {
    for (const k of keys) h.decref(k);
    for (const x of items) h.decref(x);
  }
}
