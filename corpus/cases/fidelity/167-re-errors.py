# re: the errors a bad pattern or template gives
import re

patterns = ["(", ")", "a(b", "*", "a**", "x{3,1}", "[z-a]", "[abc", r"\q", "\\", r"(a)\2",
            "(?P<1>x)", "(?P=nope)", "(?<=a+)b", "a(?i)b", "(?P<n>x)(?P<n>y)", "ok(?#fine)", "(?z)", "a\nb(", "(?P<n"]
for p in patterns:
    try:
        c = re.compile(p)
        print(f"{p!r:20} compiled, {c.groups} groups")
    except re.error as e:
        print(f"{p!r:20} {e}")
        print(" " * 21, e.msg, e.pos, e.lineno, e.colno)

for repl in [r"\3", r"\g<x>", r"\g<2", r"\q", r"\g<1>-\1"]:
    try:
        print(repr(repl), re.sub(r"(a)", repl, "cat"))
    except (re.error, IndexError) as e:
        print(repr(repl), type(e).__name__, e)

for args in [(5, "a"), ("a", 5), ("a", b"a")]:
    try:
        re.search(*args)
    except TypeError as e:
        print("TypeError:", e)

try:
    re.compile("(unclosed")
except re.error as e:
    print(repr(e), e.args, isinstance(e, Exception), type(e).__module__)
