/**
 * exec(), eval() and compile() of a source text or code object, and the SyntaxError a parse error of that
 * text raises. A first run of a typical program never calls them (the page loads them on demand).
 */
import type { Obj } from "./heap-api.js";
import { Kind, type KwArgs } from "./types.js";
import { PyRaise, VM } from "./vm.js";
import { Frame } from "./frame.js";
import { PySyntaxError } from "../parse/errors.js";
import type { CompileWarning } from "../compile/code.js";
import { warn } from "../modules/warnings.js";

const proto = VM.prototype;

proto.evalSource = function (this: VM, args: Obj[], mode: "eval" | "exec"): Obj {
  const h = this.h;
  const src = args[0];
  const f = this.frame!;
  const globals = args[1] && args[1] !== this.None ? args[1] : f.globals;
  const locals = args[2] && args[2] !== this.None ? args[2] : args[1] && args[1] !== this.None ? globals : f.locals || f.globals;
  if (this.kindOf(globals) === Kind.DICT && !this.dictGetStr(globals, "__builtins__")) this.dictSetStr(globals, this.name("__builtins__"), this.builtinsModule);
  if (this.kindOf(src) === Kind.CODE) {
    const fr = new Frame(this.codeInfo(src), 0, globals, this.builtins, this.newRef(locals), this.frame);
    const r = this.evalFrame(fr);
    if (mode === "exec") {
      h.decref(r);
      return this.none();
    }
    return r;
  }
  if (this.kindOf(src) !== Kind.STR) this.typeError(`${mode}() arg 1 must be a string, bytes or code object`);
  let text = this.str(src);
  if (mode === "eval") text = text.replace(/^[ \t]+/, "");
  let unit: ReturnType<VM["host"]["compile"]>;
  try {
    if (mode === "eval") noExpression(text, "<string>");
    unit = this.host.compile(text, "<string>", mode);
  } catch (e) {
    throw compileError(this, e, text, mode);
  }
  compileWarnings(this, unit.warnings);
  // the source's parse tree holds one more reference to each constant while it runs
  const outer = this.arena;
  this.arena = [];
  const co = this.materialize(unit.code, true);
  try {
    const fr = new Frame(this.codeInfo(co), 0, globals, this.builtins, this.newRef(locals), this.frame);
    const r = this.evalFrame(fr);
    if (mode === "exec") {
      h.decref(r);
      return this.none();
    }
    return r;
  } finally {
    h.decref(co);
    this.releaseArena();
    this.arena = outer;
  }
};

proto.compileBuiltin = function (this: VM, args: Obj[], kw: KwArgs | null = null): Obj {
  // source, filename and mode may come by name
  args = ["source", "filename", "mode"].map((n, i) => args[i] ?? (kw ? kw.values[kw.names.indexOf(n)] : 0) ?? 0);
  const missing = args.indexOf(0);
  if (missing >= 0) this.typeError(`compile() missing required argument '${["source", "filename", "mode"][missing]}' (pos ${missing + 1})`);
  const text = this.str(args[0]);
  const fname = this.str(args[1]);
  const mode = this.str(args[2]);
  if (mode !== "exec" && mode !== "eval" && mode !== "single") this.raise("ValueError", "compile() mode must be 'exec', 'eval' or 'single'");
  let unit: ReturnType<VM["host"]["compile"]>;
  try {
    if (mode === "eval") noExpression(text, fname);
    unit = this.host.compile(text, fname, mode === "eval" ? "eval" : "exec");
  } catch (e) {
    throw compileError(this, e, text, mode);
  }
  compileWarnings(this, unit.warnings);
  return this.materialize(unit.code, false);
};

/** An eval source with no expression: python3's errors (compile()'s source keeps its indentation, eval()
 *  strips it; a blank source is "invalid syntax" at line 0 when empty, else on its first comment's line). */
function noExpression(src: string, fname: string): void {
  const indent = /^[ \t]+/.exec(src)?.[0].length ?? 0;
  if (indent > 0 && (/^[ \t]*[^ \t\f\r\n#]/.test(src) || !/[\n#]/.test(src))) {
    const line = src.split("\n", 1)[0]!;
    throw new PySyntaxError({ type: "IndentationError", msg: "unexpected indent", filename: fname, lineno: 1, offset: indent, end_lineno: 1, end_offset: -1, text: line });
  }
  if (/^(?:[ \t\f\r\n]|#[^\n]*)*$/.test(src)) {
    // python3's tokenizer stops at the end: the error is on the last line (a line of blanks alone there, with no
    // newline, is an unexpected indent)
    const s = src.replace(/\r\n/g, "\n");
    const nl = s.endsWith("\n");
    const at = s ? s.split("\n").length - (nl ? 1 : 0) : 0;
    const last = s ? s.split("\n")[at - 1]! : "";
    if (!nl && /^[ \t]+$/.test(last)) throw new PySyntaxError({ type: "IndentationError", msg: "unexpected indent", filename: fname, lineno: at, offset: last.length, end_lineno: at, end_offset: -1, text: last });
    throw new PySyntaxError({ type: "SyntaxError", msg: "invalid syntax", filename: fname, lineno: at, offset: 0, end_lineno: at, end_offset: 0, text: last + (nl ? "\n" : "") });
  }
}

/** The compiler's warnings about a source of compile(), exec() or eval(), issued as python3 issues them: through
 *  the warnings filters, with no registry (shown at every compile); one a filter makes an error is raised as the
 *  SyntaxError compile() raises (its text None, the columns of the expression warned about). */
function compileWarnings(vm: VM, warnings: readonly CompileWarning[] | undefined): void {
  for (const w of warnings ?? []) {
    try {
      warn(vm, w.category, w.message, 1, { file: w.filename, line: w.lineno });
    } catch (e) {
      if (!(e instanceof PyRaise) || !vm.isInstance(e.exc, vm.typesByName.SyntaxWarning!)) throw e;
      vm.decref(e.exc);
      const h = vm.h;
      const p = w.pos;
      const n = (x: number | undefined) => (x === undefined ? vm.none() : vm.newInt(BigInt(x)));
      // (the tokenizer's warnings about numbers give the line, the compiler's none)
      const text = w.message.endsWith(" literal") ? h.newStr(w.text) : vm.none();
      const loc = [h.newStr(w.filename), n(w.lineno), n(p && p.col + 1), text, n(p ? p.endLine : w.lineno), n(p && p.endCol + 1)];
      const args = [h.newStr(w.message), h.newTupleSteal(loc)];
      try {
        throw new PyRaise(vm.callType(vm.T.SyntaxError, args, null));
      } finally {
        for (const a of args) h.decref(a);
      }
    }
  }
}

/** The SyntaxError (IndentationError, TabError) a parse error of `source` raises in compile(), exec() and eval(),
 *  made by its class from (msg, (filename, lineno, offset, text, end_lineno, end_offset)); text is the source's
 *  line with a newline (none on an eval()'s last line), as CPython's. Anything else as wrapErr does. */
function compileError(vm: VM, e: unknown, source: string, mode: string): unknown {
  if (!(e instanceof PySyntaxError)) return vm.wrapErr(e);
  try {
    compileWarnings(vm, e.warnings);
  } catch (x) {
    return x;
  }
  const i = e.info;
  const h = vm.h;
  const lines = source.split("\n");
  // (an unclosed bracket is found at the end: python3 gives the line it opened on its newline only when it is the
  // last line)
  const last = source.endsWith("\n") ? lines.length - 1 : lines.length;
  const nl = i.msg.endsWith("was never closed") ? i.lineno >= last : i.lineno < lines.length || mode !== "eval";
  const text = i.lineno <= lines.length && i.lineno > 0 ? lines[i.lineno - 1] + (nl ? "\n" : "") : i.text;
  // CPython's parser gives these errors no end column (-1, stored plus one)
  const end = i.msg === "unexpected indent" ? -1 : i.msg.endsWith("was never closed") ? 0 : i.end_offset;
  const n = (x: number) => vm.newInt(BigInt(x));
  const args = [h.newStr(i.msg), h.newTupleSteal([h.newStr(i.filename), n(i.lineno), n(i.offset), h.newStr(text), n(i.end_lineno), n(end)])];
  try {
    return new PyRaise(vm.callType(vm.T[i.type], args, null));
  } finally {
    for (const a of args) h.decref(a);
  }
}
