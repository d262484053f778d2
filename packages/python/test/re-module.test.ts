// The re module against python3: many patterns on many strings through every matching function, Pattern and
// Match objects (attributes, reprs, group access, templates, lastindex), RegexFlag's reprs, python3's re.error
// messages and positions for bad patterns and templates, positions in strings with characters past U+FFFF;
// and the constructs it refuses (where JavaScript's RegExp would match differently) named in NotImplementedError.
import { describe, expect, it } from "vitest";
import { run } from "../src/index.js";
import { cpythonRunner, expectSameAsPython, withoutFramesOf } from "./cpython.js";

const cpython = cpythonRunner("pyheap-re-");

/** expectSameAsPython with a wall-time limit of 2 minutes (the default 10 s is too short on a loaded machine). */
const expectSameSlow = (name: string, source: string): void => expectSameAsPython(cpython, name, source, Infinity, 120_000);

const PATTERNS = String.raw`import re
pats = [r'a', r'a*', r'a+?', r'(a)|b', r'(a)(b)?', r'^\w+', r'\w+$', r'(?m)^\w+$', r'\d+', r'\D+', r'\s+', r'\S+', r'[^\W\d]+',
        r'[\w.-]+@[\w-]+\.\w+', r'(?i)hello', r'colou?r', r'\bcat\b', r'\Bat', r'x{2,3}', r'x{,2}', r'x{2,}?', r'(?P<y>\d{4})-(?P<m>\d\d)',
        r'(\w)\1', r'(?P<q>[\'"]).*?(?P=q)', r'(?=\d)\w', r'(?<=\$)\d+', r'(?<!a)b', r'a(?!b)', r'.+', r'(?s).+', r'\A\w', r'\w\Z', r'$',
        r'^', r'(?x) a b  # comment', r'[a-c]+', r'[]a]', r'[^]a]', r'[\]]', r'[a\-z]', r'\x41\u00e9\101', r'\.', r'\(\)', r'[.]',
        r'(?>a+)a', r'a++', r'a*+b', r'(?:ab)+', r'(a|ab)(c|bcd)(d*)', r'é+', r'\w+', r'[\s\S]', r'(?a)\w+', r'(?i)[a-z]+', r'ß', r'\b', r'\B',
        r'(a*)b', r'(a)(?:x(b))?', r'((a)(b))', r'(a)()', r'\n', r'$\n?', r'(?m)$', r'(?s:.)x', r'(?m:^b)', r'\d{2,}', r'[0-9a-fA-F]+', r'(?P<n>a)(?P<o>b)?']
strs = ['', 'a', 'aaa', 'ab', 'abc', 'b', 'hello world', 'Hello World\nfoo bar\n', 'x1 y22 z333', 'cat concat cat.', '$42 and $7',
        'mail: joe.x-y@ex-ample.com!', 'xx xxx xxxxx', '2024-11-27', "say 'hi' and \"bye\"", 'aabbcc', 'abcd', 'éé ÉÉ straße', '٣٤ 12 ½',
        'a\nb\n', 'ba\u00a0b\u2028c\x1cd', 'A\u00e9A', 'x\ty', '𝔘𝔫𝔦 é 😀x', 'ab(c)', 'axb ab']
for p in pats[PART::4]:
    try:
        c = re.compile(p)
    except Exception as e:
        print(p, type(e).__name__, e); continue
    print(repr(c), c.groups, c.groupindex, c.flags)
    for s in strs:
        r = []
        for f in (c.match, c.search, c.fullmatch):
            m = f(s)
            r.append(m and (m.span(), m.groups(), m.lastindex, m.lastgroup))
        r.append(c.findall(s))
        r.append([m.span() for m in c.finditer(s)])
        r.append(c.sub('<\\g<0>>', s))
        r.append(c.subn(lambda m: m.group().upper(), s, 2))
        r.append(c.split(s))
        r.append(c.split(s, 1))
        r.append(c.search(s, 1, 3))
        print(p, repr(s), r)
`;

describe("re", () => {
  for (let part = 0; part < 4; part++)
    it(`matches, searches, splits and substitutes as python3 on many patterns and strings (part ${part + 1} of 4)`, () =>
      expectSameSlow(`re-patterns-${part}`, PATTERNS.replace("PART", String(part))));

  it("gives python3's errors, flags, reprs, Match API and templates", () =>
    expectSameAsPython(cpython, "re-api", String.raw`import re, sys
bad = ['(', ')', '*', 'a**', '\\q', '(?P<1>a)', '(?P=x)', '[a', 'a{2,1}', '(?<=a*)', '\\1', '(a)\\2', '(?z)', 'a(?i)b', '[b-a]',
       '(?P<a>x)(?P<a>y)', '\\', '(?P<a', '+a', 'x{,2}+?', '(?L)a', '(?au)a', '(?i', '(?-i)a', '(?i-:a)', '(?q:a)', '(?P>a)', '(?<a>x)',
       '(?', '(?P', '(?Px)', '(?P<>a)', '(?P<a b>x)', '[\\w-z]', '[a-\\w]', '\\x1', '\\u12', '\\777', '[\\8]', '\\8', '(a)\\10', '(?#x',
       '^*', '\\b+', '(?i)*', 'a|*', '(a)(?P=a)', '(?P<a>a(?P=a))', '(a\\1)', 'a\n(', 'ab\ncd)', '(?:', 'a{3}{2}', 'a{1,2}*', '[z-a]', '\\U00110000',
       '(?x)a{1, 2}', '[]', '[^]', '{2}', 'a{,}', 'a{1', '(?P=)', '(?P=1a)', '(?m-m:a)', '(?x-i:a)', '(?m)(?s)a', 'a|(?s)b', '((?s)a)',
       '(?:(a)|b)+*', '(a)?\\1)', '(?i:a)(', '(?<=(a)\\1)b', '(a+)(?<=\\1)b']
bad += ['x(?<=(a)\\1', '(?<=(a)\\1(b)', '(?<=(a)\\1*)', '(?<=(a)(?:\\1)+)', '(?<=(a)(?<=\\1))', '(?<=(?P<x>a)(?P=x)', '(?<=a(?<=(b)\\1))']
for p in bad:
    try:
        c = re.compile(p); print(repr(p), 'ok', c.groups, c.pattern)
    except re.error as e:
        print(repr(p), repr(e), e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
    try: re.compile('a', f)
    except Exception as e: print(type(e).__name__, e)
print(repr(re.I), str(re.I), repr(re.I|re.M), repr(re.I|re.M|re.S|re.X|re.A), repr(re.U), re.I|0, repr(~re.I), repr(re.I&re.M), repr(re.NOFLAG), re.I==2, hash(re.I), f'{re.I}', format(re.I,'d'), repr(re.I|8|1024), re.I + 1, repr(re.X ^ re.X))
p = re.compile('(?P<first>\\w+) (?P<last>\\w+)', re.M | re.A)
print(p, p.pattern, p.flags, p.groups, p.groupindex, re.compile('a', re.X|re.S|re.I), re.compile('x' * 300), re.compile("it's"), re.compile('a', re.U))
m = p.search('--- Jane Doe ---')
print(m, m.group(), m.group(0, 1, 'last'), m[1], m['first'], m.groups(), m.groupdict(), m.span('last'), m.start(2), m.end(), m.pos, m.endpos, m.re is p, m.string, m.regs)
print(m.expand(r'\g<last>, \1 \g<0>!\n\\'), m.lastindex, m.lastgroup, sys.getsizeof(m), sys.getsizeof(re.match('a', 'a')), bool(m))
for g in [3, -1, 'x', 1.0, None]:
    try: m.group(g)
    except Exception as e: print(type(e).__name__, e)
m = re.match('(a)(b)?(c)?', 'ac', )
print(m.groups(), m.groups('-'), m.groupdict(), m.span(2), m.start(2), m.lastindex, m.group(1, 2, 3))
m = re.match(r'(?P<n>a)|(?P<o>b)', 'b'); print(m.groupdict('zz'), m.lastgroup, m.lastindex)
for r in ['\\g<1', '\\g', '\\gx', '\\g<>', '\\g<a b>', '\\g<zz>', '\\g<3>', '\\3', '\\q', '\\', '\\&\\n\\101\\0\\b', '\\g<0>\\g<a>', '\\g<01>', '\\10', '\\400', '\\07']:
    try: print(repr(r), repr(re.sub('(?P<a>b)', r, 'abc')))
    except Exception as e: print(repr(r), type(e).__name__, e)
print(re.sub('a', 'x', 'aaa', 2), re.subn('a', 'x', 'aaa'), re.sub('a', 'x', 'aaa', -1), re.split('a', 'bab', -1), re.split('(a)(x)?', 'bab'), re.split('a', 'banana', 2))
print(re.sub('(b)?c', r'[\1]', 'ac bc'), re.sub('', '-', 'abc'), re.split('', 'abc'), re.split('x*', 'axbc'), re.findall('', 'ab'), re.sub('^', '>', 'a\nb', flags=re.M))
p = re.compile('a*')
print(p.match('abc', 3, 1), p.search('abc', 5), p.match('aaa', 2, 1), p.search('aaa', -5, -1), p.findall('aaa', 1, 2), p.match('baaa', 1), p.fullmatch('aaab', 0, 3), p.search('xaa', endpos=2))
print(re.compile('^a').search('ba', 1), re.compile('a$').search('ab\n', 0, 1), re.compile(r'\bb').search('ab', 1), re.compile(r'(?<=a)b').match('ab', 1))
    try: re.match(a, b)
    except Exception as e: print(type(e).__name__, e)
print(re.compile('a') is re.compile('a'), re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile(re.compile('b')).pattern)
try: re.compile(re.compile('a'), re.I)
except Exception as e: print(type(e).__name__, e)
print(re.escape('a.b c-d_é#&~\t'), re.escape('Hello, World! (1+1=2) [ok] {x} ^$|\\ /'), re.purge())
print(re.Pattern, re.Match, type(re.compile('a')), type(re.match('a', 'a')), re.error.__mro__, re.error.__name__, re.error.__module__)
try: re.compile('a(b')
except re.error as e: print(repr(e), e.args)
print([m.group() for m in re.finditer(r'\w+', 'a bb ccc')], re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'))
print(re.findall(r'(?i)straße', 'STRASSE Straße STRAßE'), re.findall('(?i)é', 'ÉéE'), re.match(r'.', '\r').span(), re.match('\\s', '\x1c'), re.match('\\s', '\ufeff'))
print(re.findall(r'^\w+$', 'ab\ncd\n', re.M), re.findall(r'\w+$', 'ab\ncd\n'), re.search('$', 'a\n').span(), re.findall('$', 'a\n\n'), re.findall('(?m)$', 'a\n\n'))
print(re.sub(r'(?P<w>\w+)', lambda m: m['w'][::-1], 'hello big world'), re.sub('x', '\\\\', 'axb'), re.sub('x', r'\t', 'axb'))
print(re.split(r'[\s,]+', 'a, b  c,d', maxsplit=2), re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', '...words, words...'))
print(re.findall(r'(\d+)-(\d+)?', '1-2 3- 4-5'), re.search(r'(?P<x>a)(?P<y>b)', 'ab').groupdict(), re.search('(a)(b)(c)', 'abc').lastindex)
`));

  it("runs a first program as python3's", () => expectSameAsPython(cpython, "re-first", String.raw`import re
print(re.match('a(b)c', 'abcd'))
m = re.search(r'(?P<w>\w+)\s+(\d+)', 'hello   world  42 x')
print(m, m.groups(), m.groupdict(), m.span(2), m.lastindex, m.lastgroup)
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1b2'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home, ann@work'))
print(re.split(r'(,)\s*', 'a, b,c'), re.split(r'\b', 'a b'))
print(re.sub('x*', '-', 'abxd'), re.findall('|a', 'a'))
print(re.compile('a(b)', re.I), re.I|re.M, ~re.I)
print(re.escape('a.b c'))
for p in ['(', ')', '*', 'a**', r'\q', '(?P=x)', '[a', 'a{2,1}', '(?<=a*)', r'(a)\2', 'a(?i)b', '[b-a]']:
    try: re.compile(p)
    except re.error as e: print(p, '|', e)
import sys
print(sys.getsizeof(m))
`));

  it("checks finditer's string at the call, leaves out None from a replacement function, reads \\g<...> with int()", () =>
    expectSameAsPython(cpython, "re-sub-edges", String.raw`import re, warnings
warnings.simplefilter('ignore')
for s in (None, 5, b'a'):
    try: re.finditer('a', s); print('no error')
    except TypeError as e: print(e)
print(re.sub('a', lambda m: None, 'bab'), re.subn('a', lambda m: None if m.start() else 'x', 'aba'))
for f in (lambda m: 5, lambda m: [m]):
    for s in ('ab', 'ba', 'bab', 'aa'):
        try: print(re.sub('a', f, s))
        except TypeError as e: print(e)
for t in (r'\g< 1>', r'\g<+1>', r'\g<1_0>', r'\g<-1>', r'\g<0x1>', r'\g<٣>', r'\g<12>', r'\g< 3 >'):
    try: print(re.sub('(a)'*10, t, 'a' * 11))
    except re.error as e: print(e)
`));

  it("refuses with NotImplementedError the constructs JavaScript would match differently", () => {
    const cases: [string, string][] = [
      ["(?:(a)|b)+", "group 1 in a repeat where a pass may skip it"],
      ["(a?)*", "a repeated group that can match an empty string"],
      ["(a)?\\1", "a backreference to group 1, which may not take part in the match"],
      ["(a)|\\1", "a backreference to group 1, which may not take part in the match"],
      ["(?i:a)b", "(?i:...) or (?-i:...) for a part of a pattern"],
      ["\\N{DIGIT ONE}", "\\N{...} escapes"],
      ["(a)(?<=\\1)b", "a backreference in a look-behind"],
    ];
    for (const [pattern, what] of cases) {
      const r = run(`import re\ntry:\n    re.search(r'${pattern}', 'ab')\nexcept NotImplementedError as e:\n    print(e)\n`);
      expect(r.stdout).toBe(`re does not support ${what}\n`);
    }
    const bytes = run("import re\ntry:\n    re.match(b'a', b'a')\nexcept NotImplementedError as e:\n    print(e)\n");
    expect(bytes.stdout).toBe("re: bytes patterns are not supported\n");
  });

  it("searches a string again after it changed, and one with characters past U+FFFF at code-point positions", () =>
    expectSameAsPython(cpython, "re-same-string", String.raw`import re
s = '😀a😀bb😀' * 3
print([m.span() for m in re.finditer(r'\w+', s)], re.findall('', s)[:3], re.sub('', '|', s), re.split('😀', s))
t = 'ab'
for i in range(3):
    t += '😀'
    print(re.search('😀$', t).span(), re.findall('.', t))
u = 'x' * 5
for i in range(3):
    u += 'y'
    print(re.findall('x+y+', u), re.search('y+$', u).span())
print(re.compile('b').search(s, 3, 20), re.compile('.').fullmatch(s, 2, 3))
`));

  it("never hashes the string searched (a str subclass's __hash__ is not run; s += ... grows s in place after a search as in python3)", () =>
    expectSameAsPython(cpython, "re-no-hash", String.raw`import re
class S(str):
    def __hash__(self):
        print('hash called')
        return 1
class T(str):
    def __hash__(self):
        raise TypeError('no hash')
print(re.search('b', S('abc')), re.findall('b', S('abcb')), re.sub('b', 'x', T('abcb')), re.split('b', T('abcb')))
print([m.span() for m in re.finditer('b', S('abcb'))], re.compile('c').search(T('abcb'), 1))
def grow():
    s = ''
    ids = set()
    for i in range(60):
        s += 'x'
        re.match('x+', s)
        ids.add(id(s))
    return len(ids)
print(grow())
`));

  it("subscripts re.Pattern and re.Match in annotations as python3 (types.GenericAlias)", () =>
    expectSameAsPython(cpython, "re-generic", String.raw`import re
from typing import Optional
def first(p: re.Pattern[str], s: str) -> Optional[re.Match[str]]:
    return p.search(s)
print(first(re.compile('b'), 'abc'), re.Match[str], re.Pattern[bytes], re.Match[str].__origin__ is re.Match, first.__annotations__)
`));

  it("prints an uncaught re.error with the program's frames only", () => {
    const src = "import re\ndef check(p):\n    return re.compile(p)\ncheck('(a|b')\n";
    const want = cpython("re-uncaught.py", src);
    const r = run(src, { filename: "re-uncaught.py" });
    expect(want.stderr).toContain("re.error: missing ), unterminated subpattern at position 0");
    expect(r.stderr).toBe(withoutFramesOf(want.stderr, /[/\\]re[/\\]\w+\.py"/));
    expect(r.exitCode).toBe(want.status);
  });
});
