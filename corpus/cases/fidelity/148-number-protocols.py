# complex(), printf-style formatting and float() through __float__, __index__, __int__, __complex__
class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 7


class N:
    def __int__(self):
        return 9


class C:
    def __complex__(self):
        return 1 + 2j


class BadComplex:
    def __complex__(self):
        return 5


class BadFloat:
    def __float__(self):
        return "x"


for o in (F(), I(), C(), N(), BadComplex(), BadFloat()):
    try:
        print(type(o).__name__, complex(o))
    except TypeError as e:
        print(type(o).__name__, "TypeError:", e)
print(complex(F(), I()), complex(1, F()), complex(C(), 1))
for fmt in ("%f", "%.2e", "%g", "%d", "%i", "%5d", "%x", "%o", "%c"):
    for o in (F(), I(), N(), BadFloat()):
        try:
            print(fmt, type(o).__name__, repr(fmt % o))
        except TypeError as e:
            print(fmt, type(o).__name__, "TypeError:", e)
for b in (b"\xa01", b"1\xa0", bytearray(b"1.5"), b" 2.5 ", b"\t1_0.5\n", bytearray(b" inf "), bytearray(b"x"), b""):
    try:
        print(float(b))
    except ValueError as e:
        print("ValueError:", e)
print(float(F()), float(I()), int(N()))
