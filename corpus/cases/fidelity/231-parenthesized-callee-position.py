# a call whose callee is parenthesized starts at the parenthesis: the SyntaxError an error filter makes of compile()'s warning, and the traceback's carets
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in ["(1)(2)", "y = (1)(2)", "[(1)(2)]", "[x for x in (1)(2)]", "f(((1))(2))", "(\n1)(2)", "((1))(2)", "1(2)"]:
        try:
            compile(src, "<s>", "exec")
        except SyntaxError as e:
            print(repr(src), e.args)
def f(x):
    raise ValueError(x)
def g():
    return [1][0] + (f)(2) + 1
g()
