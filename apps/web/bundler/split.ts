/**
 * The interpreter's bundle as two ES modules, so that a browser compiles them at the same time. V8 compiles
 * a script (here, with the compile hint, all of its functions) on one background thread while it streams
 * in; the interpreter's chunk was one script, compiled on one thread while the page's main thread waited
 * for it. Two chunks asked for at the same moment stream and compile on two threads.
 *
 * How: the bundle is esbuild's one flat module, each of its source modules' statements under a
 * `// path` comment. The `part` is the source modules that `roots` use, directly or not (by the top-level
 * names they refer to; with the parser and the compiler as roots, ~40 % of the bundle: lezer, parse/,
 * compile/ and the few helpers they use); the `main` module is everything else, and imports from the part
 * the names it uses of it. The part uses nothing of the main module (it is closed over what it uses, and
 * the build fails if a name of it is assigned in the main module): it runs, whole, before the main module,
 * and as it refers to nothing the main module defines, what it computes is what it computed in place.
 * A split at the level of functions (each function used by the main module crossing as an import) cost
 * ~5 KB gzipped in import and export lists; this one costs a handful of names.
 *
 * Both modules keep the bundle's lines and columns where they hold its code (what the other holds is
 * blanked, the imports and exports come at the end), so the bundle's source map serves both.
 */

/**
 * The part's roots in the interpreter's bundle: the compiler (which brings the parser and lezer). The build
 * may take others from PYHEAP_SPLIT_ROOTS (comma-separated; empty: no split), to measure.
 */
export const SPLIT_ROOTS: readonly string[] = ["packages/python/src/compile/index.ts"];

/** The parts of an ESTree node this needs. */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface SplitResult {
  /** the main module: what is not in the part, importing what it uses of the part from `partId` */
  main: string;
  /** the part: the source modules `roots` use, exporting what the main module uses of them */
  part: string;
  /** the source modules in the part (their `// path` comments) */
  modules: string[];
  /** the part's share of the bundle's characters */
  share: number;
  /** the names the main module imports from the part */
  imports: string[];
}

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && typeof (v as Node).type === "string";

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const key of Object.keys(node)) {
    if (key === "type" || key === "start" || key === "end") continue;
    const v = node[key];
    if (Array.isArray(v)) for (const x of v) isNode(x) && out.push(x);
    else if (isNode(v)) out.push(v);
  }
  return out;
}

/** The names a binding pattern (or assignment target) binds or assigns. */
function patternNames(p: Node | null | undefined, out: string[]): string[] {
  if (!p) return out;
  switch (p.type) {
    case "Identifier":
      out.push(p.name as string);
      break;
    case "ObjectPattern":
      for (const prop of p.properties as Node[]) patternNames(prop.type === "RestElement" ? (prop.argument as Node) : (prop.value as Node), out);
      break;
    case "ArrayPattern":
      for (const el of p.elements as (Node | null)[]) patternNames(el, out);
      break;
    case "RestElement":
      patternNames(p.argument as Node, out);
      break;
    case "AssignmentPattern":
      patternNames(p.left as Node, out);
      break;
  }
  return out;
}

/**
 * Every identifier `node` may read or write as a variable (property names, keys and labels aside; a local
 * that shadows a top-level name counts too, which at worst keeps a module in the part that need not be),
 * and the names it assigns.
 */
function references(node: Node, names: Set<string>, assigned: Set<string>): void {
  const visit = (n: Node): void => {
    switch (n.type) {
      case "Identifier":
        names.add(n.name as string);
        return;
      case "MemberExpression":
        visit(n.object as Node);
        if (n.computed) visit(n.property as Node);
        return;
      case "Property":
      case "MethodDefinition":
      case "PropertyDefinition":
        if (n.computed) visit(n.key as Node);
        if (n.value) visit(n.value as Node);
        return;
      case "LabeledStatement":
        visit(n.body as Node);
        return;
      case "BreakStatement":
      case "ContinueStatement":
      case "MetaProperty":
        return;
      case "AssignmentExpression":
        for (const x of patternNames(n.left as Node, [])) assigned.add(x);
        break;
      case "UpdateExpression":
        for (const x of patternNames(n.argument as Node, [])) assigned.add(x);
        break;
      case "ForInStatement":
      case "ForOfStatement":
        if ((n.left as Node).type !== "VariableDeclaration") for (const x of patternNames(n.left as Node, [])) assigned.add(x);
        break;
    }
    for (const c of children(n)) visit(c);
  };
  visit(node);
}

/** The names a top-level statement declares. */
function declared(s: Node): string[] {
  switch (s.type) {
    case "FunctionDeclaration":
    case "ClassDeclaration":
      return [(s.id as Node).name as string];
    case "VariableDeclaration":
      return (s.declarations as Node[]).flatMap((d) => patternNames(d.id as Node, []));
    case "ImportDeclaration":
      return (s.specifiers as Node[]).map((sp) => (sp.local as Node).name as string);
    default:
      return [];
  }
}

/** `text` with every character but line breaks turned into a space. */
const blank = (text: string): string => text.replace(/[^\n\r]/g, " ");

interface Statement {
  node: Node;
  module: string;
  uses: Set<string>;
  assigns: Set<string>;
}

/**
 * Splits esbuild's flat ES module `code` (`program`, its AST: ESTree with offsets) into a main module and a
 * part: the source modules whose `// path` comment ends with one of `roots`, and those they use. `partId`
 * is the specifier the main module imports the part by. The part also exports each of `expose` (top-level
 * names of its modules) under its own name, for the page.
 */
export function splitModule(code: string, program: Node, roots: readonly string[], partId: string, expose: readonly string[] = []): SplitResult {
  const comments = [...code.matchAll(/^\/\/ (\S.*)$/gm)].map((m) => ({ at: m.index!, path: m[1]!.trim() }));
  const moduleAt = (pos: number): string => {
    let found = "";
    for (const c of comments) {
      if (c.at > pos) break;
      found = c.path;
    }
    return found;
  };
  const statements: Statement[] = [];
  const definedIn = new Map<string, string>();
  for (const node of program.body as Node[]) {
    // the bundle's exports stay with the main module (they are the package's entry)
    if (node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration" || node.type === "ExportDefaultDeclaration") {
      if (node.declaration) throw new Error("the interpreter's bundle exports a declaration in place: update splitModule (apps/web/bundler/split.ts)");
      const uses = new Set<string>();
      for (const sp of (node.specifiers as Node[] | undefined) ?? []) uses.add((sp.local as Node).name as string);
      statements.push({ node, module: "", uses, assigns: new Set() });
      continue;
    }
    const module = moduleAt(node.start);
    const uses = new Set<string>();
    const assigns = new Set<string>();
    references(node, uses, assigns);
    statements.push({ node, module, uses, assigns });
    for (const name of declared(node)) definedIn.set(name, module);
  }

  // the source modules each uses, and the part: the roots' modules and all they use
  const usesOf = new Map<string, Set<string>>();
  for (const s of statements) {
    const set = usesOf.get(s.module) ?? new Set<string>();
    for (const n of s.uses) {
      const m = definedIn.get(n);
      if (m !== undefined && m !== s.module) set.add(m);
    }
    usesOf.set(s.module, set);
  }
  const part = new Set<string>();
  const add = (m: string): void => {
    if (part.has(m)) return;
    part.add(m);
    for (const d of usesOf.get(m) ?? []) add(d);
  };
  for (const root of roots) {
    const found = [...usesOf.keys()].filter((m) => m.endsWith(root));
    if (found.length !== 1) throw new Error(`the interpreter's bundle has ${found.length} modules ending with ${root}: update the split's roots (apps/web/vite.config.ts)`);
    add(found[0]!);
  }
  if (part.has("")) throw new Error("the split's part would hold code before the bundle's first module comment: update splitModule (apps/web/bundler/split.ts)");

  const mainParts: string[] = [];
  const partParts: string[] = [];
  const imports = new Set<string>();
  let at = 0;
  let partChars = 0;
  for (const s of statements) {
    const { start, end } = s.node;
    const gap = code.slice(at, start);
    const text = code.slice(start, end);
    mainParts.push(gap);
    partParts.push(blank(gap));
    if (part.has(s.module)) {
      mainParts.push(blank(text));
      partParts.push(text);
      partChars += end - start;
    } else {
      mainParts.push(text);
      partParts.push(blank(text));
      for (const n of s.uses) if (part.has(definedIn.get(n) ?? "")) imports.add(n);
      // an import cannot be assigned
      for (const n of s.assigns) if (part.has(definedIn.get(n) ?? "")) throw new Error(`${s.module || "the bundle's exports"} assigns ${n}, of ${definedIn.get(n)} in the split's part: update splitModule (apps/web/bundler/split.ts)`);
    }
    at = end;
  }
  mainParts.push(code.slice(at));
  partParts.push(blank(code.slice(at)));

  // exported under short names: the part is a chunk the page imports on its own, whose export names the
  // bundler keeps as they are given
  const names = [...imports].sort();
  const short = names.map((_, i) => shortName(i));
  for (const n of expose) if (!part.has(definedIn.get(n) ?? "")) throw new Error(`the split's part does not hold ${n}, which it should export: update the split (apps/web/vite.config.ts)`);
  return {
    main: `${mainParts.join("")}\nimport { ${names.map((n, i) => `${short[i]} as ${n}`).join(", ")} } from ${JSON.stringify(partId)};\n`,
    part: `${partParts.join("")}\nexport { ${[...names.map((n, i) => `${n} as ${short[i]}`), ...expose].join(", ")} };\n`,
    modules: [...part].sort(),
    share: partChars / code.length,
    imports: names,
  };
}

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** `a`…`Z`, then `aa`, `ab`…: the `i`th export name. */
function shortName(i: number): string {
  let name = "";
  for (let n = i; ; n = Math.floor(n / LETTERS.length) - 1) {
    name = LETTERS[n % LETTERS.length] + name;
    if (n < LETTERS.length) return name;
  }
}
