# bytes() and bytearray() of an object with __index__: a count of zero bytes, but an __index__ that
# raises TypeError (or returns a non-int) leaves the object to be read as an iterable


class BadIndex:
    def __index__(self):
        return "x"

    def __iter__(self):
        return iter([1, 2])


class RaisingIndex:
    def __index__(self):
        raise TypeError("nope")

    def __iter__(self):
        return iter([3])


class Both:
    def __index__(self):
        return 2

    def __iter__(self):
        return iter([7, 8, 9])


class Big:
    def __index__(self):
        return 2 ** 70


class Wrong:
    def __index__(self):
        raise ValueError("v")


class Negative:
    def __index__(self):
        return -1


class NotIterable:
    def __index__(self):
        return "x"


for cls in (BadIndex, RaisingIndex, Both, Big, Wrong, Negative, NotIterable):
    for make in (bytes, bytearray):
        try:
            print(cls.__name__, make.__name__, make(cls()))
        except Exception as e:
            print(cls.__name__, make.__name__, type(e).__name__, e)
for big in (2 ** 70, -(2 ** 70)):
    try:
        bytes(big)
    except Exception as e:
        print(type(e).__name__, e)
