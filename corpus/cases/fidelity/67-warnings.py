# Warnings as python3 shows them: once per line under the default filters, DeprecationWarning only from __main__, warnings.warn, filters, catch_warnings
import warnings


class T:
    def __trunc__(self):
        return 7


for i in range(3):
    print(int(T()))
print(int(T()), bool(NotImplemented))


def helper(n):
    warnings.warn("helper called with %d" % n, stacklevel=2)


helper(1)
for n in range(2, 5):
    helper(n)
warnings.warn("a RuntimeWarning", RuntimeWarning)
warnings.warn(UserWarning("an instance"))
exec("import warnings\nwarnings.warn('hidden', DeprecationWarning)", {"__name__": "elsewhere"})
print(sorted(k[1].__name__ + ":" + str(k[2]) for k in __warningregistry__ if k != "version"))

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn("recorded", FutureWarning)
print([(str(w.message), w.category.__name__, w.lineno) for w in log])

warnings.filterwarnings("ignore", message="quiet")
warnings.warn("Quiet please")
warnings.simplefilter("error", SyntaxWarning)
try:
    warnings.warn("now an error", SyntaxWarning)
except SyntaxWarning as e:
    print("raised:", repr(e))
print(warnings.filters[:2])


def show(message, category, filename, lineno, file=None, line=None):
    print("showwarning:", message, category.__name__, lineno)


warnings.showwarning = show
warnings.warn("through showwarning")
warnings.simplefilter("error")
warnings.warn("uncaught", UserWarning)
print("not reached")
