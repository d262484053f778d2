# frame objects: f_globals, f_locals, f_code, f_back, f_lineno
import sys

G = 1


def f(a, b=2):
    c = a + b
    fr = sys._getframe()
    print(fr.f_globals is globals(), fr.f_globals["G"], fr.f_globals["__name__"])
    print(sorted(fr.f_locals), fr.f_locals["a"])
    print(fr.f_code.co_name, fr.f_code is f.__code__, fr.f_back.f_code.co_name, fr.f_lineno)
    print(fr.f_back.f_globals is globals(), fr.f_back.f_back, type(fr).__name__)
    return fr


fr = f(1)
print(fr.f_locals["c"], fr.f_globals is globals())


def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        tb = e.__traceback__
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_globals is globals())


g()
top = sys._getframe()
print(top.f_locals is globals(), top.f_globals is globals(), top.f_code.co_name, top.f_back)
