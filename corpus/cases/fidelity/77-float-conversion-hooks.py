# float(x) and math's float arguments: which of __float__, __index__ and the value itself answers
import math
import warnings
warnings.simplefilter("always")

class OnlyIndex:
    def __index__(self):
        return 7

class HugeIndex:
    def __index__(self):
        return 10 ** 400

class OwnFloat(float):
    def __float__(self):
        return 2.5

class OwnFloatBad(float):
    def __float__(self):
        return "x"

class IntOwnFloat(int):
    def __float__(self):
        return 0.25

class FloatSub(float):
    pass

class ReturnsSub:
    def __float__(self):
        return FloatSub(1.5)

print(float(OnlyIndex()), math.sqrt(OnlyIndex()))
for f in (float, math.sqrt):
    try:
        f(HugeIndex())
    except OverflowError as e:
        print(f.__name__, "OverflowError:", e)
print(float(OwnFloat(4.0)), type(float(OwnFloat(4.0))).__name__)
print(math.sqrt(OwnFloat(4.0)), math.floor(OwnFloat(4.5)), math.isclose(OwnFloat(1.0), 1.0))
try:
    float(OwnFloatBad(1.0))
except TypeError as e:
    print("TypeError:", e)
print(math.sqrt(OwnFloatBad(9.0)))
print(float(IntOwnFloat(3)), math.sqrt(IntOwnFloat(4)))
print(float(FloatSub(2.0)), type(float(FloatSub(2.0))).__name__)
print(float(ReturnsSub()))
print(float(True), float(" 1e3 "), float(10 ** 20))
try:
    float(object())
except TypeError as e:
    print("TypeError:", e)
