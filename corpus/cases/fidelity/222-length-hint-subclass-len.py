# A built-in iterator's __length_hint__ counts the items of a list, tuple, str or bytes subclass, not its __len__
import operator
class L(list):
    def __len__(self):
        return 100
class T(tuple):
    def __len__(self):
        return 50
class S(str):
    def __len__(self):
        return 70
class B(bytes):
    def __len__(self):
        return 70
class BA(bytearray):
    def __len__(self):
        return 9
for o in [L([1, 2, 3]), T((1, 2)), S("abc"), B(b"ab"), BA(b"xyz")]:
    it = iter(o)
    hints = [it.__length_hint__()]
    next(it)
    hints.append(operator.length_hint(it))
    if isinstance(o, list):
        r = reversed(o)
        hints += [type(r).__name__, r.__length_hint__()]
        next(r)
        hints.append(r.__length_hint__())
        o.pop()
        o.pop()
        hints.append(r.__length_hint__())
    print(type(o).__name__, len(o), hints)
class Seq:
    def __len__(self):
        return 5
    def __getitem__(self, i):
        if i < 3:
            return i
        raise IndexError
it = iter(Seq())
next(it)
r = reversed(Seq())
print(it.__length_hint__(), r.__length_hint__(), list(it))
