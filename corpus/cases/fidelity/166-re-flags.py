# re: flags, their names and inline forms
import re

text = "First line\nsecond LINE\nthird Line\n"
print(re.findall(r"^\w+", text))
print(re.findall(r"^\w+", text, re.MULTILINE))
print(re.findall(r"line$", text, re.I | re.M))
print(re.findall(r"(?im)line$", text))
print(re.search(r"line.second", text, re.I))
print(re.search(r"line.second", text, re.I | re.S))
print(re.search(r"(?s:.)\w+", "\nabc"))
print(re.findall(r"\w+", "naïve café", re.ASCII), re.findall(r"\w+", "naïve café"))

number = re.compile(r"""
    [-+]?      # sign
    \d+        # integer part
    (\.\d+)?   # fraction
""", re.X)
print([m.group() for m in number.finditer("-3 and +4.25 or 7.")])

for f in [re.I, re.M, re.S, re.X, re.A, re.U, re.I | re.M, re.DOTALL | re.VERBOSE, re.NOFLAG]:
    print(int(f), repr(f), str(f))
print(re.IGNORECASE == 2, re.I | 0, re.I & re.M, ~re.I & re.I, f"{re.M}", format(re.M, "d"))
print(re.compile("a", re.I), re.compile("a", re.M | re.A), re.compile("a", re.U), re.compile("(?i)a"))
print(re.compile("(?i)a").flags, re.compile("a").flags, re.compile("a", re.A).flags)

for flags in [re.LOCALE, re.A | re.U]:
    try:
        re.compile("a", flags)
    except ValueError as e:
        print("ValueError:", e)
print(re.findall(r"\s", "a\tb\u00a0c\u2028d\x1ce"), len(re.findall(r".", "a\rb\u2028c")))
print(re.search(r"$", "end\n").span(), re.findall(r"$", "a\n\n"), re.findall(r"(?m)$", "a\n\n"))
