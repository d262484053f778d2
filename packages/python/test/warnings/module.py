import warnings
warnings.warn("x", DeprecationWarning)
print(sorted(k for k in globals() if 'warn' in k))
def f():
    warnings.warn("far", stacklevel=5)
f()
for a in [("m", str), (1,), ("m", 5)]:
    try:
        warnings.warn(*a)
    except Exception as e:
        print(type(e).__name__, e)
warnings.warn(UserWarning("inst"))
warnings.warn(RuntimeWarning("inst2"), UserWarning)
warnings.warn(5 and "five", Warning)
class MyW(UserWarning): pass
warnings.warn("mine", MyW)
warnings.simplefilter("error", MyW)
try:
    warnings.warn("mine2", MyW)
except MyW as e:
    print("caught", repr(e), e.args)
print(warnings.filters[0])
warnings.filterwarnings("ignore", message="hid")
warnings.warn("HIDDEN msg")
warnings.warn("shown msg")
print(__warningregistry__)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("rec1")
    warnings.warn("rec1")
    print(len(w), w[0].message, w[0].category, w[0].lineno, str(w[0]).replace(w[0].filename, 'F'))
print(warnings.catch_warnings(record=True), warnings.catch_warnings())
warnings.warn("after")
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("once!")
warnings.warn("once!")
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AE", e)
def sw(message, category, filename, lineno, file=None, line=None):
    print("SW", message, category.__name__, lineno, line)
warnings.showwarning = sw
warnings.simplefilter("always")
warnings.warn("via sw")
print(warnings.formatwarning("fm", UserWarning, "file.py", 3))
print(repr(warnings.formatwarning("fm", UserWarning, "t4.py", 3, "  a line  ")))
