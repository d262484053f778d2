/**
 * The text of an uncaught exception as CPython 3.11 prints it: the traceback's entries, chained causes and
 * contexts, the "Type: message" line with its suggestions and notes, exception groups' trees, and the
 * SyntaxError text with its carets. Only a printed exception needs it (the page loads it on demand).
 */
import type { Obj } from "./heap-api.js";
import { Kind } from "./types.js";
import { VM } from "./vm.js";
import * as L from "./layouts.js";
import { formatTraceback, suggest, type TracebackEntry } from "./traceback.js";
import { SYNERR_FIELDS } from "./natives.js";
import { excStr, qualifiedName } from "./exceptions.js";

declare module "./vm.js" {
  interface VM {
    formatException(exc: Obj): string;
    tracebackEntries(tb: Obj): TracebackEntry[];
    excLine(exc: Obj): string;
  }
}

const proto = VM.prototype;

proto.tracebackEntries = function (this: VM, tb: Obj): TracebackEntry[] {
  const h = this.h;
  const out: TracebackEntry[] = [];
  for (let t = tb; t; t = h.getSlot(t, L.TB_NEXT)) {
    const fo = h.getSlot(t, L.TB_FRAME);
    const info = this.codes[h.getI32(fo, L.FRAME_INDEX)];
    const code = info.code;
    // the frames of modules whose python3 counterparts are C code, or Python files at python3's installation
    // paths (json, enum, re, statistics, fractions, pprint, textwrap): none to show
    if (/^(functools|itertools|heapq|bisect|operator|abc|types|_io|json|enum|re|statistics|fractions|pprint|textwrap)$/.test(code.co_filename)) continue;
    const i = h.getI32(t, L.TB_LASTI);
    const p = code.co_positions;
    const pos = p[4 * i] > 0 ? { lineno: p[4 * i], endLineno: p[4 * i + 1], col: p[4 * i + 2], endCol: p[4 * i + 3] } : null;
    out.push({ filename: code.co_filename, name: code.co_name, lineno: h.getI32(t, L.TB_LINENO), pos });
  }
  return out;
};

/** The last line: "Type: message" plus suggestions and notes. */
proto.excLine = function (this: VM, exc: Obj): string {
  const h = this.h;
  const name = qualifiedName(this, exc);
  let msg = excStr(this, exc);
  if (this.isInstance(exc, this.T.NameError)) {
    const n = h.getSlot(exc, L.EXC_EXTRA);
    const tb = h.getSlot(exc, L.EXC_TRACEBACK);
    if (n && tb && this.kindOf(n) === Kind.STR) {
      let last = tb;
      while (h.getSlot(last, L.TB_NEXT)) last = h.getSlot(last, L.TB_NEXT);
      const fo = h.getSlot(last, L.TB_FRAME);
      const info = this.codes[h.getI32(fo, L.FRAME_INDEX)];
      const name0 = this.str(n);
      let s = suggest(info.code.co_varnames, name0);
      const g = h.getSlot(fo, L.FRAME_GLOBALS);
      if (!s && g) s = suggest(this.dictKeysStr(g), name0);
      if (!s) s = suggest(this.dictKeysStr(this.builtins), name0);
      if (s) msg += `. Did you mean: '${s}'?`;
    }
  } else if (this.isInstance(exc, this.T.AttributeError)) {
    const o = h.getSlot(exc, L.EXC_EXTRA);
    const n = h.getSlot(exc, L.EXC_EXTRA2);
    if (o && n) {
      const s = suggest(this.dirNames(o), this.str(n));
      if (s) msg += `. Did you mean: '${s}'?`;
    }
  }
  let line = msg ? `${name}: ${msg}` : name;
  const notes = h.getSlot(exc, L.EXC_NOTES);
  if (notes && this.kindOf(notes) === Kind.LIST) {
    for (const nt of this.listItems(notes)) line += "\n" + (this.kindOf(nt) === Kind.STR ? this.str(nt) : this.repr(nt));
  }
  return line + "\n";
};

function syntaxErrorText(vm: VM, exc: Obj): string | null {
  if (!vm.isInstance(exc, vm.T.SyntaxError)) return null;
  const get = (k: string) => vm.h.getSlot(exc, L.EXC_EXTRA + 8 * SYNERR_FIELDS.indexOf(k));
  const fn = get("filename");
  const ln = get("lineno");
  const text = get("text");
  const off = get("offset");
  const endOff = get("end_offset");
  const msg = get("msg");
  // without a line number it is printed as any other exception
  if (!ln || vm.kindOf(ln) !== Kind.INT) return null;
  let out = `  File "${fn && vm.kindOf(fn) === Kind.STR ? vm.str(fn) : "<string>"}", line ${vm.repr(ln)}\n`;
  if (text && vm.kindOf(text) === Kind.STR) {
    const int = (o: Obj, d: number) => (o && vm.kindOf(o) === Kind.INT ? Number(vm.h.readInt(o)) : d);
    let t = vm.str(text);
    // a span over several lines runs to the first line's end; the carets never go past the text's end
    let e = int(get("end_lineno"), 0) > int(ln, 0) ? t.length : int(endOff, -1);
    e = Math.min(e, t.length + 1);
    let o = int(off, -1);
    const carets = e > 0 && e > o ? e - o : 1;
    const lead = t.length - t.replace(/^[ \t\f]+/, "").length;
    t = t.slice(lead);
    o = Math.min(o - 1 - lead, t.endsWith("\n") ? t.length - 1 : t.length);
    // the caret's line is the one the offset falls in
    for (let nl = t.indexOf("\n"); nl >= 0 && nl < o; nl = t.indexOf("\n")) {
      t = t.slice(nl + 1);
      o -= nl + 1;
    }
    out += `    ${t}${t.endsWith("\n") ? "" : "\n"}`;
    // none when the offset points into the leading whitespace
    if (o >= 0) out += `    ${" ".repeat(o)}${"^".repeat(carets)}\n`;
  }
  out += `${qualifiedName(vm, exc)}: ${vm.strOf(msg || vm.None)}\n`;
  return out;
}

function groupLines(vm: VM, exc: Obj, depth: number): string {
  const h = vm.h;
  const pre = "  ".repeat(depth);
  let out = "";
  const tb = h.getSlot(exc, L.EXC_TRACEBACK);
  const head = `${pre}  + Exception Group Traceback (most recent call last):\n`;
  out += head;
  if (tb) {
    const body = formatTraceback(vm.tracebackEntries(tb), (f, l) => vm.host.sourceLine(f, l)).split("\n").slice(1);
    for (const l of body) if (l) out += `${pre}  | ${l}\n`;
  }
  const line = vm.excLine(exc);
  for (const l of line.split("\n")) if (l) out += `${pre}  | ${l}\n`;
  const excs = h.getSlot(exc, L.EXC_EXTRA2);
  const items = excs ? vm.tupleItems(excs) : [];
  items.forEach((sub, i) => {
    const label = `${i + 1}`;
    const sep = i === 0 ? `${pre}  +-+---------------- ${label} ----------------\n` : `${pre}    +---------------- ${label} ----------------\n`;
    out += sep;
    const text = vm.formatException(sub);
    for (const l of text.split("\n")) if (l) out += `${pre}    | ${l}\n`;
  });
  out += `${pre}    +------------------------------------\n`;
  return out;
}

proto.formatException = function (this: VM, exc: Obj): string {
  const seen = new Set<Obj>();
  const one = (e: Obj): string => {
    seen.add(e);
    const h = this.h;
    let out = "";
    const cause = h.getSlot(e, L.EXC_CAUSE);
    const context = h.getSlot(e, L.EXC_CONTEXT);
    const suppress = h.getI32(e, L.EXC_SUPPRESS) !== 0;
    if (cause && !seen.has(cause)) {
      out += one(cause);
      out += "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (context && !suppress && !seen.has(context)) {
      out += one(context);
      out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (this.isInstance(e, this.T.BaseExceptionGroup)) return out + groupLines(this, e, 0);
    const tb = h.getSlot(e, L.EXC_TRACEBACK);
    if (tb) out += formatTraceback(this.tracebackEntries(tb), (f, l) => this.host.sourceLine(f, l));
    const se = syntaxErrorText(this, e);
    out += se ?? this.excLine(e);
    return out;
  };
  return one(exc);
};
