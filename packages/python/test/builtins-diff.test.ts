/**
 * Builtin types against python3, one small snippet at a time: identity (`is`), values, reprs, exception
 * types and messages of bytes, bytearray, str, list, dict, set, int, float and tuple operations and methods.
 *
 * Each group becomes one program in which every snippet runs inside its own try/except and prints its
 * number with the repr of its value (or the exception's type and message). The program runs in real python3
 * (the expected output) and in `runDetailed()`; the lines are compared one by one, labelled with the snippet,
 * and the heap must be leak-free and consistent afterwards.
 *
 * A snippet is an expression, or `SETUP ;; EXPR` where SETUP is one or more statements separated by `; `.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runDetailed } from "../src/index.js";

const python = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" }).trim();
const dir = mkdtempSync(join(tmpdir(), "pyheap-builtins-diff-"));

function cpython(name: string, source: string): { stdout: string; stderr: string; status: number } {
  writeFileSync(join(dir, name), source);
  const r = spawnSync(python, [name], { cwd: dir, encoding: "utf8", env: { ...process.env, PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1" } });
  return { stdout: r.stdout, stderr: r.stderr.split(dir + "/").join(""), status: r.status ?? -1 };
}

/** The program of one group: each snippet in its own try/except, printing `N: repr` or `N! Type: message`. */
function program(snippets: string[]): string {
  const out: string[] = [];
  snippets.forEach((s, i) => {
    const cut = s.lastIndexOf(" ;; ");
    const setup = cut >= 0 ? s.slice(0, cut).split("; ") : [];
    const expr = cut >= 0 ? s.slice(cut + 4) : s;
    out.push("try:");
    for (const st of setup) out.push(`    ${st}`);
    out.push(`    print('${i}:', repr(${expr}))`);
    out.push("except Exception as e:");
    out.push(`    print('${i}!', type(e).__name__ + ':', e)`);
  });
  return out.join("\n") + "\n";
}

/** Output lines labelled with their snippets, so a difference names the snippet that shows it. */
function label(stdout: string, snippets: string[]): string[] {
  return stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => {
      const m = /^(\d+)([:!])(.*)$/.exec(l);
      return m ? `${snippets[Number(m[1])]} ${m[2] === ":" ? "=>" : "raises"}${m[3]}` : l;
    });
}

const groups: [string, string[]][] = [
  [
    "bytes constructors: the shared empty and one-byte objects, or fresh ones",
    [
      "bytes(0) is b''",
      "bytes() is b''",
      "bytes([]) is b''",
      "bytes(()) is b''",
      "bytes('', 'ascii') is b''",
      "bytes(1) is bytes(1)",
      "bytes([65]) is bytes([65])",
      "bytes((65,)) is bytes((65,))",
      "bytes('A', 'ascii') is bytes('A', 'ascii')",
      "bytes(iter([65])) is bytes(iter([65]))",
      "bytes(range(65, 66)) is bytes(range(65, 66))",
      "bytes(bytearray(b'A')) is bytes(bytearray(b'A'))",
      "bytes(bytearray(b'AB'))",
      "x = b'ab' ;; bytes(x[:1]) is x[:1]",
      "x = b'ab' ;; x[0:1] is x[0:1]",
      "x = b'ab' ;; x[::2] is x[::2]",
      "x = b'ab' ;; x[:1].upper() is x[:1].upper()",
      "bytes.fromhex('41') is bytes.fromhex('41')",
      "'A'.encode() is 'A'.encode()",
      "bytes(3)",
      "bytes(-1)",
      "bytes('abc')",
      "bytes('é', 'utf-8')",
      "bytes('é', 'latin-1')",
      "bytes([256])",
      "bytes([-1])",
      "bytes(['a'])",
      "bytes(1.5)",
      "bytes(None)",
      "bytes(b'x', 'ascii')",
      "bytes(3, 'ascii')",
      "bytes([1, 2], errors='strict')",
      "bytes(x for x in [104, 105])",
      "bytes({1: 2})",
    ],
  ],
  [
    "bytes methods: which results are the receiver itself and which are new",
    [
      "y = b'A' ;; y.lower() is y.lower()",
      "y = b'A' ;; y.upper() is y",
      "y = b'A' ;; y.strip() is y",
      "y = b'A' ;; y.replace(b'B', b'C') is y",
      "y = b'A' ;; y * 1 is y",
      "y = b'A' ;; y + b'' is y",
      "y = b'A' ;; y.ljust(1) is y",
      "y = b'A' ;; y.center(1) is y",
      "y = b'A' ;; y.zfill(1) is y",
      "y = b'A' ;; b'AB'.split(b'B')[0] is b'AB'.split(b'B')[0]",
      "y = b'A' ;; b'x'.join([y]) is y",
      "y = b'A' ;; b''.join([y]) is y",
      "y = b'A' ;; b'-'.join([y]) is y",
      "b''.join([b'a', b'']) is b'a'",
      "y = b'A' ;; y.title() is y.title()",
      "y = b'A' ;; y.swapcase() is y.swapcase()",
      "y = b'A' ;; y.capitalize() is y.capitalize()",
      "y = b'A' ;; y.expandtabs() is y",
      "x = b'ab' ;; x.partition(b'b')[0] is x.partition(b'b')[0]",
      "x = b'ab' ;; x.rpartition(b'a')[2] is x.rpartition(b'a')[2]",
      "y = b'A' ;; y.translate(None) is y",
      "y = b'A' ;; y.removeprefix(b'') is y",
      "y = b'A' ;; y.removesuffix(b'') is y",
      "y = b'A' ;; y.lstrip() is y",
      "y = b'A' ;; y.rstrip() is y",
    ],
  ],
  [
    "bytes methods: values and errors",
    [
      "b'Hello World'.lower()", "b'Hello World'.upper()", "b'hello wORLD'.title()", "b'hELLO'.capitalize()", "b'HeLLo1'.swapcase()",
      "b'abc'.isalpha()", "b'ab1'.isalnum()", "b'12'.isdigit()", "b''.isdigit()", "b' \\t'.isspace()", "b'Ab Cd'.istitle()", "b'ab1'.islower()", "b'AB'.isupper()", "b'\\x80'.isascii()", "b''.isascii()",
      "b'abcabc'.find(b'c')", "b'abcabc'.rfind(b'c')", "b'abcabc'.find(99)", "b'abc'.find(b'', 3)", "b'abc'.find(b'', 4)", "b'abcabc'.find(b'c', 3, 5)", "b'abcabc'.find(b'c', -2)",
      "b'abc'.index(b'x')", "b'abc'.rindex(b'x')", "b'abc'.find('a')", "b'abc'.find(256)", "b'abc'.find(b'a', 'x')",
      "b'aaaa'.count(b'aa')", "b'abc'.count(b'')", "b'abc'.count(b'', 1)", "b'abcb'.count(98)", "b'abc'.count(b'', 5)",
      "b'abc'.startswith(b'ab')", "b'abc'.startswith((b'x', b'a'))", "b'abc'.endswith(b'bc', 0, 2)", "b'abc'.startswith(b'', 3)", "b'abc'.startswith(b'', 4)", "b'abc'.startswith('a')", "b'abc'.endswith(['a'])",
      "b'  ab  '.strip()", "b'xxabyy'.strip(b'xy')", "b'  ab  '.lstrip()", "b'  ab  '.rstrip()", "b'ab'.strip('a')", "b'\\x0bab\\x0c'.strip()",
      "b'ab'.center(7, b'*')", "b'ab'.center(6)", "b'abc'.center(6)", "b'ab'.ljust(5, b'-')", "b'ab'.rjust(5)", "b'ab'.center(5, 'x')", "b'ab'.center(5, b'xy')", "b'ab'.ljust(2.0)",
      "b'-42'.zfill(6)", "b'+4'.zfill(4)", "b'42'.zfill(1)", "b''.zfill(3)",
      "b'a b  c'.split()", "b'  a b  '.split(None, 1)", "b'a,b,,c'.split(b',')", "b'a,b,c'.split(b',', 1)", "b'a,b,c'.rsplit(b',', 1)", "b'  a b  c '.rsplit(None, 1)", "b'abc'.split(b'')", "b'abc'.split(',')", "b'a b'.split(maxsplit=0)", "b'a,b'.split(sep=b',')",
      "b'a\\nb\\r\\nc\\rd'.splitlines()", "b'a\\nb\\r\\n'.splitlines(True)", "b''.splitlines()", "b'x\\n'.splitlines(keepends=True)",
      "b'a=b=c'.partition(b'=')", "b'a=b=c'.rpartition(b'=')", "b'abc'.partition(b'x')", "b'abc'.rpartition(b'x')", "b'abc'.partition(b'')", "b'abc'.partition('b')",
      "b'-'.join([b'a', b'b', bytearray(b'c')])", "b''.join([])", "b'-'.join([b'a', 'b'])", "b'-'.join(5)", "b', '.join(x for x in [b'1', b'2'])",
      "b'aXbXc'.replace(b'X', b'--')", "b'aaa'.replace(b'a', b'b', 2)", "b'abc'.replace(b'', b'-')", "b'abc'.replace(b'b', b'')", "b'abc'.replace('b', b'')",
      "b'a\\tbc\\td'.expandtabs()", "b'a\\tb'.expandtabs(4)", "b'ab\\n\\tc'.expandtabs(2)",
      "b'abc'.translate(bytes.maketrans(b'ab', b'xy'))", "b'abc'.translate(None, b'b')", "b'abc'.translate(b'x')", "bytes.maketrans(b'a', b'bc')",
      "b'abc'.removeprefix(b'ab')", "b'abc'.removesuffix(b'bc')", "b'abc'.removeprefix(b'x')",
      "b'caf\\xc3\\xa9'.decode()", "b'\\xff'.decode()", "b'a\\xc3'.decode()", "b'\\xe2\\x28\\xa1'.decode()", "b'\\xff'.decode('latin-1')", "b'\\xffa'.decode('ascii')", "b'\\xffa'.decode('ascii', 'replace')", "b'a\\xffb'.decode('utf-8', 'ignore')", "b'a'.decode('nope')", "b'abc'.decode(encoding='ascii')",
      "b'\\x01\\xab'.hex()", "b'\\x01\\x02\\x03'.hex(':')", "b'\\x01\\x02\\x03'.hex('-', 2)", "b'\\x01\\x02\\x03'.hex('-', -2)",
      "bytes.fromhex('41 42ff')", "bytes.fromhex('4')", "bytes.fromhex('4x')", "bytes.fromhex(' 41 ')", "bytearray.fromhex('4142')",
      "b'abc'[1]", "b'abc'[-1]", "b'abc'[3]", "b'abc'['a']", "b'abcdef'[::2]", "b'abc'[::-1]",
      "b'ab' + b'cd'", "b'ab' + 'cd'", "b'ab' + 1", "b'ab' * 3", "3 * b'ab'", "b'ab' * -1", "b'ab' * 1.5",
      "b'b' in b'abc'", "98 in b'abc'", "256 in b'abc'", "'a' in b'abc'", "bytearray(b'b') in b'abc'",
      "b'abc' < b'abd'", "b'ab' < b'abc'", "b'b' > b'abc'", "b'a' == 'a'", "b'a' < 'a'",
      "len(b'abc')", "list(b'ab')", "hash(b'ab') == hash(b'ab')", "bytes(5)", "bytes([1, 2, 255])", "repr(b'\\x00\\'\\\"\\n\\x7f')",
    ],
  ],
  [
    "bytearray: construction, mutation, operations",
    [
      "bytearray()", "bytearray(3)", "bytearray(b'ab')", "bytearray([1, 2])", "bytearray('ab', 'ascii')", "bytearray('ab')", "bytearray(-1)", "bytearray(1.0)", "bytearray([300])",
      "bytes(bytearray(b'xy'))", "list(bytearray(b'xy'))", "type(iter(bytearray())).__name__", "len(bytearray(b'abc'))",
      "a = bytearray(b'abc'); a.append(100) ;; a", "a = bytearray(b'abc'); a.append(256) ;; a", "a = bytearray(b'abc'); a.append('x') ;; a",
      "a = bytearray(b'abc'); a.extend(b'de') ;; a", "a = bytearray(b'abc'); a.extend([1, 2]) ;; a", "a = bytearray(b'abc'); a.extend('x') ;; a", "a = bytearray(b'abc'); a.extend(5) ;; a",
      "a = bytearray(b'abc'); a.insert(1, 120) ;; a", "a = bytearray(b'abc'); a.insert(-10, 120) ;; a",
      "a = bytearray(b'abc') ;; (a.pop(), a)", "a = bytearray(b'abc') ;; (a.pop(0), a)", "a = bytearray() ;; a.pop()", "a = bytearray(b'a') ;; a.pop(5)",
      "a = bytearray(b'abc'); a.remove(98) ;; a", "a = bytearray(b'abc') ;; a.remove(120)",
      "a = bytearray(b'abc'); a.reverse() ;; a", "a = bytearray(b'abc'); a.clear() ;; a", "a = bytearray(b'abc') ;; (a.copy(), a.copy() is a)",
      "a = bytearray(b'abc') ;; a[1]", "a = bytearray(b'abc') ;; a[-4]", "a = bytearray(b'abcd') ;; a[1:3]", "a = bytearray(b'abcd') ;; a[::2]",
      "a = bytearray(b'abc'); a[0] = 65 ;; a", "a = bytearray(b'abc'); a[0] = 256 ;; a", "a = bytearray(b'abc'); a[1:2] = b'XYZ' ;; a", "a = bytearray(b'abcd'); a[::2] = b'XY' ;; a", "a = bytearray(b'abcd'); a[::2] = b'X' ;; a", "a = bytearray(b'abc'); a[5] = 1 ;; a",
      "a = bytearray(b'abc'); del a[0] ;; a", "a = bytearray(b'abcd'); del a[::2] ;; a", "a = bytearray(b'abc'); del a[3] ;; a",
      "a = bytearray(b'ab'); b = a; a += b'cd' ;; (a, b is a)", "a = bytearray(b'ab'); a *= 2 ;; a", "bytearray(b'ab') + b'c'", "b'c' + bytearray(b'ab')", "bytearray(b'ab') * 2", "2 * bytearray(b'ab')", "bytearray(b'ab') + 'c'",
      "bytearray(b'ab') == b'ab'", "b'ab' == bytearray(b'ab')", "bytearray(b'a') < b'b'", "bytearray(b'ab') != bytearray(b'ab')",
      "98 in bytearray(b'abc')", "b'bc' in bytearray(b'abc')", "'b' in bytearray(b'abc')",
      "hash(bytearray())", "bytearray(b'Ab').upper()", "bytearray(b' a ').strip()", "bytearray(b'a,b').split(b',')", "bytearray(b'ab').decode()", "bytearray(b'abc').find(b'c')", "bytearray(b'a').join([b'x', b'y'])",
      "bytearray(b'ab').replace(b'a', b'z')", "bytearray(b'ab').partition(b'a')", "bytearray(b'ab').hex()", "bytearray(b'ab').startswith(b'a')",
      "import sys ;; (sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b'abc')))",
    ],
  ],
  [
    "str: methods, identity of unchanged results, errors",
    [
      "s = 'abc' ;; s.strip() is s", "s = 'abc' ;; s.lower() is s", "s = 'ABC' ;; s.upper() is s", "s = 'abc' ;; s.replace('x', 'y') is s", "s = 'abc' ;; s.ljust(2) is s", "s = 'abc' ;; s.center(3) is s", "s = 'abc' ;; s.zfill(3) is s",
      "s = 'abc' ;; s.removeprefix('x') is s", "s = 'abc' ;; s.split()[0] is s", "s = 'abc' ;; s.partition('x')[0] is s", "s = 'abc' ;; ''.join([s]) is s", "s = 'abc' ;; s[:] is s", "s = 'abc' ;; s * 1 is s", "s = 'abc' ;; s + '' is s", "s = 'abc' ;; str(s) is s", "s = 'abc' ;; s.expandtabs() is s", "s = 'abc' ;; s.title() is s", "s = 'Abc' ;; s.capitalize() is s", "s = 'abc' ;; s.swapcase() is s", "s = 'abc' ;; s.casefold() is s", "s = 'abc' ;; s.translate({}) is s", "s = 'abc' ;; format(s) is s", "s = 'abc' ;; f'{s}' is s", "s = 'abc' ;; s.format() is s",
      "'a,b,,c'.split(',')", "'  a  b '.split()", "'a b c'.rsplit(None, 1)", "'a\\nb\\r\\nc'.splitlines(True)", "'abc'.split('')", "'ab'.split(1)", "'abc'.find('c', -1)", "'abc'.index('x')", "'abc'.rindex('x')", "'abc'.count('')", "'aaa'.count('a', 1)",
      "'abc'.startswith(('x', 'a'))", "'abc'.startswith(['a'])", "'abc'.endswith('c', 0, 2)", "'ab'.center(5, '*')", "'ab'.center(5, '**')", "'ab'.ljust('3')", "'-5'.zfill(4)", "'x'.join([1])", "'x'.join(5)", "'%s-%d' % ('a', 3)", "'%d' % 'x'", "'%s %s' % ('a',)", "'%s' % ('a', 'b')",
      "'abc'.replace('', '-')", "'aaa'.replace('a', 'b', 2)", "'Hello World'.title()", "'hello'.capitalize()", "'ß'.upper()", "'İ'.lower()", "'ǅ'.istitle()", "'abc'.isidentifier()", "'1a'.isidentifier()", "'½'.isnumeric()", "'½'.isdigit()", "'²'.isdigit()", "'²'.isdecimal()", "''.isspace()", "'\\x1f'.isprintable()",
      "'{} {}'.format(1)", "'{0} {x}'.format(1, x=2)", "'{:>5}'.format('a')", "'{!r}'.format('a')", "'{a.b}'.format(a=1)", "'{}'.format_map({})", "'{x}'.format_map({'x': 1})",
      "'abc'.encode('ascii')", "'é'.encode('ascii')", "'é'.encode('latin-1')", "'€'.encode('latin-1')", "'abc'.encode('nope')", "str(b'ab')", "str(b'ab', 'ascii')", "str(b'\\xff', 'utf-8')", "str(1, 'ascii')",
      "'abc'[5]", "'abc'['x']", "'abc'[1:10:2]", "'abc' + 1", "'abc' * 'x'", "'a' < 1", "'abc'.removeprefix('ab')", "'abc'.removesuffix('bc')", "'a\\tb'.expandtabs(4)", "str.maketrans('ab', 'xy')", "'abc'.translate(str.maketrans('ab', 'xy', 'c'))", "str.maketrans('ab', 'x')",
      "'abc'.partition('')", "'a-b-c'.rpartition('-')", "ord('ab')", "ord('')", "chr(-1)", "chr(0x110000)", "'abc'.strip(1)", "' x '.strip(None)", "'abc'.casefold()", "'ΣΑΣ'.lower()",
    ],
  ],
  [
    "list and tuple: methods, errors, identity",
    [
      "l = [1, 2, 3]; l.insert(-10, 0) ;; l", "l = [1, 2, 3] ;; l.pop(5)", "[].pop()", "l = [1, 2] ;; l.remove(3)", "[1, 2].index(3)", "[1, 2, 1].index(1, 1)", "[1, 2, 1].index(1, 1, 2)", "[1, 2].count(1)",
      "l = [3, 1, 2]; l.sort(reverse=True) ;; l", "l = [3, 1, 2] ;; l.sort(1)", "l = [1, 'a'] ;; l.sort()", "l = [1, 2] ;; l.sort(key=lambda x: -x) or l", "sorted([3, 1], reverse=1)",
      "l = [1, 2]; l.extend(range(3)) ;; l", "l = [1]; l.extend(5) ;; l", "l = [1, 2, 3, 4]; l[1:3] = 'ab' ;; l", "l = [1, 2, 3, 4]; l[::2] = [9] ;; l", "l = [1, 2, 3, 4]; del l[::2] ;; l", "l = [1, 2]; l[5] = 1 ;; l",
      "[1, 2] + (3,)", "[1] * -1", "[1, 2] == [1, 2.0]", "[1, 2] < [1, 3]", "[1] < (1,)", "l = [1] ;; l.copy() is l", "l = [1]; l.clear() ;; l", "l = [1, 2, 3]; l.reverse() ;; l", "list(range(3)) * 2", "[1, [2]][1][0]",
      "(1, 2).index(3)", "(1, 2, 1).count(1)", "(1,) + [2]", "(1, 2) * 0 is ()", "t = (1, 2) ;; t * 1 is t", "t = (1, 2) ;; t[:] is t", "t = (1, 2) ;; tuple(t) is t", "t = (1, 2) ;; t + () is t", "(1, 2)[5]", "hash((1, 2)) == hash((1, 2))", "hash((1, [2]))", "tuple([1, 2])", "tuple('ab')", "tuple(1)",
      "() is ()", "tuple() is ()", "tuple([]) is ()", "x = [] ;; tuple(x) is ()", "(1, 2) < (1, 2, 3)", "(1, 'a') < (1, 2)", "list('ab')", "list(1)", "list(None)", "[].index(1)", "[1, 2, 3][::-1]", "[1, 2, 3][-5:5]", "[1, 2, 3]['a']", "len([1, 2])", "[1, 2].__len__()", "[0] * 3 == [0, 0, 0]",
    ],
  ],
  [
    "dict and set: methods, errors, views",
    [
      "{}['x']", "d = {'a': 1} ;; d.pop('b')", "d = {'a': 1} ;; d.pop('b', 2)", "{}.popitem()", "d = {'a': 1, 'b': 2} ;; d.popitem()", "d = {} ;; d.setdefault('a', []) is d['a']", "d = {'a': 1}; d.update(b=2) ;; d", "d = {'a': 1}; d.update([('c', 3)]) ;; d", "d = {}; d.update(1) ;; d", "d = {}; d.update([1]) ;; d",
      "dict.fromkeys('ab', 0)", "dict([(1, 2)], x=3)", "dict(a=1)", "dict([1])", "{'a': 1} | {'b': 2}", "d = {'a': 1}; d |= {'a': 2} ;; d", "{'a': 1} == {'a': 1.0}", "{'a': 1} < {'a': 1}", "list({'a': 1, 'b': 2}.items())", "sorted({'a': 1}.keys() & {'a', 'b'})", "sorted({'a': 1}.keys() | {'b'})", "list(reversed({'a': 1, 'b': 2}))",
      "{'a': 1}.get('b')", "{'a': 1}.get('b', 0)", "{[1]: 2}", "d = {} ;; d[[1]]", "{1: 2}.copy()", "d = {1: 2} ;; d.copy() is d", "repr({1: {2: 3}})", "d = {}; d['x'] = d ;; d", "l = []; l.append(l) ;; l", "{'b': 1, 'a': 2}", "len({1: 2})", "{1: 2}.values() == {1: 2}.values()",
      "{1, 2} | {3}", "{1, 2} & {2}", "{1, 2} - {2}", "{1, 2} ^ {2, 3}", "{1} | [2]", "{1}.union([2], (3,))", "{1}.intersection([1, 2])", "{1, 2}.difference([1])", "{1}.symmetric_difference([2])", "{1}.issubset([1, 2])", "{1, 2}.issuperset([1])", "{1}.isdisjoint([2])",
      "s = {1}; s.remove(2) ;; s", "s = {1}; s.discard(2) ;; s", "set().pop()", "s = {1}; s.add(2) ;; s", "s = {1}; s.update([2], [3]) ;; s", "s = {1, 2}; s -= {1} ;; s", "s = {1, 2}; s &= {1} ;; s", "s = {1}; s |= {2} ;; s", "{[1]}", "set([1, [2]])",
      "frozenset([1]) | {2}", "{1} | frozenset([2])", "frozenset() is frozenset()", "f = frozenset([1]) ;; frozenset(f) is f", "f = frozenset([1]) ;; f.copy() is f", "hash(frozenset()) == hash(frozenset())", "{1, 2} == frozenset([1, 2])", "{1} < {1, 2}", "{1} <= {1}", "set('ab') == {'b', 'a'}", "set()", "frozenset()", "repr(frozenset([1]))", "{1, 2}.copy()", "set(1)",
    ],
  ],
  [
    "int and float: methods, conversions, errors",
    [
      "int('12')", "int(' 12 ')", "int('1_000')", "int('0x1f', 16)", "int('0x1f', 0)", "int('z', 36)", "int('12', 1)", "int('12', 37)", "int('x')", "int('')", "int(3.9)", "int(-3.9)", "int(float('inf'))", "int(float('nan'))", "int(None)", "int([])", "int('1e3')", "int(b'12')", "int('١٢')",
      "(255).to_bytes(2, 'big')", "(255).to_bytes(1, 'little')", "(256).to_bytes(1, 'big')", "(-1).to_bytes(1, 'big')", "(-1).to_bytes(1, 'big', signed=True)", "int.from_bytes(b'\\x00\\xff', 'big')", "int.from_bytes(b'\\xff', 'little', signed=True)", "(10).bit_length()", "(-10).bit_length()", "(10).bit_count()", "(7).as_integer_ratio()", "(5).conjugate()", "(5).real", "(5).imag", "(5).numerator", "(5).denominator",
      "2 ** -1", "2 ** 0.5", "(-8) ** (1/3)", "0 ** -1", "10 // 0", "10 % 0", "10 / 0", "divmod(7, -2)", "divmod(7.5, 2)", "divmod(1, 0)", "-7 // 2", "-7 % 3", "7 % -3", "pow(2, 10, 1000)", "pow(2, -1, 7)", "pow(2, -1, 4)", "pow(2, 0.5, 3)", "round(2.5)", "round(3.5)", "round(-0.5)", "round(1234, -2)", "round(2.675, 2)", "round(1.5, None)", "round(float('inf'))", "round(float('nan'))", "abs(-0.0)", "abs(-5)", "1 << -1", "1 << 64", "-1 >> 100", "~5", "5 & 3.0", "True + True", "True & False", "-True",
      "float('1.5')", "float(' -inf ')", "float('nan')", "float('x')", "float('1_0.5')", "float(10**400)", "1e308 * 10", "float('1e500')", "(1.5).is_integer()", "(2.0).is_integer()", "(0.5).as_integer_ratio()", "float('inf').as_integer_ratio()", "(1.5).hex()", "float.fromhex('0x1.8p1')", "(3.7).__trunc__()", "(-3.7).__floor__()", "(3.2).__ceil__()", "(1.0).conjugate()",
      "1.0 / 0", "1.0 // 0.0", "1.0 % 0.0", "5.5 % 2", "-5.5 % 2", "5.5 // -2", "0.1 + 0.2", "1e16", "1e-5", "123456789012345678.0", "-0.0", "0.0 == -0.0", "float('nan') == float('nan')", "2.0 ** 1000", "2.0 ** 10000", "10 ** 20 / 3", "(10 ** 400) / 1", "1 / 3", "str(1.0)", "repr(1e100)", "3.14.__round__(1)",
      "hash(1) == hash(1.0)", "hash(-1)", "hash(2**61 - 1)", "hash(2**61)", "hash(0.5)", "hash(-2.5)", "hash(float('inf'))", "int.__add__(1, 2)", "(1).__add__(1.5)", "(1.5).__add__(1)", "format(1234.5, ',.1f')", "format(255, '#010b')", "format(3, 'c')", "format(1.5, '%')", "format(12, 'x')", "format(1e20, 'g')", "format(0.0001, '.2e')", "format(-0.0, '+')", "format(10, '=+5')",
      "bool('')", "bool('0')", "bool(0.0)", "bool([0])", "int(True)", "True is bool(1)", "isinstance(True, int)", "x = 1000; y = 999 + 1 ;; x is y", "x = 256; y = 255 + 1 ;; x is y", "x = -5; y = -6 + 1 ;; x is y", "x = 257; y = 256 + 1 ;; x is y", "x = 5 ;; int(x) is x", "x = 1.5 ;; float(x) is x", "x = 10**20 ;; +x is x", "x = 10**20 ;; abs(x) is x", "x = -10**20 ;; -x is -x",
    ],
  ],
  [
    "builtin functions: numbers, sequences, iteration, errors",
    [
      "sum([1, 2], 10)", "sum([[1], [2]], [])", "sum(['a'], '')", "sum([0.1] * 10)", "sum([1, 2.5])", "sum(1)", "min([])", "min([], default=0)", "max(1, 2, key=lambda x: -x)", "max('abc')", "min(1)", "max([1, 'a'])", "min([3, 1], [2])", "max(x for x in [])",
      "sorted('bca')", "sorted([3, 1, 2], key=None)", "sorted(1)", "list(reversed([1, 2]))", "list(reversed(range(3)))", "reversed(1)", "list(reversed('ab'))", "list(enumerate('ab', 5))", "list(enumerate('ab', start=1))", "list(zip('ab', [1]))", "list(zip('ab', [1], strict=True))", "list(zip())",
      "list(map(lambda a, b: a + b, [1, 2], [3, 4]))", "list(filter(None, [0, 1, '', 'a']))", "type(map(1, [1])).__name__", "list(map(1, [1]))", "any([])", "all([])", "any(x > 1 for x in [1, 2])", "any(1)",
      "divmod(-7, 2)", "divmod(7.0, -2)", "divmod('a', 1)", "round(0.125, 2)", "round(-1.5)", "round(5, -1)", "round(15, -1)", "round(25, -1)", "round(1.23456, 3)", "round('a')", "round(1.5, 'a')",
      "hex(255)", "hex(-1)", "oct(8)", "bin(5)", "bin(-5)", "hex(1.5)", "chr(65)", "ord('é')", "ord(b'a')", "ord(1)", "abs('a')", "abs(-2.5)", "abs(True)", "len(5)", "len('é')", "iter(5)", "next(iter([]))", "next(iter([]), 'd')", "next([1])",
      "list(iter([1, 2, 3].pop, 1))", "getattr(1, 'x')", "getattr(1, 'x', 'd')", "getattr(1, 5)", "hasattr(1, 'real')", "isinstance(1, (str, int))", "isinstance(1, 'a')", "issubclass(bool, int)", "issubclass(1, int)", "callable(len)", "callable(1)",
      "repr('a\\'b')", "repr(\"it's\")", "ascii('é')", "ascii(['ü'])", "format(5)", "format('a', '>3')", "format(1, 'q')", "format([1])", "format([1], 'x')", "str(None)", "repr(...)", "repr(NotImplemented)", "int.__name__", "type(1).__qualname__", "type('abc').__mro__",
      "range(5)", "range(1, 5, 2)", "range(0)", "len(range(0, 10, 3))", "range(10)[2:8:2]", "range(10)[-1]", "range(3)[5]", "range(0, 10, 0)", "range(1.5)", "range(10).index(4)", "range(10).index(11)", "range(10).count(3)", "5 in range(10)", "list(range(5, 0, -2))", "range(3) == range(0, 3)", "hash(range(3)) == hash(range(0, 3, 1))", "range(1, 2).start",
      "slice(1, 5, 2)", "slice(3)", "slice(1, 5, 2).indices(10)", "slice(None, None, -1).indices(5)", "slice(0, 1, 0).indices(5)", "'abc'[slice(1, None)]", "[1, 2, 3][slice(None, None, -1)]",
      "id(1) == id(1)", "id([]) == id([])", "x = object() ;; id(x) == id(x)", "hash(None) == hash(None)", "hash(1.5) == hash(1.5)", "hash('a') == hash('a')", "hash([])", "hash({})", "hash(object) == hash(object)",
      "bool.__mro__", "True.real", "(5).__class__", "type(type)", "type(None)()", "type(...)", "None.__class__", "int()", "float()", "str()", "list()", "dict()", "tuple()", "set()", "complex(1, 2)", "complex('1+2j')", "complex(' (1-2j) ')", "complex('j')", "complex('-j')", "complex('1e3j')", "complex('2')", "complex('1+j')", "complex('inf+nanj')", "complex('1 + 2j')", "complex('(1+2j')", "complex('')", "complex('1+2')", "complex('+1.5e-3-2.5J')", "complex(1, 'x')", "complex('1', 2)", "complex([])", "complex(1j, 1j)", "complex(True)", "list(zip('ab', 'cde', strict=True))", "list(zip('abc', 'de', 'fgh', strict=True))", "list(zip('ab', 'cd', strict=True))", "list(zip('a', 'cd', 'e', strict=True))", "(1+2j).real", "abs(3+4j)", "1j * 1j", "(1+2j) == (1+2j)",
    ],
  ],
  [
    "identity: cached one-character strs, small ints, empty containers, copies",
    [
      "s = 'hello' ;; s[1] is 'e'", "s = 'héllo' ;; s[1] is 'é'", "s = 'a€' ;; s[1] is s[1]", "s = 'abc' ;; s[0:1] is s[0]", "chr(65) is 'A'", "chr(233) is chr(233)", "chr(8364) is chr(8364)", "str(5) is str(5)", "str(12) is str(12)", "repr(5) is repr(5)",
      "'ab'[::-1][0] is 'b'", "list('ab')[0] is 'a'", "'a b'.split()[0] is 'a'", "'abc'.strip('c')[-1] is 'b'", "x = 'x' * 1 ;; x is 'x'", "'%s' % 'a' is 'a'", "s = 'q' ;; '%s' % s is s", "s = 'qq' ;; f'{s}' is s", "s = 'qq' ;; f'{s!s}' is s", "s = 'qq' ;; f'{s:}' is s", "s = 'qq' ;; f'{s:3}' is s",
      "int('5') is 5", "int('300') is int('300')", "x = 300 ;; int(x) is x", "abs(-5) is 5", "5 + 0 is 5", "len('abc') is 3", "x = [1, 2] ;; len(x) is 2", "round(2.4) is 2", "sum([]) is 0", "max(1, 2) is 2", "int(5.0) is 5", "True + 0 is 1",
      "() is ()", "tuple(range(0)) is ()", "x = (1,) ;; x[1:] is ()", "x = [] ;; x.copy() is x", "frozenset() is frozenset([])", "'' is str()", "b'' is bytes()", "x = [1] ;; x[:] is x", "x = {1: 2} ;; dict(x) is x", "x = (1, 2) ;; x[0:2] is x", "x = 'ab' ;; x[0:2] is x", "x = b'ab' ;; x[0:2] is x",
      "x = 1.5 ;; x + 0 is x", "x = 1.5 ;; +x is x", "x = 1.5 ;; -(-x) is x", "x = 10 ** 30 ;; x * 1 is x", "x = 10 ** 30 ;; x + 0 is x", "x = 10 ** 30 ;; x // 1 is x", "x = 7 ;; x | 0 is x", "x = (1, 2) ;; tuple(list(x)) is x", "x = 'abc' ;; ''.join(x) is x", "x = 'abc' ;; x.join('') is ''",
      "x = 'abc' ;; str.__str__(x) is x", "x = 'abc' ;; x.__format__('') is x", "x = 5 ;; x.__index__() is x", "x = 5000 ;; int.__int__(x) is x", "x = 5000 ;; x.real is x", "x = 5000 ;; x.numerator is x", "x = 2.5 ;; x.real is x", "x = 2.5 ;; x.conjugate() is x", "x = 5000 ;; x.conjugate() is x",
    ],
  ],
  [
    "formatting: %, format specs, repr of floats and containers",
    [
      "'%5.2f|%-6d|%x|%o|%e|%g' % (3.14159, 42, 255, 8, 12345.678, 0.0001)", "'%r %a' % ('é', 'é')", "'%c%c' % (65, 'b')", "'%(a)s-%(b)d' % {'a': 1, 'b': 2}", "'%%'  % ()", "'%s' % [1]", "'%d' % 3.7", "'%i' % True", "'%x' % 3.5", "'%.3s' % 'abcdef'", "'%*d' % (5, 1)", "'%-+5d' % 3", "'% d' % 3", "'%#x %#o' % (255, 8)", "'%z' % 1", "'%(a)s' % 1", "'%s %s' % {'a': 1}",
      "b'%s %d' % (b'x', 3)", "b'%s' % 'x'", "b'%r' % 1", "b'%c' % 65", "b'%x' % 255",
      "format(3.14159, '.3')", "format(1e-7, '')", "format(123456789, ',d')", "format(123456789, '_x')", "format(0.5, '.0f')", "format(1.5, '.0f')", "format(2.5, '.0f')", "format(-1.5, '+.1e')", "format(1e300 * 1e10, 'f')", "format(float('nan'), '>5')", "format(12.5, '08.2f')", "format(1234.5, '=^12,.1f')", "format(True, 'd')", "format(True, '')", "format(1, '.2f')", "format(10, 'n')", "format(1.0, 'n')", "format(1e16, 'n')",
      "format('ab', '^6')", "format('ab', '*<4')", "format('abc', '.2')", "format('ab', 'd')", "format(1, 's')", "format(2 ** 64, 'x')", "format(-255, '#06x')", "format(255, 'X')", "format(65, 'c')", "format(5, 'b')", "format(0.1, '.20f')", "format(1/3, '.17g')", "format(100.0, 'g')", "format(1e100, 'g')", "format(1234567.0, 'e')",
      "repr(0.1)", "repr(1e22)", "repr(1e16)", "repr(123456789.123)", "repr(5e-324)", "repr(1.7976931348623157e308)", "repr(-0.0)", "repr(2.0 ** 53)", "repr(0.000123)", "repr(1.23e-5)", "str(1e-4)", "str(12345678901234567890.0)",
      "repr([1, 'a', (2,), {3: 4}, {5}, None, True, 1.5])", "repr((1,))", "repr(())", "repr(set())", "repr({})", "repr([[]])", "repr('a\\nb\\tc\\\\')", "repr('\\x00\\x7f\\x80\\xff')", "repr('\\u200b\\U0001f600')", "repr('\\ud800')", "repr(\"'\\\"\")",
    ],
  ],
];

describe("builtins against python3, snippet by snippet", () => {
  for (const [name, snippets] of groups) {
    it(name, () => {
      const source = program(snippets);
      const fname = name.replace(/\W+/g, "-").slice(0, 40) + ".py";
      const want = cpython(fname, source);
      const { result, heap } = runDetailed(source, { filename: fname });
      expect(label(result.stdout, snippets)).toEqual(label(want.stdout, snippets));
      expect(result.stderr).toBe(want.stderr);
      expect(result.exitCode).toBe(want.status);
      expect(heap.leaked).toEqual([]);
      expect(heap.check).toEqual({ ok: true });
    });
  }
});
