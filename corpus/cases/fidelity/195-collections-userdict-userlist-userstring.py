# collections.UserDict, UserList and UserString: subclassed as course programs do, with python3's reprs,
# the common methods, operators and errors, and their places under collections.abc.
from collections import UserDict, UserList, UserString
import collections


class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


d = LowerDict({"A": 1}, B=2)
d["Cc"] = 3
d.update([("D", 4)], e=5)
print(d, len(d), d["a"], d.get("c"), d.get("zz", "none"), "cc" in d, "CC" in d, list(d), d.data)
print(d.keys(), d.items(), d.values(), sorted(d.keys()), list(d.items())[:2])
print(d.pop("a"), d.pop("missing", None), d.setdefault("f", 6), d.setdefault("b", 99), d)
print(d.popitem(), d == {"b": 2, "cc": 3, "d": 4, "e": 5}, d != {"b": 2})
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)


class Defaulting(UserDict):
    def __missing__(self, key):
        return "<" + str(key) + ">"


m = Defaulting(x=1)
print(m["x"], m["y"], m.get("y"), "y" in m, m | {"z": 2}, {"w": 0} | m, type(m | {"z": 2}).__name__)
m |= {"q": 9}
c = m.copy()
c["x"] = 100
print(m, c, type(c).__name__, UserDict.fromkeys("ab", 0), Defaulting.fromkeys([1, 2]), type(Defaulting.fromkeys([1])).__name__)
u = UserDict(a=1)
print(u.copy(), u.copy() is not u, repr(UserDict()), UserDict([(1, 2)]) == {1: 2}, bool(UserDict()), isinstance(u, dict))
u.clear()
print(u, len(u))
try:
    UserDict({}, {})
except TypeError as e:
    print("TypeError:", e)


class Stack(UserList):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([3, 1, 2])
s.push(5)
print(s, s.peek(), len(s), s[1:], type(s[1:]).__name__, s[0], 2 in s, s.index(2), s.count(1))
s.sort()
print(s, s.pop(), s.pop(0), s)
s.extend(Stack([7, 8]))
s.extend((9,))
s.insert(1, 0)
s.remove(7)
s.reverse()
print(s, s + [1], [1] + s, s * 2, 2 * s, type(s + [1]).__name__, type([1] + s).__name__)
s += [4]
s *= 2
print(s, s == list(s), s < [100], s > Stack([0]), s <= s, s >= s, Stack() == [])
t = s.copy()
t[0] = "first"
del t[1]
print(t, s[0], type(t).__name__, UserList("abc"), UserList(UserList([1])), UserList(range(3)), repr(UserList()))
t.clear()
print(t, bool(t), list(reversed(UserList([1, 2, 3]))), sorted(UserList([3, 1, 2])), max(UserList([4, 9])))
for bad in (lambda: Stack().pop(), lambda: UserList([1]).remove(2), lambda: UserList([1]).index(5), lambda: UserList([1])[5]):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    hash(UserList())
except TypeError as e:
    print("TypeError:", e)


class Title(UserString):
    def shout(self):
        return self.upper() + "!"


w = Title("hello world")
print(w, repr(w), len(w), w[0], type(w[0]).__name__, w[::-1], w.shout(), type(w.shout()).__name__)
print(w.title(), w.capitalize(), w.split(), w.split("o", 1), w.partition(" "), w.replace("l", "L", 2), w.count("l"), w.find("o"), w.rfind("o"))
print(w.startswith("he"), w.endswith(("x", "ld")), w.isalpha(), "wor" in w, UserString("wor") in w, w.index("w"), w.center(15, "*"), w.zfill(13))
print(w + "!", "<" + w, w * 2, 2 * w, type(w + "!").__name__, type("<" + w).__name__, w == "hello world", w < "z", sorted([Title("b"), Title("a")]))
print(w.strip("hd"), w.upper().lower(), w.join(["1", "2"]), type(w.join("ab")).__name__, w.encode(), w.removeprefix("hello "), w.removesuffix("world"))
n = UserString(42)
print(n, int(n), float(n), n.isdigit(), hash(n) == hash("42"), UserString("%s-%d") % ("a", 1), str(n) + "!", list(UserString("ab")), UserString("A,b").lower().split(","))
print(UserString(" a b ").strip().split(), UserString("x").ljust(3, "."), UserString("Ab").swapcase(), UserString("{}+{}").format(1, 2))
for bad in (lambda: w.index("zz"), lambda: w + 1 if False else int(UserString("x")), lambda: w[100]):
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)

from collections.abc import Mapping, MutableMapping, Sequence, MutableSequence, Iterable, Sized, Hashable, Container
for obj in (d, s, w):
    print(type(obj).__name__, [abc.__name__ for abc in (Mapping, MutableMapping, Sequence, MutableSequence, Iterable, Sized, Hashable, Container) if isinstance(obj, abc)])
print([k.__name__ for k in UserDict.__mro__], [k.__name__ for k in UserList.__mro__], [k.__name__ for k in UserString.__mro__])
print(collections.UserDict is UserDict, UserDict.__module__, UserList.__qualname__, type(UserDict).__name__)
