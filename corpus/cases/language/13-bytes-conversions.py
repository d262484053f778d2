# int.from_bytes takes any bytes-like object or iterable of ints (through bytes()), checks its byte order, and
# makes an instance of the class it is called on; bytes() uses a class's own __bytes__ first
for args, kw in [(("ab",), {}), ((5,), {}), (([1, 2],), {}), ((b"a", "middle"), {}), ((bytearray(b"\x01\x02"), "little"), {}), (((255, 1),), {"signed": True}), ((iter([1, 2]),), {}), ((b"\xff",), {"byteorder": "little", "signed": True}), ((), {"bytes": b"\x02"}), (([256],), {}), ((b"a", 5), {})]:
    try:
        print(int.from_bytes(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
class B:
    def __bytes__(self): return b"\x07"
print(int.from_bytes(B(), "big"))
class I(int): pass
print(type(I.from_bytes(b"\x01", "big")).__name__, I.from_bytes(b"\x01", "big"))
class B:
    def __bytes__(self): return b"\x07"
print(bytes(B()))
class C(bytes): pass
print(bytes(C(b"x")), type(bytes(C(b"x"))))
class S(str):
    def __bytes__(self): return b"s"
print(bytes(S("x")))
class Bad:
    def __bytes__(self): return "no"
try:
    bytes(Bad())
except TypeError as e:
    print(e)
class Sub(bytes):
    def __bytes__(self): return b"own"
print(bytes(Sub(b"q")), bytearray(Sub(b"q")))
class Cnt:
    def __bytes__(self): return b"c"
    def __iter__(self): return iter([1])
print(bytes(Cnt()), bytearray(Cnt()))
