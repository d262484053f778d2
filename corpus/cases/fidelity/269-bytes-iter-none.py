# a class that sets __iter__ = None cannot be converted to bytes, even with a __getitem__ (other
# conversions keep their own messages)
def show(label, f):
    try:
        print(label, "->", f())
    except TypeError as e:
        print(label, "-> TypeError:", e)


class NoIter:
    __iter__ = None


class NoIterIndexed:
    __iter__ = None
    __getitem__ = [7, 8].__getitem__


class Indexed:
    def __getitem__(self, i):
        if i < 2:
            return i + 65
        raise IndexError(i)


for label, f in [
    ("bytes(NoIter())", lambda: bytes(NoIter())),
    ("bytearray(NoIter())", lambda: bytearray(NoIter())),
    ("bytes(NoIterIndexed())", lambda: bytes(NoIterIndexed())),
    ("bytearray(NoIterIndexed())", lambda: bytearray(NoIterIndexed())),
    ("bytearray().extend(NoIter())", lambda: bytearray().extend(NoIter())),
    ("bytearray().extend(NoIterIndexed())", lambda: bytearray().extend(NoIterIndexed())),
    ("bytearray().extend(5)", lambda: bytearray().extend(5)),
    ("bytes(Indexed())", lambda: bytes(Indexed())),
    ("bytearray(Indexed())", lambda: bytearray(Indexed())),
    ("list(NoIterIndexed())", lambda: list(NoIterIndexed())),
    ("b''.join(NoIter())", lambda: b"".join(NoIter())),
]:
    show(label, f)
