# Which operations hand back the shared empty object and which build a new one (b'ab' * 0 is new)
import sys
e = b""
s = ""
t = ()
n = int("0")
b = b"ab"
x = b * n
print("b'ab' * 0 is b'':", x is e, "  equal:", x == e, "  size:", sys.getsizeof(x), "  refcount:", sys.getrefcount(x))
print("0 * b'ab' is a third object:", (n * b) is e, (n * b) is x)
print("b'' * 3 is b'':", e * 3 is e, "  b'ab' * 1 is b'ab':", b * 1 is b)
print("'ab' * 0 is '':", "ab" * n is s, "  (1, 2) * 0 is ():", (1, 2) * n is t)
print("b''.join([]) is b'':", b"".join([]) is e, "  ''.join([]) is '':", "".join([]) is s)
print("b'ab'[2:] is b'':", b[2:] is e, "  bytes() is b'':", bytes() is e, "  bytes([]) is b'':", bytes([]) is e)
print("tuple() is ():", tuple() is t, "  frozenset() is frozenset():", frozenset() is frozenset())
