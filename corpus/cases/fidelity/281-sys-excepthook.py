# sys.excepthook prints an exception as an uncaught one would be, and the program goes on
import sys


def divide(a, b):
    return a / b


try:
    divide(1, 0)
except ZeroDivisionError:
    sys.excepthook(*sys.exc_info())
print("still running")

try:
    {}["missing"]
except KeyError as e:
    sys.excepthook(type(e), e, None)

fresh = ValueError("never raised")
sys.excepthook(ValueError, fresh, None)


def traceback_of_error():
    try:
        [][1]
    except IndexError as e:
        return e.__traceback__


tb = traceback_of_error()
other = RuntimeError("given a traceback")
sys.excepthook(RuntimeError, other, tb)
print(other.__traceback__ is tb)
sys.excepthook(None, None, None)
sys.excepthook(int, 5, None)
try:
    sys.excepthook()
except TypeError as e:
    print("TypeError:", e)
print(sys.excepthook is sys.__excepthook__)
