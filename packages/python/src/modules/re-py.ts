/**
 * The re module (compiled at `import re`; modules/course.ts hands it over, in the page from the
 * interpreter's on-demand chunk): Python code for Pattern, Match, RegexFlag, re.error, the module's
 * functions and sub's templates (RE_PY), over two natives: `_compile` parses a pattern as python3's
 * sre_parse does (the same re.error messages and positions) and translates it into a JavaScript RegExp
 * (flags `u`, `d`, `y`/`g`), `_exec` runs it on a str from a position up to an end position and gives the
 * groups' spans.
 *
 * The translation keeps python3's meaning where the engines differ: `\d` is `\p{Nd}`, `\w` letters, numbers
 * and `_`, `\s` python3's 29 whitespace characters, `\b`/`\B` are made from that `\w` (and `\B` never
 * matches in an empty string), `.` stops only at `\n`, `$` matches before a final `\n` (with MULTILINE
 * before any `\n`), `^` with MULTILINE only after `\n`, `\A`/`\Z`, `{,n}`, named groups and references,
 * atomic groups `(?>…)` and possessive repeats `*+ ++ ?+ {m,n}+`, scoped `(?s:…)`, `(?m:…)`, `(?x:…)`,
 * `(?a:…)`; findall/finditer/sub/split step past an empty match as python3 does (an empty match right
 * after the previous match is not taken, a longer one at the same place is).
 *
 * Refused with NotImplementedError naming the construct, where JavaScript would match differently:
 * a group that may be skipped in a repeat that can run more than once (`(?:(a)|b)+`: python3 keeps the
 * last value, JavaScript forgets it at each repeat), a repeated group whose body can match the empty
 * string, a backreference to a group that may not have matched (JavaScript matches it as empty) or inside
 * a look-behind, `(?i:…)`/`(?-i:…)` that change IGNORECASE for part of a pattern, conditionals
 * `(?(1)…|…)`, `\N{…}`, IGNORECASE with ASCII on a string with non-ASCII characters, bytes patterns and
 * strings (a str pattern on bytes is python3's TypeError).
 *
 * What differs: Pattern and Match are Python classes of this module (their repr and attributes are
 * python3's; sys.getsizeof of a Match is python3's, 120 + 16 per group, that of a Pattern is not: python3
 * counts its compiled code); finditer returns a generator (python3: a callable_iterator); type(re.I) is
 * `<class 're.RegexFlag'>` (python3: `<flag 'RegexFlag'>`); Pattern.groupindex is a dict (python3: a
 * mappingproxy); python3's FutureWarning for a possible nested set (`[[`) is not given; \w, \d and case
 * folding follow the host's Unicode tables (python3 3.11: Unicode 14), and IGNORECASE folds as JavaScript's
 * simple case folding (python3 matches a few more pairs, such as 'İ' and 'i'); a look-behind's captures
 * are taken right to left; lastindex is worked out from the groups' spans and nesting; the module's frames
 * are left out of a printed traceback.
 */
import type { VM } from "../vm/vm.js";
import type { NativeFn } from "../vm/types.js";
import type { Obj } from "../vm/heap-api.js";

const I = 2, M = 8, S = 16, U = 32, X = 64, A = 256;
const WORD = ["\\p{L}\\p{N}_", "A-Za-z0-9_"];
const DIGIT = ["\\p{Nd}", "0-9"];
const SPACE = ["\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000", "\\t-\\r\\x20"];
const CATS: Record<string, string[]> = { d: DIGIT, w: WORD, s: SPACE };
const ANY = "[\\s\\S]";

/** A pattern's translation: the RegExp source, python3's flags, group count and names, each group's enclosing group. */
interface Compiled {
  src: string;
  flags: number;
  groups: number;
  names: [string, number][];
  parent: number[];
  res: Map<string, RegExp>;
}

class ReError {
  constructor(readonly msg: string, readonly pos: number | null) {}
}

class Refused {
  constructor(readonly what: string) {}
}

interface Part {
  src: string;
  min: number;
  max: number;
  /** a position assertion (^ $ \A \Z \b \B): nothing to repeat */
  at?: boolean;
}

const lit = (c: string): string => (/^[\w ]$/.test(c) || c.codePointAt(0)! > 127 ? c : "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0"));
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isOct = (c: string | undefined) => c !== undefined && c >= "0" && c <= "7";
const isIdent = (s: string) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(s);

/** Parses a str pattern (python3's sre_parse rules and errors) into a RegExp source. */
function translate(pattern: string, flags0: number): Compiled {
  const p = Array.from(pattern);
  let i = 0;
  let flags = flags0;
  let js = 0; // JavaScript's own groups (atomic and possessive forms)
  let condId = 0;
  const names = new Map<string, number>();
  const open = new Set<number>();
  const parent: number[] = [0];
  const cond: number[][] = [[]]; // each group's enclosing constructs that may skip it
  const stack: number[] = [0];
  const lookbehinds: number[] = []; // the open look-behinds: groups before them
  const widths: [number, number][] = []; // each closed group's shortest and longest match
  // the first construct JavaScript would match differently: refused once the whole pattern is read (python3's errors first)
  let refused = "";
  const refuse = (what: string) => void (refused ||= what);
  const alts: [number, number][] = []; // the open alternations: groups before them, before their current branch
  function err(msg: string, pos: number | null = i): never {
    throw new ReError(msg, pos);
  }
  const groupCount = () => cond.length - 1;
  const markCond = (from: number) => {
    const id = ++condId;
    for (let g = from + 1; g <= groupCount(); g++) cond[g]!.push(id);
    return id;
  };
  const ascii = () => (flags & A ? 1 : 0);
  const word = () => `[${WORD[ascii()]}]`;
  const skipVerbose = () => {
    if (!(flags & X)) return;
    for (;;) {
      const c = p[i];
      if (c !== undefined && " \t\n\r\v\f".includes(c)) i++;
      else if (c === "#") {
        while (i < p.length && p[i] !== "\n") i++;
      } else return;
    }
  };
  const hex = (start: number, n: number, kind: string): string => {
    const h = p.slice(i, i + n).join("");
    if (!/^[0-9a-fA-F]*$/.test(h) || h.length < n) {
      const bad = h.match(/^[0-9a-fA-F]*/)![0];
      err(`incomplete escape \\${kind}${bad}`, start);
    }
    i += n;
    const v = parseInt(h, 16);
    if (v > 0x10ffff) err(`bad escape \\${kind}${h}`, start);
    return String.fromCodePoint(v);
  };
  const octal = (start: number, first: string): string => {
    let s = first;
    while (s.length < 3 && isOct(p[i])) s += p[i++];
    const v = parseInt(s, 8);
    if (v > 0o377) err(`octal escape value \\${s} outside of range 0-0o377`, start);
    return String.fromCodePoint(v);
  };
  /** A one-character escape: its character, or null. */
  const simpleEscape = (c: string, start: number): string | null => {
    const e = "\x07\f\n\r\t\v"["afnrtv".indexOf(c)];
    if (e !== undefined) return e;
    if (c === "x") return hex(start, 2, "x");
    if (c === "u") return hex(start, 4, "u");
    if (c === "U") return hex(start, 8, "U");
    if (c === "N") throw new Refused("\\N{...} escapes");
    if (/[A-Za-z]/.test(c)) err(`bad escape \\${c}`, start);
    return null;
  };

  function parseClass(): Part {
    const start = i++;
    let negate = false;
    if (p[i] === "^") (negate = true), i++;
    let pos = "";
    const neg: string[] = [];
    let first = true;
    for (;;) {
      if (i >= p.length) err("unterminated character set", start);
      const at = i;
      let c = p[i++]!;
      if (c === "]" && !first) break;
      first = false;
      // one item: a character (lo) or a category
      let ch: string | null = c;
      let cat = "";
      if (c === "\\") {
        if (i >= p.length) err("bad escape (end of pattern)", at);
        c = p[i++]!;
        if ("dDwWsS".includes(c)) {
          ch = null;
          const set = CATS[c.toLowerCase()]![ascii()]!;
          if (c === c.toLowerCase()) cat = set;
          else neg.push(set);
        } else if (c === "b") ch = "\b";
        else if (isOct(c)) ch = octal(at, c);
        else if (isDigit(c)) err(`bad escape \\${c}`, at);
        else ch = simpleEscape(c, at) ?? c;
      }
      if (p[i] === "-" && p[i + 1] !== undefined && p[i + 1] !== "]") {
        const dash = i++;
        let hi: string | null = p[i++]!;
        let hiText = hi;
        if (hi === "\\") {
          const e = i;
          const c2 = p[i++];
          if (c2 === undefined) err("bad escape (end of pattern)", e - 1);
          hiText = "\\" + c2;
          if ("dDwWsS".includes(c2!)) hi = null;
          else if (c2 === "b") hi = "\b";
          else if (isOct(c2)) hi = octal(e - 1, c2!);
          else if (isDigit(c2)) err(`bad escape \\${c2}`, e - 1);
          else hi = simpleEscape(c2!, e - 1) ?? c2!;
        }
        const loText = p.slice(at, dash).join("");
        if (ch === null || hi === null) err(`bad character range ${loText}-${hiText}`, at);
        if (hi!.codePointAt(0)! < ch!.codePointAt(0)!) err(`bad character range ${loText}-${hiText}`, at);
        pos += lit(ch!) + "-" + lit(hi!);
      } else pos += ch === null ? cat : lit(ch);
    }
    const one = (s: string) => `[${negate ? "^" : ""}${s}]`;
    if (!neg.length) return { src: pos ? one(pos) : negate ? ANY : "(?!)", min: 1, max: 1 };
    const alts = [...(pos ? [`[${pos}]`] : []), ...neg.map((n) => `[^${n}]`)].join("|");
    return { src: negate ? `(?:(?!${alts})${ANY})` : `(?:${alts})`, min: 1, max: 1 };
  }

  function groupRef(g: number, at: number): Part {
    if (open.has(g)) err("cannot refer to an open group", at);
    // python3's backreference to a group that did not match fails; JavaScript's matches the empty string
    if (cond[g]!.length || alts.some(([first, branch]) => g > first && g <= branch)) refuse(`a backreference to group ${g}, which may not take part in the match`);
    if (lookbehinds.length) {
      // python3 checks against the outermost look-behind, at the reference
      if (g > lookbehinds[0]!) err("cannot refer to group defined in the same lookbehind subpattern");
      refuse("a backreference in a look-behind");
    }
    const [min, max] = widths[g] ?? [0, Infinity];
    return { src: `\\k<g${g}>`, min, max };
  }

  function parseEscape(): Part {
    const at = i++;
    if (i >= p.length) err("bad escape (end of pattern)", at);
    const c = p[i++]!;
    const lc = c.toLowerCase();
    if (lc in CATS) {
      const set = CATS[lc]![ascii()];
      return { src: c === lc ? `[${set}]` : `[^${set}]`, min: 1, max: 1 };
    }
    const w = word();
    if (c === "b") return { src: `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`, min: 0, max: 0, at: true };
    if (c === "B") return { src: `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w})(?:(?<=${ANY})|(?=${ANY})))`, min: 0, max: 0, at: true };
    if (c === "A") return { src: "^", min: 0, max: 0, at: true };
    if (c === "Z") return { src: "$", min: 0, max: 0, at: true };
    let ch: string | null;
    if (c === "0") ch = octal(at, c);
    else if (isDigit(c)) {
      if (isDigit(p[i])) {
        if (isOct(c) && isOct(p[i]) && isOct(p[i + 1])) {
          ch = octal(at, c + p[i++]);
          return { src: lit(ch), min: 1, max: 1 };
        }
        const g = Number(c + p[i++]);
        if (g > groupCount()) err(`invalid group reference ${g}`, at + 1);
        return groupRef(g, at);
      }
      const g = Number(c);
      if (g > groupCount()) err(`invalid group reference ${g}`, at + 1);
      return groupRef(g, at);
    } else ch = simpleEscape(c, at) ?? c;
    return { src: lit(ch), min: 1, max: 1 };
  }

  function flagLetters(allowDash: boolean): [number, number] {
    let add = 0, del = 0;
    const bits: Record<string, number> = { i: I, m: M, s: S, x: X, a: A, u: U, L: 4 };
    while (p[i] !== undefined && p[i]! in bits) {
      const c = p[i++]!;
      if (c === "L") err("bad inline flags: cannot use 'L' flag with a str pattern");
      add |= bits[c]!;
      if ((add & (A | U)) === (A | U)) err("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
    }
    if (p[i] === "-" && allowDash) {
      i++;
      if (p[i] === undefined) err("missing flag");
      if (!"imsx".includes(p[i]!)) err(/[A-Za-z]/.test(p[i]!) ? "unknown flag" : "missing flag");
      while (p[i] !== undefined && "imsx".includes(p[i]!)) del |= bits[p[i++]!]!;
      if (add & del) err("bad inline flags: flag turned on and off");
      if (p[i] === undefined) err("missing :");
      if (p[i] !== ":") err(/[A-Za-z]/.test(p[i]!) ? "unknown flag" : "missing :");
    } else if (p[i] === undefined) err("missing -, : or )");
    else if (p[i] !== ")" && p[i] !== ":") err(/[A-Za-z]/.test(p[i]!) ? "unknown flag" : "missing -, : or )");
    return [add, del];
  }

  function parseGroup(seqStart: boolean): Part | null {
    const at = i++;
    let capture = true;
    let name: string | null = null;
    let look = "";
    let atomic = false;
    const saved = flags;
    if (p[i] === "?") {
      i++;
      const c = p[i++];
      if (c === undefined) err("unexpected end of pattern", i - 1);
      if (c === "P") {
        const d = p[i++];
        if (d === undefined) err("unexpected end of pattern", i - 1);
        if (d === "<") {
          const s = i;
          while (i < p.length && p[i] !== ">") i++;
          if (i >= p.length) err("missing >, unterminated name", s);
          name = p.slice(s, i++).join("");
          if (!name) err("missing group name", s);
          if (!isIdent(name)) err(`bad character in group name '${name}'`, s);
        } else if (d === "=") {
          const s = i;
          while (i < p.length && p[i] !== ")") i++;
          if (i >= p.length) err("missing ), unterminated name", s);
          const ref = p.slice(s, i++).join("");
          if (!ref) err("missing group name", s);
          if (!isIdent(ref)) err(`bad character in group name '${ref}'`, s);
          const g = names.get(ref);
          if (g === undefined) err(`unknown group name '${ref}'`, s);
          return groupRef(g!, s);
        } else err(`unknown extension ?P${d}`, at + 1);
      } else if (c === ":") capture = false;
      else if (c === "=" || c === "!") (capture = false), (look = c);
      else if (c === "<") {
        const d = p[i++];
        if (d === undefined) err("unexpected end of pattern", i - 1);
        if (d !== "=" && d !== "!") err(`unknown extension ?<${d}`, at + 1);
        capture = false;
        look = "<" + d;
      } else if (c === ">") (capture = false), (atomic = true);
      else if (c === "#") {
        while (i < p.length && p[i] !== ")") i++;
        if (i >= p.length) err("missing ), unterminated comment", at);
        i++;
        return null;
      } else if (c === "(") throw new Refused("conditional groups (?(1)...|...)");
      else if ("imsxauL-".includes(c!)) {
        i--;
        const [add, del] = flagLetters(true);
        if (p[i] === ")") {
          if (!seqStart) err("global flags not at the start of the expression", at);
          i++;
          flags |= add;
          if ((flags & (A | U)) === (A | U)) err("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
          return null;
        }
        i++;
        if ((add | del) & I && !!(add & I) !== !!(flags & I)) refuse("(?i:...) or (?-i:...) for a part of a pattern");
        flags = ((flags | add) & ~del) & ~(add & A ? U : add & U ? A : 0);
        capture = false;
      } else err(`unknown extension ?${c}`, at + 1);
    }
    let g = 0;
    if (capture) {
      g = cond.length;
      cond.push([]);
      parent.push(stack[stack.length - 1]!);
      if (name !== null) {
        const was = names.get(name);
        if (was !== undefined) err(`redefinition of group name '${name}' as group ${g}; was group ${was}`, i - name.length - 1);
        names.set(name, g);
      }
      open.add(g);
      stack.push(g);
    }
    const atomicName = atomic ? `a${++js}` : "";
    const first = groupCount();
    if (look[0] === "<") lookbehinds.push(first);
    const body = parseAlt();
    if (p[i] !== ")") err("missing ), unterminated subpattern", at);
    if (look[0] === "<") lookbehinds.pop();
    i++;
    flags = saved;
    if (capture) open.delete(g), stack.pop(), (widths[g] = [body.min, body.max]);
    if (look) {
      if (look[0] === "<" && body.min !== body.max) err("look-behind requires fixed-width pattern", null);
      if (look.endsWith("!")) markCond(first);
      return { src: `(?${look}${body.src})`, min: 0, max: 0 };
    }
    if (atomic) return { src: `(?=(?<${atomicName}>${body.src}))\\k<${atomicName}>`, min: body.min, max: body.max };
    return { src: capture ? `(?<g${g}>${body.src})` : `(?:${body.src})`, min: body.min, max: body.max };
  }

  /** `{m,n}` at i (after `{`): [min, max], or null where python3 reads a literal `{`. */
  function braces(): [number, number] | null {
    const s = i;
    let lo = "", hi = "";
    while (isDigit(p[i])) lo += p[i++];
    let comma = false;
    if (p[i] === ",") {
      comma = true;
      i++;
      while (isDigit(p[i])) hi += p[i++];
    } else hi = lo;
    if (p[i] !== "}" || (!comma && !lo)) {
      i = s;
      return null;
    }
    i++;
    const min = lo ? Number(lo) : 0, max = hi ? Number(hi) : Infinity;
    if (min > 4294967294 || (max !== Infinity && max > 4294967294)) err("the repetition number is too large", s);
    if (max < min) err("min repeat greater than max repeat", s);
    return [min, max];
  }

  function parseSeq(first: boolean): Part {
    let src = "", min = 0, max = 0, items = 0;
    for (;;) {
      skipVerbose();
      const c = p[i];
      if (c === undefined || c === "|" || c === ")") break;
      const at = i;
      const groupsBefore = groupCount();
      const condBefore = condId;
      let item: Part | null;
      if (c === "(") item = parseGroup(first && !items);
      else if (c === "[") item = parseClass();
      else if (c === "\\") item = parseEscape();
      else if (c === ".") (i++), (item = { src: flags & S ? ANY : "[^\\n]", min: 1, max: 1 });
      else if (c === "^") (i++), (item = { src: flags & M ? "(?<![^\\n])" : "^", min: 0, max: 0, at: true });
      else if (c === "$") (i++), (item = { src: flags & M ? "(?=\\n|$)" : "(?=\\n?$)", min: 0, max: 0, at: true });
      else if ("*+?".includes(c)) err("nothing to repeat");
      else if (c === "{") {
        i++;
        if (braces()) err("nothing to repeat", at);
        item = { src: lit("{"), min: 1, max: 1 };
      } else (i++), (item = { src: lit(c), min: 1, max: 1 });
      if (item === null) continue;
      items++;
      // a repeat
      skipVerbose();
      let q: [number, number] | null = null;
      const qat = i;
      const r = p[i];
      if (r === "*") (i++), (q = [0, Infinity]);
      else if (r === "+") (i++), (q = [1, Infinity]);
      else if (r === "?") (i++), (q = [0, 1]);
      else if (r === "{") {
        i++;
        q = braces();
        if (!q) i = qat;
      }
      if (q) {
        if (item.at) err("nothing to repeat", qat);
        let mode = "";
        if (p[i] === "?") (i++), (mode = "?");
        else if (p[i] === "+") (i++), (mode = "+");
        skipVerbose();
        if (p[i] !== undefined && "*+?".includes(p[i]!)) err("multiple repeat");
        if (p[i] === "{") {
          const s = i++;
          const b = braces();
          i = s;
          if (b) err("multiple repeat");
        }
        const [lo, hi] = q;
        const hasGroups = groupCount() > groupsBefore;
        if (hasGroups && hi > 1) {
          if (item.min === 0) refuse("a repeated group that can match an empty string");
          for (let g = groupsBefore + 1; g <= groupCount(); g++)
            if (cond[g]!.some((id) => id > condBefore)) refuse(`group ${g} in a repeat where a pass may skip it`);
        }
        if (lo === 0) markCond(groupsBefore);
        const qs = lo === 0 && hi === Infinity ? "*" : lo === 1 && hi === Infinity ? "+" : lo === 0 && hi === 1 ? "?" : `{${lo},${hi === Infinity ? "" : hi}}`;
        let s: string = `(?:${item.src})${qs}`;
        if (mode === "?") s += "?";
        else if (mode === "+") {
          const n = `a${++js}`;
          s = `(?=(?<${n}>${s}))\\k<${n}>`;
        }
        item = { src: s, min: item.min * lo, max: hi === 0 || item.max === 0 ? 0 : item.max * hi };
      }
      src += item.src;
      min += item.min;
      max += item.max;
    }
    return { src, min, max };
  }

  function parseAlt(top = false): Part {
    const g0 = groupCount();
    const alt: [number, number] = [g0, g0];
    alts.push(alt);
    const parts = [parseSeq(top)];
    while (p[i] === "|") {
      i++;
      alt[1] = groupCount();
      parts.push(parseSeq(false));
    }
    alts.pop();
    if (parts.length > 1) markCond(g0);
    return {
      src: parts.map((x) => x.src).join("|"),
      min: Math.min(...parts.map((x) => x.min)),
      max: Math.max(...parts.map((x) => x.max)),
    };
  }

  // the flags of a leading (?x) change how the rest is read
  const top = parseAlt(true);
  if (i < p.length) err(p[i] === ")" ? "unbalanced parenthesis" : "internal error");
  if (refused) throw new Refused(refused);
  if (!(flags & A)) flags |= U;
  return { src: top.src, flags, groups: groupCount(), names: [...names], parent, res: new Map() };
}

/** The natives of the re module: `_parse(pattern, flags)` and `_exec(pattern, flags, string, pos, endpos, mode, advance, again)`. */
export function reNatives(vm: VM): Record<string, NativeFn> {
  const h = vm.h;
  let cache = new Map<string, Compiled>();
  const get = (pat: string, flags: number): Compiled => {
    const key = flags + ":" + pat;
    let c = cache.get(key);
    if (!c) {
      if (cache.size >= 512) cache = new Map();
      c = translate(pat, flags);
      cache.set(key, c);
    }
    return c;
  };
  const int = (n: number) => vm.newInt(BigInt(n));
  // The last string searched and what a search needs of it: a loop (findall, sub, split, a program's own)
  // searches one string many times, and reading it each time made a long string's matches quadratic. Taken
  // again only when a finditer loop says so (`again`): the loop holds the string, so the same address is the
  // same unchanged str. (Not by its hash: computing it runs a str subclass's __hash__ and, cached in the str,
  // keeps a later `s += ...` from growing s in place, which python3's re does neither.)
  // python3's positions count code points, JavaScript's UTF-16 units: p2u and u2p map them where they differ.
  type Text = { o: Obj; n: number; s: string; ascii: boolean; p2u: Int32Array | null; u2p: Int32Array | null };
  let last: Text | null = null;
  const text = (o: Obj, again: boolean): Text => {
    const n = h.strLength(o);
    if (again && last && last.o === o && last.n === n) return last;
    const s = h.readStr(o);
    let p2u: Int32Array | null = null, u2p: Int32Array | null = null;
    if (/[\ud800-\udfff]/.test(s)) {
      p2u = new Int32Array(n + 1);
      u2p = new Int32Array(s.length + 1);
      let p = 0;
      for (let u = 0; u < s.length; p++) {
        p2u[p] = u;
        u2p[u] = p;
        if (s.codePointAt(u)! > 0xffff) u2p[++u] = p;
        u++;
      }
      p2u[p] = s.length;
      u2p[s.length] = p;
    }
    return (last = { o, n, s, ascii: !/[^\0-\x7f]/.test(s), p2u, u2p });
  };
  const refuse = (e: unknown): never => {
    if (e instanceof Refused) vm.raise("NotImplementedError", `re does not support ${e.what}`);
    throw e;
  };
  return {
    _parse: (args) => {
      let c: Compiled;
      try {
        c = get(h.readStr(args[0]!), Number(vm.index(args[1]!)));
      } catch (e) {
        if (e instanceof ReError) return h.newTupleSteal([h.newStr(e.msg), e.pos === null ? vm.none() : int(e.pos)]);
        return refuse(e);
      }
      const names = c.names.map(([n, g]) => h.newTupleSteal([h.newStr(n), int(g)]));
      return h.newTupleSteal([int(c.flags), int(c.groups), h.newTupleSteal(names), h.newTupleSteal(c.parent.map(int))]);
    },
    _exec: (args) => {
      const c = get(h.readStr(args[0]!), Number(vm.index(args[1]!)));
      const t = text(args[2]!, vm.truthy(args[7]!));
      let pos = Number(vm.index(args[3]!)), end = Number(vm.index(args[4]!));
      const mode = Number(vm.index(args[5]!)); // 0 match, 1 search, 2 fullmatch
      const advance = vm.truthy(args[6]!);
      if (c.flags & I && c.flags & A && !t.ascii) refuse(new Refused("IGNORECASE with ASCII on a string with non-ASCII characters"));
      const { p2u, u2p } = t;
      const toUnit = (n: number): number => (p2u ? p2u[n]! : n);
      const toPoint = (u: number): number => (u2p ? u2p[u]! : u);
      const len = p2u ? p2u.length - 1 : t.s.length;
      pos = Math.max(0, Math.min(pos, len));
      end = Math.max(0, Math.min(end, len));
      if (end < pos) return vm.none();
      const subject = end === len ? t.s : t.s.slice(0, toUnit(end));
      const re = (kind: string): RegExp => {
        let r = c.res.get(kind);
        if (!r) {
          const body = kind === "f" ? `(?:${c.src})$` : kind === "n" ? `(?=(?<r0>${ANY}*))(?:${c.src})(?!\\k<r0>$)` : c.src;
          r = new RegExp(body, "du" + (c.flags & I ? "i" : "") + (kind === "s" ? "g" : "y"));
          c.res.set(kind, r);
        }
        return r;
      };
      const run = (r: RegExp, at: number) => {
        r.lastIndex = at;
        return r.exec(subject);
      };
      let at = toUnit(pos);
      let m: RegExpExecArray | null;
      if (mode === 0) m = run(re("m"), at);
      else if (mode === 2) m = run(re("f"), at);
      else if (!advance) m = run(re("s"), at);
      else {
        m = run(re("n"), at);
        if (!m && at < subject.length) m = run(re("s"), at + (subject.codePointAt(at)! > 0xffff ? 2 : 1));
      }
      if (!m) return vm.none();
      const out: number[] = [];
      const span = (ix: [number, number] | undefined) => (ix ? out.push(toPoint(ix[0]), toPoint(ix[1])) : out.push(-1, -1));
      span(m.indices![0]);
      for (let g = 1; g <= c.groups; g++) span(m.indices!.groups![`g${g}`]);
      return h.newTupleSteal(out.map(int));
    },
    _purge: () => {
      cache = new Map();
      return vm.none();
    },
  };
}

/** The module's Python code (over the natives `_parse`, `_exec` and `_purge`). */
export const RE_PY = `
class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        self.lineno = self.colno = None
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            nl = "\\n" if isinstance(pattern, str) else b"\\n"
            self.lineno = pattern.count(nl, 0, pos) + 1
            self.colno = pos - pattern.rfind(nl, 0, pos)
            if nl in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        Exception.__init__(self, msg)


_NAMES = (("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32), ("MULTILINE", 8),
          ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1), ("DEBUG", 128))


class RegexFlag(int):
    __slots__ = ()

    def __repr__(self):
        v = int(self)
        if v < 0:
            return "~" + repr(RegexFlag(~v))
        out = []
        for n, b in _NAMES:
            if v & b:
                out.append("re." + n)
                v &= ~b
        if v:
            out.append(hex(v))
        return "|".join(out) or "re.NOFLAG"

    __str__ = __repr__

    def __format__(self, spec):
        return int.__format__(int(self), spec) if spec else repr(self)

    def __or__(self, other):
        return RegexFlag(int(self) | other) if isinstance(other, int) else NotImplemented

    def __and__(self, other):
        return RegexFlag(int(self) & other) if isinstance(other, int) else NotImplemented

    def __xor__(self, other):
        return RegexFlag(int(self) ^ other) if isinstance(other, int) else NotImplemented

    __ror__, __rand__, __rxor__ = __or__, __and__, __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & 511)


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
DEBUG = RegexFlag(128)

_cache = {}
_MAXREPR = 200
_generic = classmethod(type(list[int]))


def _type_error(string, pattern):
    if isinstance(string, (bytes, bytearray)):
        raise TypeError("cannot use a string pattern on a bytes-like object")
    if not isinstance(string, str):
        raise TypeError("expected string or bytes-like object, got %r" % type(string).__name__)


class Pattern:
    __slots__ = ("pattern", "flags", "groups", "groupindex", "_parent", "__weakref__")
    __class_getitem__ = _generic

    def __init__(self, pattern, flags, info):
        self.pattern = pattern
        self.flags = info[0]
        self.groups = info[1]
        self.groupindex = dict(info[2])
        self._parent = info[3]

    def __repr__(self):
        r = repr(self.pattern)[:_MAXREPR]
        f = self.flags & ~32
        if not f:
            return "re.compile(%s)" % r
        out = []
        for n, b in (("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8), ("DOTALL", 16),
                     ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128), ("ASCII", 256)):
            if f & b:
                out.append("re." + n)
                f &= ~b
        if f:
            out.append(hex(f))
        return "re.compile(%s, %s)" % (r, "|".join(out))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _run(self, string, pos, endpos, mode, advance=False, again=False):
        _type_error(string, self.pattern)
        s = _exec(self.pattern, self.flags, string, pos, endpos, mode, advance, again)
        return None if s is None else Match(self, string, pos, endpos, s)

    def match(self, string, pos=0, endpos=9223372036854775807):
        return self._run(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=9223372036854775807):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=9223372036854775807):
        return self._run(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=9223372036854775807):
        _type_error(string, self.pattern)
        return self._iter(string, pos, endpos)

    def _iter(self, string, pos, endpos):
        n = len(string)
        pos = min(max(pos, 0), n)
        advance = False
        m = None
        while pos <= n:
            m = self._run(string, pos, endpos, 1, advance, m is not None)
            if m is None:
                return
            yield m
            s, pos = m.span()
            advance = s == pos

    def findall(self, string, pos=0, endpos=9223372036854775807):
        out = []
        for m in self.finditer(string, pos, endpos):
            g = m.groups("")
            out.append(m.group() if not g else g[0] if len(g) == 1 else g)
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            f = repl
        elif isinstance(repl, str):
            if "\\\\" not in repl:
                f = None
            else:
                t = _template(self, repl)
                f = lambda m: _expand(m, t)
        else:
            _type_error(repl, self.pattern)
        _type_error(string, self.pattern)
        out = []
        last = n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            s, e = m.span()
            if last < s:
                out.append(string[last:s])
            r = repl if f is None else f(m)
            if r is not None:
                out.append(r)
            last = e
            n += 1
        if last < len(string):
            out.append(string[last:])
        return "".join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        out = []
        last = n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:m.start()])
            out.extend(m.groups())
            last = m.end()
            n += 1
        out.append(string[last:])
        return out

    def scanner(self, string, pos=0, endpos=9223372036854775807):
        raise NotImplementedError("re: Pattern.scanner is not supported")


class Match:
    __slots__ = ("re", "string", "pos", "endpos", "_s")
    __class_getitem__ = _generic

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        n = len(string)
        self.pos = min(max(pos, 0), n)
        self.endpos = min(max(endpos, 0), n)
        self._s = spans

    def _index(self, g):
        if isinstance(g, int) or hasattr(type(g), "__index__") and not isinstance(g, str):
            try:
                i = g.__index__()
            except Exception:
                i = -1
            if 0 <= i <= self.re.groups:
                return i
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def _group(self, g, default=None):
        i = 2 * self._index(g)
        s = self._s[i]
        return default if s < 0 else self.string[s:self._s[i + 1]]

    def group(self, *args):
        if not args:
            return self._group(0)
        if len(args) == 1:
            return self._group(args[0])
        return tuple([self._group(g) for g in args])

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        return tuple([self._group(g, default) for g in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        return {n: self._group(g, default) for n, g in self.re.groupindex.items()}

    def span(self, group=0):
        i = 2 * self._index(group)
        return self._s[i], self._s[i + 1]

    def start(self, group=0):
        return self._s[2 * self._index(group)]

    def end(self, group=0):
        return self._s[2 * self._index(group) + 1]

    @property
    def regs(self):
        return tuple([self.span(g) for g in range(self.re.groups + 1)])

    @property
    def lastindex(self):
        best = None
        s = self._s
        parent = self.re._parent
        for g in range(1, self.re.groups + 1):
            if s[2 * g] < 0:
                continue
            if best is None or s[2 * g + 1] > s[2 * best + 1]:
                best = g
            elif s[2 * g + 1] == s[2 * best + 1]:
                # the same end: the group closed later is the one that encloses the other, else the later one
                a = g
                while a and a != best:
                    a = parent[a]
                if not a:
                    best = g
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        for n, g in self.re.groupindex.items():
            if g == i:
                return n
        return None

    def expand(self, template):
        return _expand(self, _template(self.re, template))

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (self._s[0], self._s[1], repr(self.group())[:50])

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __sizeof__(self):
        return 104 + 16 * self.re.groups


def _template(pattern, repl):
    parts = []
    lit = []
    i = 0
    n = len(repl)
    groups = pattern.groups
    while i < n:
        c = repl[i]
        i += 1
        if c != "\\\\":
            lit.append(c)
            continue
        if i >= n:
            raise error("bad escape (end of pattern)", repl, i - 1)
        c = repl[i]
        i += 1
        g = None
        if c == "g":
            if i >= n or repl[i] != "<":
                raise error("missing <", repl, i)
            j = repl.find(">", i + 1)
            if j < 0:
                raise error("missing >, unterminated name", repl, i + 1)
            name = repl[i + 1:j]
            if not name:
                raise error("missing group name", repl, i + 1)
            if name.isidentifier():
                g = pattern.groupindex.get(name)
                if g is None:
                    raise IndexError("unknown group name %r" % name)
            else:
                # python3 3.11 still takes what int() reads (' 1', '+1'), with a DeprecationWarning
                try:
                    g = int(name)
                except ValueError:
                    g = -1
                if g < 0:
                    raise error("bad character in group name %r" % name, repl, i + 1)
                if g > groups:
                    raise error("invalid group reference %d" % g, repl, i + 1)
            i = j + 1
        elif c == "0":
            v = c
            while len(v) < 3 and i < n and repl[i] in "01234567":
                v += repl[i]
                i += 1
            lit.append(chr(int(v, 8)))
        elif c in "123456789":
            start = i - 1
            if i < n and repl[i] in "0123456789":
                if c in "01234567" and repl[i] in "01234567" and i + 1 < n and repl[i + 1] in "01234567":
                    v = int(repl[i - 1:i + 2], 8)
                    if v > 255:
                        raise error("octal escape value \\\\%s outside of range 0-0o377" % repl[i - 1:i + 2], repl, start - 1)
                    lit.append(chr(v))
                    i += 2
                    continue
                c += repl[i]
                i += 1
            g = int(c)
            if g > groups:
                raise error("invalid group reference %d" % g, repl, start)
        else:
            e = "\\a\\b\\f\\n\\r\\t\\v\\\\"["abfnrtv\\\\".find(c)] if c in "abfnrtv\\\\" else None
            if e is not None:
                lit.append(e)
            elif c.isascii() and c.isalpha():
                raise error("bad escape \\\\" + c, repl, i - 2)
            else:
                lit.append("\\\\" + c)
        if g is not None:
            parts.append("".join(lit))
            lit = []
            parts.append(g)
    parts.append("".join(lit))
    return parts


def _expand(m, parts):
    return "".join([p if isinstance(p, str) else m._group(p, "") for p in parts])


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if isinstance(pattern, (bytes, bytearray)):
        raise NotImplementedError("re: bytes patterns are not supported")
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    if flags & 4:
        raise ValueError("cannot use LOCALE flag with a str pattern")
    if flags & 288 == 288:
        raise ValueError("ASCII and UNICODE flags are incompatible")
    if flags & 128:
        raise NotImplementedError("re: the DEBUG flag is not supported")
    info = _parse(pattern, flags)
    if isinstance(info[0], str):
        raise error(info[0], None if info[1] is None else pattern, info[1])
    p = Pattern(pattern, flags, info)
    if len(_cache) >= 512:
        _cache.clear()
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()
    _purge()


_SPECIAL = frozenset("()[]{}?*+-|^$\\\\.&~# \\t\\n\\r\\v\\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join(["\\\\" + c if c in _SPECIAL else c for c in pattern])
    return bytes(escape(str(pattern, "latin-1")), "latin-1")
`;
