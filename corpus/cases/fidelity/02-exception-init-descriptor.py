# every built-in exception class has its own __init__ slot wrapper; a wrong self names that class
for cls, bad in [(Exception, []), (ValueError, KeyError()), (KeyError, ValueError()), (BaseException, 5), (ArithmeticError, "x")]:
    try:
        cls.__init__(bad, 1)
    except TypeError as e:
        print(e)
print(Exception.__init__ is BaseException.__init__, ValueError.__init__ is ValueError.__init__)
print(Exception.__init__, KeyError.__init__, Exception.__init__.__objclass__)
e = ValueError("a")
Exception.__init__(e, "b", 2)
print(e.args, repr(e))
class MyError(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(7)
except ValueError as err:
    print(repr(err), err.code, err.args)
