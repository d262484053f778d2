# del A.__dict__['x'] and del of other objects without item deletion ("does not" / "doesn't" as python3 words it), reversed(A.__dict__)
class A:
    x = 1

    def f(self):
        pass


class B(A):
    y = 2


for key in ["x", 0, "nope", True]:
    try:
        del A.__dict__[key]
    except TypeError as e:
        print(repr(key), e)
try:
    A.__dict__["z"] = 3
except TypeError as e:
    print(e)
print(list(reversed(A.__dict__)), list(reversed(B.__dict__)), next(reversed(vars(B))))
print([k for k in reversed(A.__dict__) if not k.startswith("__")], list(reversed(A.__dict__.values()))[-1])
for o in [(1, 2), "ab", 5, None, A(), frozenset(), range(3), b"ab", {}.keys(), iter([]), len, 2.5]:
    for key in [0, "a"]:
        try:
            del o[key]
        except TypeError as e:
            print(type(o).__name__, repr(key), e)
