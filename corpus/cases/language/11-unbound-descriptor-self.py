# A builtin type's method called through the type checks its first argument: an instance of the type or
# of a subclass, else TypeError (and the object is left alone). Methods, slot wrappers, __get__, and
# descriptors handed to map() and sorted().
t = ()
tries = [
    lambda: list.append(t, 1),
    lambda: dict.get([], 1),
    lambda: str.upper(5),
    lambda: list.__len__((1, 2)),
    lambda: int.__add__(2.5, 1),
    lambda: set.add(frozenset(), 1),
    lambda: list.append(),
    lambda: list.__len__(),
    lambda: list.append.__get__(t),
    lambda: list.append.__get__(None),
    lambda: list(map(str.upper, ["a", 1])),
    lambda: sorted(["b", 2], key=str.lower),
]
for f in tries:
    try:
        print("ok", f())
    except TypeError as e:
        print("TypeError:", e)
print(t, len(t))


class L(list):
    pass


xs = L()
list.append(xs, 1)
list.extend(xs, [2, 3])
list.append.__get__(xs)(4)
print(xs, list.__len__(xs), type(xs).__name__)
print(int.__add__(True, 1), bool.__add__(True, 1))
print(bool.__add__, list.append, int.__add__.__objclass__)
print(list(map(str.upper, "ab")), sorted("bCa", key=str.lower))
ap = list.append
out = []
for i in range(5):
    ap(out, i * i)
print(out)
