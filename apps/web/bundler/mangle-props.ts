/**
 * Shorter property names for the interpreter's chunk. The interpreter's classes and records are read
 * and written through ~1,800 camelCase property names (`vm.typeError`, `h.newRef`, `ti.kindOf`,
 * `g.emit`…), ~75 KB of the minified chunk that no minifier shortens on its own. This plans a renaming
 * of the ones that are safe to rename, from the chunk esbuild has bundled (before minification), and
 * esbuild applies it (`mangleProps` with the plan's exact names and `mangleCache` with their new ones),
 * so the same plan gives the same names in every build that uses it (the page's, the library's, and
 * the Node bundle test/mangled-corpus.test.ts runs the corpus through).
 *
 * A name is renamed only when all of these hold:
 * - it is camelCase with a lower-case first letter (`typeError`, `newRef`). Every name a Python program
 *   can reach through a string at run time (method and attribute tables are keyed by Python names:
 *   `append`, `__init__`, `ZeroDivisionError`, `f_locals`) is lower-case, snake_case or capitalised;
 * - it is never a word of a string or template literal of the chunk: a name looked up through a string
 *   (`o["typeName"]`, `"kindOf" in o`, the generated code of jit/compile.ts, a list of keys to skip)
 *   keeps its name everywhere;
 * - it is never a word of the code on the other side of the chunk's boundaries, whose objects the chunk
 *   reads or fills in: the heap binding (@pyheap/heap and the core's ABI, which stay imports), the page's
 *   element (which reads RunResult and the trace; apps/web/src), the trace's schema and the public API
 *   (schema.ts, api-types.ts, trace-schema.json), Lit, and the WASM core's export and import names;
 * - it is not a property of anything JavaScript itself, the DOM or Node define (terser's list of DOM and
 *   ES names, and every own and prototype property reachable from this process's globals).
 * New names are the shortest not used as any property name, string word or reserved word above, the
 * most frequent name getting the shortest one. test/mangled-corpus.test.ts runs the whole corpus through
 * a Node bundle renamed by the same plan and compares every output with CPython's.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAst } from "vite";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const require = createRequire(import.meta.url);

/** camelCase, lower-case first letter: the only names renamed (see above). */
const CAMEL = /^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;
const WORD = /[A-Za-z_$][\w$]*/g;

export interface ManglePlan {
  /** original name → new name */
  cache: Record<string, string>;
  /** matches exactly the planned names (esbuild's mangleProps) */
  regex: RegExp;
  /** how often each planned name occurs as a property in the chunk (for reports) */
  counts: Record<string, number>;
}

type Node = { type: string; [k: string]: unknown };

function words(text: string, into: Set<string>): void {
  for (const m of text.matchAll(WORD)) into.add(m[0]);
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === "node_modules" || name === "dist") continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (ext.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every property name reachable from this process's globals (ES, Node, and their prototypes). */
function runtimeNames(into: Set<string>): void {
  const seen = new Set<unknown>();
  const visit = (o: unknown, depth: number): void => {
    if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) return;
    seen.add(o);
    for (const k of Reflect.ownKeys(o as object)) {
      if (typeof k !== "string") continue;
      into.add(k);
      // values only, never getters (some throw or return a rejected promise for the wrong receiver)
      if (depth > 0) visit(Object.getOwnPropertyDescriptor(o, k)?.value, depth - 1);
    }
    visit(Object.getPrototypeOf(o), depth);
    if (typeof o === "function") visit((o as { prototype?: unknown }).prototype, depth);
  };
  visit(globalThis, 3);
}

/** The words on the other side of the interpreter's boundaries, and every name JS, the DOM and Node define. */
export function reservedWords(): { reserved: Set<string>; sources: string[] } {
  const reserved = new Set<string>();
  const sources = [
    ...filesUnder(join(ROOT, "apps/web/src"), /\.ts$/),
    ...filesUnder(join(ROOT, "packages/heap/src"), /\.ts$/),
    ...filesUnder(join(ROOT, "packages/core/abi"), /\.ts$/),
    join(ROOT, "packages/python/src/trace/schema.ts"),
    join(ROOT, "packages/python/src/api-types.ts"),
    join(ROOT, "packages/python/trace-schema.json"),
  ];
  // Lit as the page loads it
  // (lit's own dependencies are installed beside it)
  const lit = realpathSync(join(ROOT, "apps/web/node_modules/lit"));
  for (const base of [lit, ...["lit-html", "lit-element", "@lit/reactive-element"].map((p) => join(dirname(lit), p))]) {
    for (const f of readdirSync(base)) if (f.endsWith(".js")) sources.push(join(base, f));
  }
  for (const f of sources) words(readFileSync(f, "utf8"), reserved);
  // terser's list of DOM and ES property names
  words(readFileSync(join(dirname(require.resolve("terser/package.json")), "tools/domprops.js"), "utf8"), reserved);
  runtimeNames(reserved);
  // the WASM core's export and import names
  const mod = new WebAssembly.Module(readFileSync(join(ROOT, "packages/core/build/pyheap.wasm")));
  for (const e of WebAssembly.Module.exports(mod)) words(e.name, reserved);
  for (const i of WebAssembly.Module.imports(mod)) {
    words(i.module, reserved);
    words(i.name, reserved);
  }
  return { reserved, sources };
}

const KEYWORDS = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async of get set".split(" "),
);

/** Plans the renaming of `code` (esbuild's bundle of the interpreter, not minified). */
export function planPropertyMangling(code: string, reserved: Set<string> = reservedWords().reserved): ManglePlan {
  const props = new Map<string, number>();
  const strings = new Set<string>();
  const prop = (n: string): void => void props.set(n, (props.get(n) ?? 0) + 1);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const n = node as Node;
    switch (n.type) {
      case "MemberExpression": {
        const p = n.property as Node;
        if (!n.computed && p.type === "Identifier") prop(p.name as string);
        break;
      }
      case "Property":
      case "MethodDefinition":
      case "PropertyDefinition": {
        const k = n.key as Node;
        if (!n.computed && k.type === "Identifier") prop(k.name as string);
        break;
      }
      case "Literal":
        if (typeof n.value === "string") words(n.value, strings);
        break;
      case "TemplateElement": {
        const v = n.value as { raw: string; cooked: string | null };
        words(v.cooked ?? v.raw, strings);
        break;
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== "type" && v && typeof v === "object") visit(v);
  };
  visit(parseAst(code));

  const chosen = [...props.entries()].filter(([n]) => CAMEL.test(n) && !strings.has(n) && !reserved.has(n));
  // most frequent first; ties by name, so the plan depends only on the code
  chosen.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // a new name is no property name of the chunk (renamed or not), string word, reserved or key word
  const taken = (n: string): boolean => KEYWORDS.has(n) || props.has(n) || strings.has(n) || reserved.has(n);
  const first = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$";
  const rest = first + "0123456789";
  let counter = 0;
  const nextName = (): string => {
    for (;;) {
      let i = counter++;
      let s = first[i % first.length]!;
      i = Math.floor(i / first.length);
      while (i > 0) {
        i--;
        s += rest[i % rest.length]!;
        i = Math.floor(i / rest.length);
      }
      if (!taken(s)) return s;
    }
  };
  const cache: Record<string, string> = {};
  const counts: Record<string, number> = {};
  for (const [n, c] of chosen) {
    cache[n] = nextName();
    counts[n] = c;
  }
  const names = chosen.map(([n]) => n);
  const regex = names.length ? new RegExp(`^(?:${names.join("|")})$`) : /^$/; // (no property is named "")
  return { cache, regex, counts };
}
