# An empty bytearray is false: bool(), not, if/while, and/or and comprehension filters
b = bytearray(b"abcdefghij")
chunks = []
while b:
    chunks.append(bytes(b[-4:]))
    del b[-4:]
print(chunks, b, bool(b), not b)
print(bool(bytearray()), bool(bytearray(1)), bool(bytearray(b"\x00")), not bytearray())
print(bytearray() or "empty", bytearray(b"x") and "full", [x for x in [bytearray(), bytearray(b"a"), b""] if x])
c = bytearray(b"ab")
c.clear()
if c:
    print("not empty")
else:
    print("empty after clear")
class BA(bytearray):
    pass
print(bool(BA()), bool(BA(b"z")), any([bytearray(), BA()]), all([bytearray(b"1"), BA(b"2")]))
