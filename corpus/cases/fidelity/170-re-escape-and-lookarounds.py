# re: escape(), look-arounds, lazy, atomic and possessive repeats, backreferences
import re

for s in ["1+1=2", "a.b*c", "C:\\temp", "price: $5 (ok?)", "tab\tnew\nline", "ümlaut_é", "#hash & ~tilde"]:
    e = re.escape(s)
    print(repr(e), bool(re.fullmatch(e, s)))

print(re.findall(r"\w+(?=,)", "one, two three, four"))
print(re.findall(r"(?<!\$)\b\d+", "$10 20 $30 40"))
print(re.findall(r"(?<=\$)\d+(?:\.\d\d)?", "cost $3.50 or $4"))
print(re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.findall(r"<.+>", "<a><b>"), re.findall(r"<.+?>", "<a><b>"))
print(re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{2,3}?", "aaaaaaa"), re.findall(r"a{,2}", "aaa"))
print(re.match(r"(?>a+)b", "aaab"), re.match(r"(?>a+)a", "aaa"), re.match(r"a++a", "aaa"), re.match(r"a*+b", "aab"))
print(re.findall(r"\b(\w+) \1\b", "this is is a test test of the the thing"))
print(re.sub(r"(?P<w>\w)(?P=w)", r"[\g<w>\g<w>]", "bookkeeper"))
print(re.search(r"(['\"]).*?\1", "say \"it's\" now").group())
print(re.findall(r"\bcat\b", "cat concat cat. bobcat"), re.findall(r"\Bcat", "cat concat cat. bobcat"))
print(re.search(r"\B", ""), re.search(r"\b", ""), re.findall(r"\b\w", "é café"))
print(re.search(r"\Aab", "ab"), re.search(r"ab\Z", "ab\n"), re.search(r"ab$", "ab\n"))
