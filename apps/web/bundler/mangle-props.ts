/**
 * Shorter property names for the interpreter's chunk. The interpreter's classes and records are read
 * and written through ~1,900 property names (`vm.typeError`, `h.newRef`, `ti.kindOf`, `node.expr`…),
 * which no minifier shortens on its own. This plans a renaming of the ones that are safe to rename, from
 * the chunk esbuild has bundled (before minification), and esbuild applies it (`mangleProps` with the
 * plan's exact names and `mangleCache` with their new ones), so the same plan gives the same names in
 * every build that uses it (the page's, the library's, and the Node bundle test/mangled-corpus.test.ts
 * runs the corpus through).
 *
 * A name is renamed only when all of these hold:
 * - it is camelCase with a lower-case first letter (`typeError`, `newRef`), or one lower-case word
 *   (`expr`, `localsplus`) that no object literal of the chunk has as a key. Every name a Python program
 *   can reach through a string at run time is snake_case, capitalised, or one word, and the tables of
 *   Python methods and module functions, which are read by key (`Object.entries`), are object literals:
 *   `append`, `__init__`, `ZeroDivisionError`, `f_locals`, `getrefcount` keep their names;
 * - it is never a word of a string or template literal of the chunk: a name looked up through a string
 *   (`o["typeName"]`, `"kindOf" in o`, a list of keys to skip) keeps its name everywhere;
 * - it is never a word of the code on the other side of the chunk's boundaries, whose objects the chunk
 *   reads or fills in: the heap binding (@pyheap/heap and the core's ABI, which stay imports), the page's
 *   element (which reads RunResult and the trace; apps/web/src), the trace's schema and the public API
 *   (schema.ts, api-types.ts, trace-schema.json), Lit, and the WASM core's export and import names;
 * - it is not a property of anything JavaScript itself or Node define (every own and prototype property
 *   reachable from this process's globals). The DOM's names (terser's list of DOM properties) are not
 *   held back: the interpreter meets no DOM object (it runs the same in Node, where the corpus test runs
 *   it renamed), and the element, which does, is on the other side of the boundary (its words are held
 *   back above). Holding them back kept 57 of the interpreter's names (lezer's `parent`, `nextSibling`,
 *   `firstChild`, the VM's `emit`…) whole: ~2.7 KB minified.
 * New names are the shortest that are no property name of the chunk, none of its string literals, no
 * property name or string word of the code across its boundaries (parsed), and no name of JavaScript or
 * Node; the most frequent name gets the shortest. test/mangled-corpus.test.ts runs the whole corpus
 * through a Node bundle renamed by the same plan and compares every output with CPython's.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { parseAst } from "vite";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** camelCase, lower-case first letter: the only names renamed (see above). */
const CAMEL = /^[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*$/;
/** one lower-case word: renamed only when no object literal has it as a key (see above) */
const LOWER = /^[a-z][a-z0-9]*$/;
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

/** The words on the other side of the interpreter's boundaries, and every name JS and Node define. */
export function reservedWords(): { reserved: Set<string>; taken: Set<string> } {
  const reserved = new Set<string>();
  // names a new name must not be: reserved ones, but of the boundary's code only its property names and
  // string words (its local variables and Lit's, minified, are no property of anything the chunk meets)
  const taken = new Set<string>();
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
  for (const f of sources) {
    const text = readFileSync(f, "utf8");
    words(text, reserved);
    if (f.endsWith(".ts") && !/(schema|api-types)\.ts$/.test(f)) {
      const c = collect(transformSync(text, { loader: "ts" }).code);
      for (const n of [...c.props.keys(), ...c.strings]) taken.add(n);
    } else if (!f.endsWith(".js")) words(text, taken);
  }
  // every name reachable from this process's globals (ES and Node; not the DOM's, see the header)
  const builtin = new Set<string>();
  runtimeNames(builtin);
  // the WASM core's export and import names
  const mod = new WebAssembly.Module(readFileSync(join(ROOT, "packages/core/build/pyheap.wasm")));
  for (const e of WebAssembly.Module.exports(mod)) words(e.name, builtin);
  for (const i of WebAssembly.Module.imports(mod)) {
    words(i.module, builtin);
    words(i.name, builtin);
  }
  for (const n of builtin) {
    reserved.add(n);
    taken.add(n);
  }
  return { reserved, taken };
}

const KEYWORDS = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await async of get set".split(" "),
);

interface Collected {
  /** property names (member accesses, object literal and pattern keys, class members), with counts */
  props: Map<string, number>;
  /** the words of every string and template literal */
  strings: Set<string>;
  /** the keys of object literals */
  literalKeys: Set<string>;
  /** string literals that are a name as a whole (`"kind"`, `"e"`): what can reach `o[k]` as a key */
  wholeStrings: Set<string>;
}

/** The property names and string words of JavaScript `code`. */
function collect(code: string): Collected {
  const c: Collected = { props: new Map(), strings: new Set(), literalKeys: new Set(), wholeStrings: new Set() };
  const prop = (n: string): void => void c.props.set(n, (c.props.get(n) ?? 0) + 1);
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
      case "ObjectExpression":
        for (const p of n.properties as Node[]) {
          const k = p.key as Node | undefined;
          if (p.type === "Property" && !p.computed && k?.type === "Identifier") c.literalKeys.add(k.name as string);
          // a quoted key is a string a lookup may use too
          if (p.type === "Property" && k?.type === "Literal" && typeof k.value === "string") c.wholeStrings.add(k.value);
        }
        break;
      case "Property":
      case "MethodDefinition":
      case "PropertyDefinition": {
        const k = n.key as Node;
        if (!n.computed && k.type === "Identifier") prop(k.name as string);
        break;
      }
      case "Literal":
        if (typeof n.value === "string") {
          words(n.value, c.strings);
          if (/^[A-Za-z_$][\w$]*$/.test(n.value)) c.wholeStrings.add(n.value);
        }
        break;
      case "TemplateElement": {
        const v = n.value as { raw: string; cooked: string | null };
        words(v.cooked ?? v.raw, c.strings);
        if (/^[A-Za-z_$][\w$]*$/.test(v.cooked ?? v.raw)) c.wholeStrings.add(v.cooked ?? v.raw);
        break;
      }
    }
    for (const [k, v] of Object.entries(n)) if (k !== "type" && v && typeof v === "object") visit(v);
  };
  visit(parseAst(code));
  return c;
}

/** Plans the renaming of `code` (esbuild's bundle of the interpreter, not minified). */
export function planPropertyMangling(code: string, { reserved, taken: takenOutside } = reservedWords()): ManglePlan {
  const { props, strings, literalKeys, wholeStrings } = collect(code);

  const chosen = [...props.entries()].filter(([n]) => (CAMEL.test(n) || (LOWER.test(n) && !literalKeys.has(n))) && !strings.has(n) && !reserved.has(n));
  // most frequent first; ties by name, so the plan depends only on the code
  chosen.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // a new name is no property name of the chunk (renamed or not), none of its string literals (a key it
  // may look up with `o[k]`), no key word, nor a property name or string word of the code across its
  // boundaries or of JS and Node
  const taken = (n: string): boolean => KEYWORDS.has(n) || props.has(n) || wholeStrings.has(n) || takenOutside.has(n);
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
