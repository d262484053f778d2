# bytearray's room (sys.getsizeof): built from an iterable item by item (exact from a buffer, list or tuple), after append, extend, +=, del, clear, slice assignment and *=
import sys
S = sys.getsizeof
def show(label, b):
    print(label, len(b), S(b))
for n in [0, 1, 2, 3, 4, 5, 8, 9, 12, 13, 20, 40, 100]:
    print(n, S(bytearray(iter([7] * n))), S(bytearray([7] * n)), S(bytearray(x for x in [7] * n)), S(bytearray(range(n))), S(bytearray(b"x" * n)), S(bytearray(n)), S(bytearray(map(int, "1" * n))))
b = bytearray()
for i in range(20):
    b.append(i)
    print(S(b), end=" ")
print()
b = bytearray(b"abc")
for op in ["b.append(1)", "b.extend(b'xy')", "b.extend([1,2,3])", "b += b'q'", "b.pop()", "b[0] = 9", "del b[0]", "b.insert(0, 5)", "b.remove(5)", "b.clear()", "b.extend(range(30))", "del b[:20]", "b[1:2] = b'hello'", "b *= 3"]:
    exec(op)
    show(op, b)
