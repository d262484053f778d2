import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { compileModule, OP_NAMES, type CodeObject } from "../src/compile/index.js";
const CORPUS = join(__dirname, "../../../corpus");
function pyFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...pyFiles(p));
    else if (name.endsWith(".py") && name !== "verify.py" && !p.includes("/repl/")) out.push(p);
  }
  return out;
}
const SCRIPT = String.raw`
import sys, json, dis, types
def walk(co, out):
    out.append([co.co_name, [i.opname for i in dis.get_instructions(co)]])
    for c in co.co_consts:
        if isinstance(c, types.CodeType): walk(c, out)
res=[]
for src in json.load(sys.stdin):
    out=[]
    try: walk(compile(src, "f.py", "exec"), out)
    except SyntaxError: pass
    res.append(out)
print(json.dumps(res))
`;
/**
 * Jumps and NOPs are left out: where 3.11's flow-graph pass threads jumps and lays out blocks does not
 * change what a program allocates or references. Every other opcode must appear as often as in python3's
 * code (including the copies of `LOAD_CONST None; RETURN_VALUE` exit blocks).
 */
const SKIP = new Set(["NOP", "JUMP_FORWARD", "JUMP_BACKWARD", "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE", "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE", "JUMP_IF_FALSE_OR_POP", "JUMP_IF_TRUE_OR_POP", "EXTENDED_ARG", "POP_JUMP_FORWARD_IF_NONE", "POP_JUMP_FORWARD_IF_NOT_NONE", "POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE"]);
function mine(code: CodeObject, out: [string, string[]][] = []) {
  const ops: string[] = [];
  for (let i = 0; i < code.co_ninstructions; i++) ops.push(OP_NAMES[code.co_code[2 * i]!]!);
  out.push([code.co_name, ops]);
  for (const c of code.co_consts) if (c.kind === "code") mine(c.code, out);
  return out;
}
function count(ops: string[]) {
  const m = new Map<string, number>();
  for (const o of ops) if (!SKIP.has(o)) m.set(o, (m.get(o) ?? 0) + 1);
  return m;
}
it("every corpus script and document snippet uses the same opcodes, as often, as python3 compiles it", () => {
  const DOC = "/work/shared/docs/cpython-memory-model.md";
  const snippets = existsSync(DOC) ? [...readFileSync(DOC, "utf8").matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]!) : [];
  const files = [...pyFiles(CORPUS), ...snippets.map((_, i) => `corpus/doc-snippet-${i}`)];
  const srcs = [...pyFiles(CORPUS).map((f) => readFileSync(f, "utf8")), ...snippets];
  const r = spawnSync("python3", ["-c", SCRIPT], { input: JSON.stringify(srcs), encoding: "utf8", maxBuffer: 1 << 28 });
  const py = JSON.parse(r.stdout);
  const mismatches: string[] = [];
  files.forEach((f, i) => {
    if (!py[i].length) return;
    let m;
    try { m = mine(compileModule(srcs[i]!, "f.py").code); } catch { return; }
    m.forEach(([name, ops], j) => {
      const a = count(ops), b = count(py[i][j][1]);
      const keys = new Set([...a.keys(), ...b.keys()]);
      for (const k of keys) if ((a.get(k) ?? 0) !== (b.get(k) ?? 0)) {
        mismatches.push(`${f.split("corpus/")[1]} ${name}: ${k} ours ${a.get(k) ?? 0}, python3 ${b.get(k) ?? 0}`);
      }
    });
  });
  expect(mismatches).toEqual([]);
}, 120000);
