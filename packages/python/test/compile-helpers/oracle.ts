/**
 * Runs real python3 once for a batch of sources and returns what its compiler produced: for every code
 * object (depth first, in co_consts order) the fields the compiler decides, or the SyntaxError raised.
 */
import { spawnSync } from "node:child_process";
import type { CodeObject, Const } from "../../src/compile/code.js";
import { constRepr } from "../../src/compile/disassemble.js";

export interface CodeSummary {
  name: string;
  qualname: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  stacksize: number;
  consts: string[];
  names: string[];
  varnames: string[];
  cellvars: string[];
  freevars: string[];
}

export type OracleResult =
  | { ok: true; codes: CodeSummary[] }
  | { ok: false; type: string; msg: string; lineno: number; offset: number };

const SCRIPT = String.raw`
import sys, json, types, warnings
warnings.simplefilter("ignore")
def const_repr(c):
    if isinstance(c, types.CodeType):
        return "<code " + c.co_name + ">"
    if isinstance(c, frozenset):
        return "frozenset({" + ", ".join(sorted(const_repr(x) for x in c)) + "})" if c else "frozenset()"
    if isinstance(c, tuple):
        return "(" + ", ".join(const_repr(x) for x in c) + ("," if len(c) == 1 else "") + ")"
    return repr(c)
def walk(co, out):
    out.append(dict(name=co.co_name, qualname=co.co_qualname, firstlineno=co.co_firstlineno,
        argcount=co.co_argcount, posonlyargcount=co.co_posonlyargcount, kwonlyargcount=co.co_kwonlyargcount,
        flags=co.co_flags & 0x3f, stacksize=co.co_stacksize, consts=[const_repr(c) for c in co.co_consts], names=list(co.co_names),
        varnames=list(co.co_varnames), cellvars=list(co.co_cellvars), freevars=list(co.co_freevars)))
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)
res = []
for item in json.load(sys.stdin):
    try:
        co = compile(item["src"], item["filename"], item["mode"])
        out = []
        walk(co, out)
        res.append(dict(ok=True, codes=out))
    except SyntaxError as e:
        res.append(dict(ok=False, type=type(e).__name__, msg=e.msg, lineno=e.lineno, offset=e.offset))
print(json.dumps(res))
`;

/** Compiles each source with python3's compile(). */
export function pythonCompile(items: { src: string; filename?: string; mode?: "exec" | "single" | "eval" }[]): OracleResult[] {
  const input = JSON.stringify(items.map((i) => ({ src: i.src, filename: i.filename ?? "f.py", mode: i.mode ?? "exec" })));
  const r = spawnSync("python3", ["-c", SCRIPT], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error("python3 failed: " + r.stderr);
  return JSON.parse(r.stdout) as OracleResult[];
}

/** repr() with frozenset items sorted (set iteration order is the runtime's business). */
function canonicalRepr(c: Const): string {
  if (c.kind === "code") return `<code ${c.code.co_name}>`;
  if (c.kind === "frozenset") return c.items.length ? `frozenset({${c.items.map(canonicalRepr).sort().join(", ")}})` : "frozenset()";
  if (c.kind === "tuple") return `(${c.items.map(canonicalRepr).join(", ")}${c.items.length === 1 ? "," : ""})`;
  return constRepr(c);
}

/** The same summary of our code objects. */
export function summarize(code: CodeObject, out: CodeSummary[] = []): CodeSummary[] {
  out.push({
    name: code.co_name,
    qualname: code.co_qualname,
    firstlineno: code.co_firstlineno,
    argcount: code.co_argcount,
    posonlyargcount: code.co_posonlyargcount,
    kwonlyargcount: code.co_kwonlyargcount,
    flags: code.co_flags & 0x3f,
    stacksize: code.co_stacksize,
    consts: code.co_consts.map(canonicalRepr),
    names: [...code.co_names],
    varnames: [...code.co_varnames],
    cellvars: [...code.co_cellvars],
    freevars: [...code.co_freevars],
  });
  for (const c of code.co_consts) if (c.kind === "code") summarize(c.code, out);
  return out;
}
