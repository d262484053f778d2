# vars() without an argument is locals(); sys._getframe(depth) walks the callers and knows its line
import sys
def f(a, b=2):
    c = a + b
    print(sorted(locals()), sorted(vars()), vars() == locals())
    return c
f(1)
print("f" in vars(), vars() is globals())
here = sys._getframe()
print(type(here).__name__, here.f_code.co_name, here.f_lineno, here.f_back)
def outer():
    def inner():
        up = sys._getframe(1)
        return up.f_code.co_name, up.f_lineno, sys._getframe(0).f_code.co_name, sys._getframe().f_back.f_code.co_name
    return inner()
print(outer())
try:
    sys._getframe(50)
except ValueError as e:
    print(e)
