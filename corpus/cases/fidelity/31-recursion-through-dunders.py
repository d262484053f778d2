# recursion through dunder methods and builtins that call back into Python (hash, <, str, format, len, bool, descriptors, iter, in, +, index, sum/any/filter/min/zip/join/enumerate/set/tuple over generators and maps) ends in RecursionError
class H:
    def __hash__(self):
        return hash(frozenset([H()])) if True else 0
class Lt:
    def __lt__(self, o):
        return sorted([Lt(), Lt()]) and True
class S:
    def __str__(self):
        return str(S())
class F:
    def __format__(self, spec):
        return format(F(), spec)
class Ln:
    def __len__(self):
        return len(Ln())
class B:
    def __bool__(self):
        return bool(B())
class D:
    def __get__(self, o, t):
        return Holder().d
class Holder:
    d = D()
class I:
    def __iter__(self):
        return iter(I())
class C:
    def __contains__(self, x):
        return x in C()
class Add:
    def __add__(self, o):
        return Add() + o
class Idx:
    def __index__(self):
        return [1, 2][Idx()]
def gsum(n):
    return sum(gsum(n + 1) for _ in [0])
def anyg(n):
    return any(anyg(n + 1) for _ in [1])
def filt(n):
    return list(filter(lambda x: filt(n + 1), [1]))
def dictc(n):
    return {k: dictc(n + 1) for k in [1]}
def minkey(n):
    return min([1, 2], key=lambda x: minkey(n + 1))
def zipm(n):
    return list(zip(map(zipm, [n + 1])))
def strjoin(n):
    return "".join(map(lambda x: strjoin(n + 1), ["a"]))
def enum(n):
    return list(enumerate(map(enum, [n + 1])))
def setc(n):
    return set(map(setc, [n + 1]))
def tup(n):
    return tuple(tup(n + 1) for _ in [0])
def lcomp_map(n):
    return [x for x in map(lcomp_map, [n + 1])]
tests = [("hash", lambda: hash(H())), ("lt", lambda: Lt() < Lt()), ("str", lambda: str(S())), ("format", lambda: format(F(), "")),
         ("len", lambda: len(Ln())), ("bool", lambda: bool(B())), ("descr", lambda: Holder().d), ("iter", lambda: iter(I())),
         ("contains", lambda: 1 in C()), ("add", lambda: Add() + 1), ("index", lambda: [1][Idx()]), ("gsum", lambda: gsum(0)),
         ("any", lambda: anyg(0)), ("filter", lambda: filt(0)), ("dictc", lambda: dictc(0)), ("min", lambda: minkey(0)),
         ("zip", lambda: zipm(0)), ("join", lambda: strjoin(0)), ("enum", lambda: enum(0)), ("set", lambda: setc(0)), ("tuple", lambda: tup(0)), ("lcomp", lambda: lcomp_map(0))]
for name, t in tests:
    try:
        t()
        print(name, "no error")
    except RecursionError as e:
        print(name, "RecursionError")
    except Exception as e:
        print(name, type(e).__name__)
def r(n):
    return 0 if n == 0 else 1 + r(n - 1)
print(r(990))
