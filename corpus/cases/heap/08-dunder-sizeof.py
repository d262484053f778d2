import sys
class C: pass
class S:
    __slots__ = ("a",)
class L(list): pass
class Z:
    def __sizeof__(self): return 100
class LZ(list):
    def __sizeof__(self): return 7
objs = [[], [1, 2, 3], {}, {"a": 1}, (), (1, 2), set(), frozenset(), "abc", "é", b"ab", bytearray(), bytearray(5), 1, 2**70, 1.5, True, None, object(), C(), S(), L([1]), range(3), iter([]), iter(range(3)), (x for x in []), lambda: 0, C, Z(), LZ([1,2]), slice(1), 1j, ..., NotImplemented, type, print, [].append, C().__init__]
for o in objs:
    try:
        a = o.__sizeof__()
    except TypeError as e:
        a = "TE"
    print(type(o).__name__, a, sys.getsizeof(o))
# a class's own __sizeof__: sys.getsizeof adds the GC link and the managed dict's pointers, checks the result
class A:
    def __sizeof__(self): return -1
class B:
    def __sizeof__(self): return "x"
class C2:
    def __sizeof__(self): return 2**70
class D:
    def __sizeof__(self): return True
class E(int):
    def __sizeof__(self): return 3
class F:
    def __sizeof__(self): raise TypeError("no")
class G:
    def __sizeof__(self): raise KeyError("no")
class H(list):
    def __sizeof__(self): return list.__sizeof__(self) + 1
for k in (A, B, C2, D, E, F, G, H):
    try:
        print(k.__name__, sys.getsizeof(k()))
    except Exception as e:
        print(k.__name__, type(e).__name__, e)
print(sys.getsizeof(B(), 5), sys.getsizeof(F(), "d"), sys.getsizeof(H([1, 2]), 0))
for k in (A, C2, G):
    try:
        print(sys.getsizeof(k(), 5))
    except Exception as e:
        print(k.__name__, type(e).__name__, e)
class E2(int): pass
class S2(str): pass
class T2(tuple): pass
class D2(dict): pass
class L2(list): pass
for o in (E2(5), E2(10**30), S2("abc"), T2((1, 2)), D2(a=1), L2([1])):
    print(type(o).__name__, sys.getsizeof(o), o.__sizeof__())
