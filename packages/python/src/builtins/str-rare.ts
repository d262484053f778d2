/**
 * str methods a typical program never calls: expandtabs, istitle, isnumeric (with its table of numeric
 * ideographs), translate and str.maketrans. methods.ts's entries call `strRare` with the method's number;
 * the page keeps this file in its on-demand chunk (apps/web/bundler/lazy.ts).
 */
import type { Obj } from "../vm/heap-api.js";
import { Kind, type KwArgs } from "../vm/types.js";
import { PyRaise, type VM } from "../vm/vm.js";

const isCased = (c: string) => c.toLowerCase() !== c.toUpperCase();

function istitle(s: string): boolean {
  let prevCased = false;
  let any = false;
  for (const c of s) {
    if (/\p{Lt}/u.test(c)) {
      if (prevCased) return false;
      prevCased = true;
      any = true;
    } else if (isCased(c)) {
      if (prevCased ? c !== c.toLowerCase() : c !== c.toUpperCase()) return false;
      prevCased = true;
      any = true;
    } else prevCased = false;
  }
  return any;
}

// numbers, and the ideographs with a numeric value (三, 百, 萬...)
const NUMERIC = /^[\p{N}\u{3405}\u{3483}\u{382a}\u{3b4d}\u{4e00}\u{4e03}\u{4e07}\u{4e09}\u{4e5d}\u{4e8c}\u{4e94}\u{4e96}\u{4ebf}-\u{4ec0}\u{4edf}\u{4ee8}\u{4f0d}\u{4f70}\u{5104}\u{5146}\u{5169}\u{516b}\u{516d}\u{5341}\u{5343}-\u{5345}\u{534c}\u{53c1}-\u{53c4}\u{56db}\u{58f1}\u{58f9}\u{5e7a}\u{5efe}-\u{5eff}\u{5f0c}-\u{5f0e}\u{5f10}\u{62fe}\u{634c}\u{67d2}\u{6f06}\u{7396}\u{767e}\u{8086}\u{842c}\u{8cae}\u{8cb3}\u{8d30}\u{9621}\u{9646}\u{964c}\u{9678}\u{96f6}\u{f96b}\u{f973}\u{f978}\u{f9b2}\u{f9d1}\u{f9d3}\u{f9fd}\u{20001}\u{20064}\u{200e2}\u{20121}\u{2092a}\u{20983}\u{2098c}\u{2099c}\u{20aea}\u{20afd}\u{20b19}\u{22390}\u{22998}\u{23b1b}\u{2626d}\u{2f890}]+$/u;

function expandtabs(vm: VM, args: Obj[]): Obj {
  const s = vm.str(args[0]);
  const ts = !args[1] || args[1] === vm.None ? 8 : Number(vm.index(args[1]));
  if (!s.includes("\t") && !vm.typeInfo(args[0]).heap) return vm.newRef(args[0]);
  let out = "";
  let col = 0;
  for (const c of s) {
    if (c === "\t") {
      const n = ts > 0 ? ts - (col % ts) : 0;
      out += " ".repeat(n);
      col += n;
    } else if (c === "\n" || c === "\r") {
      out += c;
      col = 0;
    } else {
      out += c;
      col++;
    }
  }
  return vm.h.newStr(out);
}

function translate(vm: VM, args: Obj[]): Obj {
  const h = vm.h;
  let out = "";
  for (const c of vm.str(args[0])) {
    const k = vm.newInt(BigInt(c.codePointAt(0)!));
    let v: Obj = 0;
    try {
      v = vm.getItem(args[1], k);
    } catch (e) {
      if (!(e instanceof PyRaise) || !vm.isInstance(e.exc, vm.T.LookupError)) throw e;
      vm.decref(e.exc);
    } finally {
      h.decref(k);
    }
    if (!v) out += c;
    else {
      if (v !== vm.None) out += vm.kindOf(v) === Kind.STR ? vm.str(v) : String.fromCodePoint(Number(h.readInt(v)));
      h.decref(v);
    }
  }
  return h.newStr(out);
}

/** A code point's int, put in `d` with `v` (a new reference to the key is released). */
function setCode(vm: VM, d: Obj, c: string, v: Obj): void {
  const k = vm.newInt(BigInt(c.codePointAt(0)!));
  vm.dictSetItem(d, k, v);
  vm.h.decref(k);
}

function maketrans(vm: VM, args: Obj[], kw?: KwArgs | null): Obj {
  const h = vm.h;
  const S = (o: Obj) => vm.str(o);
  const n = args.length;
  if (kw?.names.length) vm.typeError("str.maketrans() takes no keyword arguments");
  if (n < 1 || n > 3) vm.typeError(`maketrans expected at ${n ? "most 3 arguments" : "least 1 argument"}, got ${n}`);
  if (n > 1 && vm.kindOf(args[0]) !== Kind.STR) vm.typeError("first maketrans argument must be a string if there is a second argument");
  for (let i = 1; i < n; i++) if (vm.kindOf(args[i]) !== Kind.STR) vm.typeError(`maketrans() argument ${i + 1} must be str, not ${vm.typeName(args[i])}`);
  if (n >= 2 && [...S(args[0])].length !== [...S(args[1])].length) vm.raise("ValueError", "the first two maketrans arguments must have equal length");
  if (n === 1 && vm.kindOf(args[0]) !== Kind.DICT) vm.typeError("if you give only one argument to maketrans it must be a dict");
  const d = h.newDict("display");
  if (n === 1) {
    for (const [k, v] of vm.dictEntries(args[0])) {
      const kk = vm.kindOf(k);
      if (kk === Kind.STR ? [...vm.str(k)].length !== 1 : kk !== Kind.INT && kk !== Kind.BOOL) {
        vm.decref(d);
        if (kk !== Kind.STR) vm.typeError("keys in translate table must be strings or integers");
        vm.raise("ValueError", "string keys in translate table must be of length 1");
      }
      if (kk === Kind.STR) setCode(vm, d, vm.str(k), v);
      else vm.dictSetItem(d, k, v);
    }
    return d;
  }
  const a = [...S(args[0])];
  const b = [...S(args[1])];
  a.forEach((c, i) => {
    const v = vm.newInt(BigInt(b[i]!.codePointAt(0)!));
    setCode(vm, d, c, v);
    h.decref(v);
  });
  if (args[2]) for (const c of S(args[2])) setCode(vm, d, c, vm.None);
  return d;
}

/** str's method number `which`: 0 expandtabs, 1 istitle, 2 isnumeric, 3 translate, 4 str.maketrans (`args` without the type). */
export function strRare(vm: VM, which: number, args: Obj[], kw?: KwArgs | null): Obj {
  if (which === 0) return expandtabs(vm, kw?.names.length ? [args[0]!, kw.values[0]!] : args);
  if (which === 1) return vm.bool(istitle(vm.str(args[0])));
  if (which === 2) {
    const s = vm.str(args[0]);
    return vm.bool(s.length > 0 && NUMERIC.test(s));
  }
  if (which === 3) return translate(vm, args);
  return maketrans(vm, args, kw);
}
