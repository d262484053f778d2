import string
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable))
print(string.capwords("  hello   wORLD  foo "), string.capwords("a-b-c", "-"), repr(string.capwords("")))
print(len(string.printable))
from string import ascii_lowercase as al, capwords
def caesar(t, k):
    out = []
    for ch in t:
        if ch in al:
            out.append(al[(al.index(ch) + k) % 26])
        else:
            out.append(ch)
    return "".join(out)
print(caesar("hello, world", 3))
counts = {c: 0 for c in string.punctuation[:5]}
print(counts)
print(sum(c in string.punctuation for c in "Hi! How's it, going?"))
try:
    capwords(None)
except AttributeError as e:
    print("AttributeError:", e)
try:
    capwords("a b", "")
except ValueError as e:
    print("ValueError:", e)
try:
    string.nosuch
except AttributeError as e:
    print("AttributeError:", e)
print(type(string), string.__name__)
