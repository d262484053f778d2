# != on a builtin subclass that overrides only __eq__ runs the base's own __ne__; list/dict/set/bytearray.__hash__
# are None; str methods' messages for a wrong argument type; builtin methods that take no keyword arguments
print(list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__, frozenset.__hash__ is None, [].__hash__)
class L(list): pass
class L2(list):
    def __hash__(self): return 3
for f in [lambda: hash([]), lambda: hash(L()), lambda: {L(): 1}, lambda: {L()}, lambda: hash(bytearray()), lambda: hash({}), lambda: hash(L2()), lambda: {L2(): 1}, lambda: L.__hash__]:
    try: print(f())
    except TypeError as e: print(e)
class S2(str):
    def __eq__(self, o): return True
    __hash__ = str.__hash__
print(S2("a") != "b", "b" != S2("a"), S2("a") != 1, 1 != S2("a"))
class I(int):
    def __eq__(self, o): return False
    __hash__ = int.__hash__
print(I(1) != 1, 1 != I(1), I(1) != I(1), I(1) != 1.0)
class LL(list):
    def __eq__(self, o): return True
print(LL([1]) != [2], [2] != LL([1]), LL() != LL([3]))
class O:
    def __eq__(self, o): return True
print(O() != 1, 1 != O())
class P(O): pass
print(O() != P(), P() != O())
tests = [lambda: "x".count(1), lambda: "x".find(1), lambda: "x".rfind(1), lambda: "x".index(1), lambda: "x".rindex(1),
 lambda: "x".startswith(1), lambda: "x".endswith(1), lambda: "x".split(1), lambda: "x".rsplit(1), lambda: "x".replace(1, "a"),
 lambda: "x".replace("a", 1), lambda: "x".strip(1), lambda: "x".lstrip(1), lambda: "x".rstrip(1), lambda: "x".join([1]),
 lambda: "x".partition(1), lambda: "x".rpartition(1), lambda: "x".removeprefix(1), lambda: "x".removesuffix(1),
 lambda: "x".center(3, 1), lambda: "x".ljust(3, 1), lambda: "x".zfill("a"), lambda: "x".encode(1),
 lambda: "x".split(",", "a"), lambda: "x".expandtabs("a"), lambda: "x".format_map(1), lambda: "x" in 1, lambda: 1 in "x",
 lambda: {}.get(1, default=2), lambda: {}.get(k=1), lambda: [].append(x=1), lambda: [].pop(i=0), lambda: [].insert(i=0, x=1),
 lambda: {}.setdefault(1, default=2), lambda: {}.pop(1, default=2), lambda: set().add(x=1), lambda: "x".find(sub="x"),
 lambda: "x".count(x="x"), lambda: "x".startswith(prefix="x"), lambda: "x".strip(chars="x"), lambda: [].index(value=1),
 lambda: [].count(x=1), lambda: ().index(x=1), lambda: [].remove(x=1), lambda: [].extend(iterable=[]), lambda: {}.update(a=1),
 lambda: "x".upper(a=1), lambda: {}.keys(a=1), lambda: [].copy(a=1), lambda: "x".replace("x", "y", count=1)]
for i, f in enumerate(tests):
    try: print(i, f())
    except Exception as e: print(i, type(e).__name__, e)
