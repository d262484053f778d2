# iterating a str: python3 has one iterator type for an exact all-ASCII str and another for the rest
# (non-ASCII text, a str subclass's instance); both count down their length hint the same way
import operator
import sys


class S(str):
    pass


for text in ["ab", "", "é", "aé", "日本", "😀x", S("ab"), S(""), S("é")]:
    it = iter(text)
    print(repr(text), type(it).__name__, operator.length_hint(it), it.__length_hint__())
    first = next(it, None)
    print("  first", repr(first), "hint", it.__length_hint__(), "rest", list(it), "hint", it.__length_hint__())
    print("  after end", next(it, "done"))

print(type(iter("a")) is type(iter("b")), type(iter("a")) is type(iter("é")))
print(type(iter("é")) is type(iter(S("a"))))
print(sys.getsizeof(iter("a")) == sys.getsizeof(iter("é")))
print(type(iter(str("abc"))).__name__, type(iter("abc".upper())).__name__, type(iter("ÀB".lower()[1:])).__name__)

# the types are not for making directly
for sample in ["a", "é"]:
    t = type(iter(sample))
    try:
        t()
    except TypeError as e:
        print(t.__name__, "TypeError:", e)
    print(t.__name__, hasattr(t, "__next__"), hasattr(t, "__length_hint__"), t.__iter__(iter(sample)) is not None)
    try:
        t.__next__(iter(S("b") if sample == "a" else "b"))
    except TypeError as e:
        print("TypeError:", e)

# for loops, comprehensions and unpacking over both kinds
a, b = "é!"
print(a, b, [c.upper() for c in "añb"], "".join(ch for ch in S("xyz")))
print(list(zip("ab", "éç")), list(enumerate(S("ok"))))
print(sorted("héllo"), max(S("abz")), min("zé"))

# each built-in iterator type's __iter__ and __next__ are its own: they refuse another iterator type
print(type(iter([])).__iter__, type(iter(())).__iter__, type(iter(range(3))).__next__, type(iter("é")).__next__)
it = iter((1, 2))
print(type(iter([])).__iter__(iter([])) is not None, type(it).__next__(it))
for f, a in [(type(iter([])).__iter__, iter(())), (type(iter([])).__next__, iter({})), (type(iter({})).__next__, iter(set())),
             (type(iter("a")).__next__, iter("é")), (type(iter((x for x in "a"))).__next__, iter("a"))]:
    try:
        f(a)
    except TypeError as e:
        print("TypeError:", e)
print(iter("é").__next__.__name__, iter("a").__iter__().__next__.__qualname__)
