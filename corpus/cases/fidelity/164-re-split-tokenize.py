# re: splitting text and a small tokenizer built on finditer and lastgroup
import re

print(re.split(r"[,;]\s*", "a, b;c,   d"))
print(re.split(r"([,;])\s*", "a, b;c"))
print(re.split(r"\s+", "  leading and trailing  "))
print(re.split(r",", "a,b,c,d", maxsplit=2))
print(re.split(r"\b", "hi there"))
print(re.split(r"x*", "axbc"))
print(re.split(r"(a)(x)?", "banana"))

TOKEN = re.compile(r"""
    (?P<NUMBER>\d+(\.\d*)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>[-+*/()=])
  | (?P<SKIP>\s+)
  | (?P<ERROR>.)
""", re.VERBOSE)


def tokens(code):
    for m in TOKEN.finditer(code):
        kind = m.lastgroup
        if kind == "SKIP":
            continue
        value = m.group()
        if kind == "NUMBER":
            value = float(value) if "." in value else int(value)
        yield kind, value, m.start()


for kind, value, pos in tokens("x = 3.5 * (y + 42) $"):
    print(f"{pos:2} {kind:6} {value!r}")

print(TOKEN.groupindex)
print(TOKEN.groups, TOKEN.flags == re.VERBOSE | re.UNICODE)
csv_line = 'name,"Smith, Ann",42,,end'
print(re.findall(r'"([^"]*)"|([^,]+)|(?<=,)(?=,)', csv_line))
