# String processing: word statistics and text formatting
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness."""
import string
from collections import Counter
words = [w.strip(string.punctuation).lower() for w in text.split()]
c = Counter(words)
print(c.most_common(5))
print(len(words), len(c), sum(c.values()))
for w, n in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[:6]:
    print(f"{w:.<15}{n:.>4} {'#' * n}")
print(text.count("it was"), text.find("age"), text.rfind("age"), text.index("wisdom"))
print(text.title()[:40], "|", text.swapcase()[:20], "|", text.capitalize()[:15])
line = "  Hello,\tWorld!  "
print(repr(line.strip()), repr(line.lstrip()), repr(line.rstrip()), repr(line.expandtabs(4)))
print("a-b-c".split("-", 1), "a-b-c".rsplit("-", 1), "a,b,,c".split(","), "  a  b ".split())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("z"))
print("42".zfill(6), "-42".zfill(6), "+7".zfill(4), "abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6))
tbl = str.maketrans("aeiou", "AEIOU", "xyz")
print("the lazy fox".translate(tbl), str.maketrans({"a": "1", "b": None}))
print("Straße".casefold(), "Straße".upper(), "ǅ".lower(), "İ".lower().encode())
print("hello world".replace("o", "0", 1), "-".join("abc"), "abc" * 3, "abc"[::-1])
print("Hello".startswith(("He", "x")), "Hello".endswith("lo", 0, 5), "hello"[1:-1])
print("3.14".isdigit(), "314".isdecimal(), "½".isnumeric(), "abc123".isalnum(), "  ".isspace(), "Ab".istitle())
print("{name} is {age} years".format_map({"name": "Zed", "age": 40}), "{0}{1}{0}".format("ab", "cd"))
print("%s scored %5.1f%% (%d/%d) %r %x %o %e %-5s|" % ("Ann", 91.256, 73, 80, "hi", 255, 8, 12345.678, "ab"))
print("%(a)s-%(b)03d" % {"a": "x", "b": 7}, "%c%c" % (72, "i"), "%+d % d" % (5, 5), "%#x %#o" % (255, 8))
s = "Mississippi"
print(sorted(set(s)), s.count("ss"), s.replace("ss", "SS"), [i for i, ch in enumerate(s) if ch == "s"])
print(ord("A"), chr(9731), ascii("café ☃"), repr("tab\there"), repr("quote'"), repr('both\'"'))
print(string.ascii_letters, string.digits, string.hexdigits, string.punctuation)
print(string.capwords("hello   big world"), string.Template("$who likes ${what}").substitute(who="tim", what="pie"))
print(" ".join(w[::-1] for w in "reverse each word".split()), "".join(sorted("python")))
print(str(b"bytes"), b"abc".decode(), "é".encode("utf-8"), len("é".encode()), bytes([65, 66]), bytearray(b"hi"))
