# UnicodeEncodeError and UnicodeDecodeError carry encoding, object, start, end and reason
import sys
s = "Hello, Wörld! 123"
for codec in ("ascii", "latin-1"):
    try:
        (s + "€€").encode(codec)
    except UnicodeEncodeError as e:
        print(e, "|", e.encoding, e.object, e.start, e.end, e.reason, repr(e), e.args)
for b in (b"\xff", b"ab\xc3", b"\xe2\x28\xa1", b"x\x80y"):
    for codec in ("utf-8", "ascii"):
        try:
            b.decode(codec)
        except UnicodeDecodeError as e:
            print(e, "|", e.object, e.start, e.end, e.reason)
print(s.encode("ascii", "replace"), s.encode("ascii", "ignore"), s.encode("latin-1"))
e = UnicodeEncodeError("a", "xyz", 5, 9, "r")
print(e, UnicodeEncodeError("a", "xyz", 5, 6, "r"), UnicodeEncodeError("a", "x\U0001f600", 1, 2, "r"), sys.getsizeof(e))
for args in [(1, "x", 0, 1, "r"), ("a", b"x", 0, 1, "r"), ("a", "x", "0", 1, "r"), ("a", "x", 0, 1, 2), ("a",)]:
    try:
        UnicodeEncodeError(*args)
    except TypeError as t:
        print(t)
try:
    UnicodeDecodeError("a", "x", 0, 1, "r")
except TypeError as t:
    print(t)
print(isinstance(UnicodeDecodeError("u", b"\xff", 0, 1, "bad"), ValueError))
