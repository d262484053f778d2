# str.format with one field and nothing else returns the converted str itself (!s, !r), as CPython does
import sys
t = "tee" * 3
class R:
    def __repr__(self):
        return t
    def __str__(self):
        return t
print("{!s}".format(True) is str(True), "{!r}".format(R()) is t, "{!s}".format(R()) is t)
print("{!a}".format("é"), "{!r:>6}".format("x"), "x{!s}".format(R()) is t)
s = "abc" * 5
print("{!s}".format(s) is s, "{}".format(s) is s, "{0!r}".format(s) is s)
u = "{!r}".format(12345)
print(u, sys.getrefcount(t))
