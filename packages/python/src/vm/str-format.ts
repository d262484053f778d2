/**
 * A str's %-formatting (`"%s: %d" % (a, b)`) and str.format / format_map: the text of each field, its
 * conversion, nested specs and automatic or manual numbering; each value formatted by its format().
 * A first run of a typical program never formats this way (the page loads it on demand).
 */
import type { Obj } from "./heap-api.js";
import { Kind, type KwArgs } from "./types.js";
import { VM } from "./vm.js";
import { formatFloat, formatInt } from "../objects/format-spec.js";

declare module "./vm.js" {
  interface VM {
    /** `fmt % args` of a str `fmt`. */
    strPercent(fmt: Obj, args: Obj): Obj;
  }
}

const proto = VM.prototype;

proto.strPercent = function (this: VM, fmtObj: Obj, argsObj: Obj): Obj {
  const h = this.h;
  const fmt = this.str(fmtObj);
  const isTuple = this.kindOf(argsObj) === Kind.TUPLE;
  const args = isTuple ? this.tupleItems(argsObj) : [argsObj];
  const isMap = !isTuple && (this.kindOf(argsObj) === Kind.DICT || (this.typeInfo(argsObj).heap && !!this.lookupType(this.typeInfo(argsObj), "__getitem__")));
  let ai = 0;
  let out = "";
  let usedMap = false;
  const next = (): Obj => {
    if (ai >= args.length) this.typeError("not enough arguments for format string");
    return args[ai++];
  };
  let single: Obj = 0;
  let pieces = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    i++;
    let key: string | null = null;
    if (fmt[i] === "(") {
      const j = fmt.indexOf(")", i);
      key = fmt.slice(i + 1, j);
      i = j + 1;
    }
    let flags = "";
    while ("-+ #0".includes(fmt[i])) flags += fmt[i++];
    let width = "";
    if (fmt[i] === "*") {
      width = String(this.index(next()));
      i++;
    } else while (/\d/.test(fmt[i])) width += fmt[i++];
    let prec = "";
    if (fmt[i] === ".") {
      i++;
      prec = ".";
      if (fmt[i] === "*") {
        prec += String(this.index(next()));
        i++;
      } else while (/\d/.test(fmt[i])) prec += fmt[i++];
      if (prec === ".") prec = ".0";
    }
    const conv = fmt[i];
    if (conv === "%") {
      out += "%";
      continue;
    }
    let v: Obj;
    let owned = false;
    if (key !== null) {
      if (!isMap) this.typeError("format requires a mapping");
      const k = h.newStr(key);
      try {
        v = this.getItem(argsObj, k);
      } finally {
        h.decref(k);
      }
      owned = true;
      usedMap = true;
    } else v = next();
    pieces++;
    try {
      const align = flags.includes("-") ? "<" : "";
      const zero = flags.includes("0") && !flags.includes("-") ? "0" : "";
      const sign = flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
      const alt = flags.includes("#") ? "#" : "";
      let piece: string;
      switch (conv) {
        case "s":
        case "r":
        case "a": {
          let s: string;
          if (conv === "s") {
            if (!width && !prec && this.kindOf(v) === Kind.STR && !this.typeInfo(v).heap) single = v;
            s = this.strOf(v);
          } else if (conv === "r") s = this.repr(v);
          else {
            const r = this.asciiObj(v);
            s = this.str(r);
            h.decref(r);
          }
          // a lone %s / %r of a bool is the bool's one static str
          if (conv !== "a" && !width && !prec && this.kindOf(v) === Kind.BOOL) single = this.boolStr(v === this.True);
          if (prec) s = s.slice(0, Number(prec.slice(1)));
          piece = width ? (align ? s.padEnd(Number(width)) : s.padStart(Number(width))) : s;
          break;
        }
        case "d":
        case "i":
        case "u": {
          const k = this.kindOf(v);
          let n: bigint;
          if (k === Kind.FLOAT) n = BigInt(Math.trunc(h.readFloat(v)));
          else if (k === Kind.INT || k === Kind.BOOL) n = h.readInt(v);
          else {
            // int(v) for anything with __int__ or __index__ (python3's PyNumber_Long)
            const ti = this.typeInfo(v);
            if (!ti.heap || !(this.lookupType(ti, "__int__") || this.lookupType(ti, "__index__"))) this.typeError(`%${conv} format: a real number is required, not ${ti.name}`);
            const r = this.call(this.T.int, [v]);
            n = h.readInt(r);
            h.decref(r);
          }
          piece = formatInt(n, `${align}${sign}${zero}${width}d`, "int", this.intMaxDigits);
          break;
        }
        case "x":
        case "X":
        case "o": {
          const kv = this.kindOf(v);
          if (kv !== Kind.INT && kv !== Kind.BOOL && !(this.typeInfo(v).heap && this.lookupType(this.typeInfo(v), "__index__"))) {
            this.typeError(`%${conv} format: an integer is required, not ${this.typeName(v)}`);
          }
          const n = this.index(v);
          piece = formatInt(n, `${align}${sign}${alt}${zero}${width}${conv}`);
          break;
        }
        case "e":
        case "E":
        case "f":
        case "F":
        case "g":
        case "G":
          piece = formatFloat(this.toFloat(v), `${align}${sign}${alt}${zero}${width}${prec || ".6"}${conv}`);
          break;
        case "c": {
          const k = this.kindOf(v);
          const ti = this.typeInfo(v);
          if (k === Kind.STR ? [...this.str(v)].length !== 1 : k !== Kind.INT && k !== Kind.BOOL && !(ti.heap && this.lookupType(ti, "__index__"))) this.typeError("%c requires int or char");
          piece = k === Kind.STR ? this.str(v) : String.fromCodePoint(Number(this.index(v)));
          if (width) piece = align ? piece.padEnd(Number(width)) : piece.padStart(Number(width));
          break;
        }
        default:
          this.raise("ValueError", `unsupported format character '${conv}' (0x${(conv ?? "").charCodeAt(0).toString(16)}) at index ${i}`);
      }
      out += piece;
    } catch (e) {
      throw this.wrapErr(e);
    } finally {
      if (owned) h.decref(v);
    }
  }
  if (!usedMap && !isMap && ai < args.length) this.typeError("not all arguments converted during string formatting");
  if (single && pieces === 1 && out === this.str(single)) return this.newRef(single);
  if ([...out].length === 1) return h.newStr(out);
  return h.newStr(out);
};

proto.strFormat = function (this: VM, fmtObj: Obj, args: Obj[], kw: KwArgs | null, mapping?: Obj, numbering?: FieldNumbering): Obj {
  // the first field's value is held while later fields are formatted: released if one of them raises
  const held: Obj[] = [];
  try {
    return strFormatFields.call(this, fmtObj, args, kw, mapping, held, numbering ?? { auto: 0, manual: false });
  } catch (e) {
    for (const o of held) this.h.decref(o);
    throw e;
  }
};

/** The automatic field numbering of one str.format call, shared with the fields nested in its specs
 *  ('{:>{}}'.format('x', 4) takes 'x' then 4). */
export interface FieldNumbering {
  auto: number;
  manual: boolean;
}

function strFormatFields(this: VM, fmtObj: Obj, args: Obj[], kw: KwArgs | null, mapping: Obj | undefined, held: Obj[], num: FieldNumbering): Obj {
  const h = this.h;
  const fmt = this.str(fmtObj);
  let out = "";
  let onlyValue: Obj = 0;
  let pieces = 0;
  let literal = false;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === "{" && fmt[i + 1] === "{") {
      out += "{";
      i++;
      literal = true;
      continue;
    }
    if (c === "}" && fmt[i + 1] === "}") {
      out += "}";
      i++;
      literal = true;
      continue;
    }
    if (c !== "{") {
      if (c === "}") this.raise("ValueError", "Single '}' encountered in format string");
      out += c;
      literal = true;
      continue;
    }
    let depth = 1;
    let j = i + 1;
    while (j < fmt.length && depth) {
      if (fmt[j] === "{") depth++;
      else if (fmt[j] === "}") depth--;
      if (depth) j++;
    }
    if (depth) this.raise("ValueError", i + 1 === fmt.length ? "Single '{' encountered in format string" : "expected '}' before end of string");
    const field = fmt.slice(i + 1, j);
    i = j;
    let spec = "";
    let conv = "";
    let name = field;
    const colon = field.indexOf(":");
    const bang = field.indexOf("!");
    if (bang >= 0 && (colon < 0 || bang < colon)) {
      // one character after '!' (even ':'), then the end or ':' and the spec
      name = field.slice(0, bang);
      conv = field.slice(bang + 1, bang + 2);
      const rest = field.slice(bang + 2);
      if (!conv) this.raise("ValueError", "unmatched '{' in format spec");
      if (rest && rest[0] !== ":") this.raise("ValueError", "expected ':' after conversion specifier");
      spec = rest.slice(1);
    } else if (colon >= 0) {
      spec = field.slice(colon + 1);
      name = field.slice(0, colon);
    }
    const m = /^([^.[]*)(.*)$/.exec(name)!;
    let v: Obj;
    const first = m[1];
    if (first === "" && num.manual) this.raise("ValueError", "cannot switch from manual field specification to automatic field numbering");
    if (/^\d+$/.test(first) && num.auto > 0) this.raise("ValueError", "cannot switch from automatic field numbering to manual field specification");
    if (/^\d+$/.test(first)) num.manual = true;
    if (first === "") {
      if (num.auto >= args.length) this.raise("IndexError", `Replacement index ${num.auto} out of range for positional args tuple`);
      v = this.newRef(args[num.auto++]);
    } else if (/^\d+$/.test(first)) {
      const n = Number(first);
      if (n >= args.length) this.raise("IndexError", `Replacement index ${n} out of range for positional args tuple`);
      v = this.newRef(args[n]);
    } else {
      let found: Obj = 0;
      if (mapping) {
        const k = h.newStr(first);
        try {
          found = this.getItem(mapping, k);
        } finally {
          h.decref(k);
        }
      } else {
        const idx = kw ? kw.names.indexOf(first) : -1;
        if (idx < 0) this.keyError(h.newStr(first));
        found = this.newRef(kw!.values[idx]);
      }
      v = found;
    }
    let rest = m[2];
    while (rest) {
      const am = /^\.(\w+)/.exec(rest);
      if (am) {
        const nv = this.getAttr(v, am[1]);
        h.decref(v);
        v = nv;
        rest = rest.slice(am[0].length);
        continue;
      }
      const im = /^\[([^\]]*)\]/.exec(rest);
      if (im) {
        const key = /^\d+$/.test(im[1]) ? this.newInt(BigInt(im[1])) : h.newStr(im[1]);
        try {
          const nv = this.getItem(v, key);
          h.decref(v);
          v = nv;
        } finally {
          h.decref(key);
        }
        rest = rest.slice(im[0].length);
        continue;
      }
      break;
    }
    try {
      if (conv) {
        if (!"rsa".includes(conv)) this.raise("ValueError", `Unknown conversion specifier ${conv}`);
        const c = conv === "r" ? this.reprObj(v) : conv === "s" ? this.strObj(v) : this.asciiObj(v);
        h.decref(v);
        v = c;
      }
      if (spec.includes("{")) {
        const inner = h.newStr(spec);
        try {
          const r = this.strFormat(inner, args, kw, mapping, num);
          spec = this.str(r);
          h.decref(r);
        } finally {
          h.decref(inner);
        }
      }
      // str.format calls the formatter of an exact str, int, float or complex itself (no __format__ lookup)
      const vt = this.typeInfo(v);
      const direct = !vt.heap && (vt.kind === Kind.STR || vt.kind === Kind.INT || vt.kind === Kind.FLOAT || vt.kind === Kind.COMPLEX);
      const r = this.format(v, spec, !direct);
      pieces++;
      out += this.str(r);
      if (onlyValue) {
        h.decref(onlyValue);
        onlyValue = 0;
        held.length = 0;
      }
      if (pieces === 1 && !spec) held[0] = onlyValue = r;
      else h.decref(r);
    } finally {
      h.decref(v);
    }
  }
  held.length = 0;
  if (pieces === 1 && onlyValue && !literal) return onlyValue;
  if (onlyValue) h.decref(onlyValue);
  return h.newStr(out);
}
