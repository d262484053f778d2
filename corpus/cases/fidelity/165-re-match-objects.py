# re: what a Match object holds
import re

m = re.search(r"(?P<key>\w+)\s*=\s*(?P<value>\d+)(?P<unit>px|em)?", "width = 120; height=4em")
print(m)
print(m.group(), m.group(0), m.group(1), m.group("value"), m.group(1, "value", 3))
print(m[0], m["key"], m[2])
print(m.groups(), m.groups("-"), m.groupdict(), m.groupdict(""))
print(m.span(), m.span("value"), m.start(2), m.end(2), m.span(3), m.start("unit"))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.re.pattern, m.string)
print(m.expand(r"\g<key> is \2\g<unit>"), repr(m.expand(r"[\3]")))
print(m.regs)

for m in re.finditer(r"(?P<key>\w+)\s*=\s*(?P<value>\d+)(?P<unit>px|em)?", "width = 120; height=4em"):
    print(m.span(), m.groupdict(), m.lastindex, m.lastgroup)

m = re.match(r"((a)(b))(c)?", "abd")
print(m.lastindex, m.groups(), m.regs)
m = re.match(r"(a)|(b)", "b")
print(m.lastindex, m.groups())
print(re.match(r"x" * 60, "x" * 60))
print(re.match("a", "b"), bool(re.match("", "b")))

for bad in [4, -1, "missing", 1.5]:
    try:
        re.match(r"(a)", "a").group(bad)
    except IndexError as e:
        print(type(e).__name__, e)

import sys
print(sys.getsizeof(re.match("a", "a")), sys.getsizeof(re.match("(a)(b)", "ab")))
print(type(m).__name__, type(m) is re.Match, isinstance(re.compile("a"), re.Pattern))
