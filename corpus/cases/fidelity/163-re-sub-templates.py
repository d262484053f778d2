# re: substitutions with templates, group names and functions
import re

dates = "due 2024-03-15, paid 2024-04-01 and again 1999-12-31"
print(re.sub(r"(\d{4})-(\d\d)-(\d\d)", r"\3/\2/\1", dates))
print(re.sub(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)", r"\g<d>.\g<m>.\g<y>", dates))
print(re.sub(r"(\d+)", r"<\g<1>0>", "a1 b22"))
print(re.subn(r"\s+", " ", "too    many\t\tspaces \n here"))
print(re.sub(r"a", "-", "banana", count=2))

def shout(m):
    return m.group(0).upper() + "!"

print(re.sub(r"\b(hello|bye)\b", shout, "hello there, bye now, othello"))

prices = "apple 1.50, pear 0.75, melon 3"
print(re.sub(r"\d+(\.\d+)?", lambda m: f"{float(m.group()) * 1.2:.2f}", prices))

def camel_to_snake(name):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()

for n in ["camelCase", "HTTPServer", "getHTTPResponseCode", "already_snake", "x1Y2"]:
    print(n, "->", camel_to_snake(n))

print(re.sub(r"x*", "-", "abxd"))
print(re.sub(r"", ".", "abc"))
print(re.sub(r"(b)?c", r"[\1]", "ac bc"))
print(repr(re.sub(r"\n", r"\\n", "two\nlines")), repr(re.sub(",", r"\t", "a,b")))
template = "Dear {name}, you owe {amount}."
values = {"name": "Ann", "amount": "£5"}
print(re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], template))
