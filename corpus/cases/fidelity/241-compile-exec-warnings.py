# Compile-time SyntaxWarnings of exec(), eval() and compile() sources: shown at every compile (no registry),
# recorded by catch_warnings, and made SyntaxErrors (with the expression's columns) by an error filter.
import warnings
exec("x = 1\nprint(x is 1)")
exec("x = 1\nprint(x is 1)")
c = compile("print(1 is 1)", "/nonexistent/f.py", "exec")
exec(c)
print(eval("1if 1 else 2"))
print(eval("0x1for") if False else 0)
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    compile("() is ()", "<x>", "eval")
print([(w.category.__name__, str(w.message), w.filename, w.lineno) for w in ws])
warnings.simplefilter("error")
try:
    compile("a = 5\nb = a is 5", "<y>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e, e.args, e.filename, e.lineno, e.offset, e.text)
def f():
    exec("print(2 is 2)")
try:
    f()
except SyntaxError as e:
    print(type(e).__name__, e.args)
