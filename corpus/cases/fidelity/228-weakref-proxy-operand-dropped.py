# an operator on two proxies: the left operand's method drops the last other reference to the right
# operand, whose reflected method then still runs
import weakref


class N:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        global y
        del y
        return NotImplemented



class R:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return ("radd", self.v, [0] * 3)


x = N(1)
y = R(2)
px = weakref.proxy(x)
py = weakref.proxy(y)
print(px + py)
try:
    print(py)
except ReferenceError as e:
    print("ReferenceError", e)
