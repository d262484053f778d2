# re: a compiled pattern's methods with pos and endpos
import re

p = re.compile(r"\d+")
s = "12 apples, 345 pears and 6 plums"
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(p.match(s), p.match(s, 3), p.match(s, 11))
print(p.search(s, 3), p.search(s, 3, 12), p.search(s, 30))
print(p.fullmatch(s, 11, 14), p.fullmatch(s, 11, 13))
print(p.findall(s), p.findall(s, 5), p.findall(s, 0, 13))
print([m.span() for m in p.finditer(s, 1)])
print(p.sub("#", s), p.subn("#", s, 2), p.split(s), p.split(s, 1))

anchored = re.compile(r"^\w+")
print(anchored.search("one two", 4), re.compile(r"\bt").search("one two", 4))
print(re.compile(r"(?<=o)\w").match("one two", 5))
print(re.compile(r"\w+$").search("abc def", 0, 3))

pos = 0
word = re.compile(r"\s*(\w+)")
out = []
while (m := word.match("scan these  words ", pos)):
    out.append(m.group(1))
    pos = m.end()
print(out, pos)

print(re.compile("a") is re.compile("a"), re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I))
print(re.compile(p) is p)
try:
    re.compile(p, re.I)
except ValueError as e:
    print("ValueError:", e)
print(repr(re.compile("x" * 250))[-12:], re.compile("it's \"q\""))
re.purge()
print(re.compile(r"\d+") == p)
