# list(), list.extend, sorted(), tuple() and bytes() ask a class's own __len__ / __length_hint__ for the room they make (PyObject_LengthHint): sys.getsizeof of the list shows it, and a bad hint raises python3's errors
import sys

log = []


class Hinted:
    def __init__(self, n, hint):
        self.n = n
        self.hint = hint

    def __iter__(self):
        log.append("iter")
        return iter(range(self.n))

    def __length_hint__(self):
        log.append("hint")
        if isinstance(self.hint, BaseException):
            raise self.hint
        return self.hint


class Sized(list):
    def __init__(self, items, size):
        self.size = size
        super().__init__(items)

    def __len__(self):
        log.append("len")
        if isinstance(self.size, BaseException):
            raise self.size
        return self.size

    def __length_hint__(self):
        log.append("hint")
        return 2


for n in [0, 1, 3, 5, 9, 17, 40]:
    row = []
    for size in [0, 1, 6, 13, 50]:
        x = Sized(range(n), size)
        row.append(sys.getsizeof(list(x)))
        y = [0, 0]
        y.extend(x)
        row.append(sys.getsizeof(y))
        row.append(sys.getsizeof(sorted(x)))
        row.append(sys.getsizeof(list(Hinted(n, size))))
    print(n, row)

for make in [lambda: list(Sized([1, 2, 3], 3)), lambda: tuple(Sized([1, 2], 2)), lambda: Sized(Sized([7], 1), 4),
             lambda: [].extend(Hinted(2, 1)), lambda: bytes(Hinted(2, 1)), lambda: bytearray(Hinted(2, 1)),
             lambda: set(Hinted(1, 1)), lambda: [*Hinted(1, 1)]]:
    log.clear()
    r = make()
    print(type(r).__name__, log)

for bad in [-1, "x", 2.5, None, True, NotImplemented, TypeError("t"), ValueError("v"), 2**70, -2**70]:
    for name, f in [("list", list), ("tuple", tuple), ("extend", [].extend), ("sorted", sorted), ("bytes", bytes),
                    ("bytearray.extend", bytearray().extend), ("+=", lambda x: [].__iadd__(x))]:
        for obj in [Hinted(3, bad), Sized([1, 2, 3], bad)]:
            try:
                r = f(obj)
                print(name, type(obj).__name__, repr(bad), "->", r if r is None else sys.getsizeof(r))
            except Exception as e:
                print(name, type(obj).__name__, repr(bad), "!", type(e).__name__, e)
