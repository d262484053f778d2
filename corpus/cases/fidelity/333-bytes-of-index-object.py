# bytes(x) and bytearray(x) of an object whose class defines __index__: a count of zero bytes, as for an int (and __bytes__ still comes first)
class Three:
    def __index__(self):
        return 3
class Both:
    def __index__(self):
        return 2
    def __bytes__(self):
        return b"own"
print(bytes(Three()), bytearray(Three()), len(bytes(Three())))
print(bytes(Both()), bytearray(Both()))
print([0, 1, 2, 3, 4][Three()], "abcd"[Three()], range(Three()), bin(Three()), b"ab" * Three())
class Negative:
    def __index__(self):
        return -1
for make in (bytes, bytearray):
    try:
        make(Negative())
    except ValueError as e:
        print(make.__name__, "ValueError:", e)
class Plain:
    pass
for make in (bytes, bytearray):
    try:
        make(Plain())
    except TypeError as e:
        print(make.__name__, "TypeError:", e)
try:
    bytearray().extend(Plain())
except TypeError as e:
    print("extend TypeError:", e)
class Items:
    def __iter__(self):
        print("__iter__ called")
        return iter([104, 105])
print(bytes(Items()), bytearray(Items()))
