import random
random.seed(1)
print(random.randrange(10.0))
print(random.randrange(10.0))
for i in range(2):
    print(random.randrange(3.0, 9))
import warnings
warnings.warn("zz", SyntaxWarning)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(random.randrange(12.0))
with warnings.catch_warnings(action="error"):
    try:
        random.randrange(5.0)
    except DeprecationWarning as e:
        print("err", e)
print(random.randrange(5.0))
class Pass:
    def __del__(self):
        warnings.warn("in del", RuntimeWarning)
p = Pass()
del p
import sys
warnings.warn("to stdout?")
class Out:
    def write(self, s):
        print("written:", s[s.index("filters.py"):], end="")


sys.stderr = Out()
warnings.warn("to stdout!")
sys.stderr = None
warnings.warn("nowhere")
sys.stderr = sys.__stderr__
warnings.filterwarnings("error", "ba[dr]", UserWarning)
try:
    warnings.warn("BAR bar")
except UserWarning as e:
    print("raised", e)
warnings.warn("foo BAR bar")
print(warnings.filters[0])
print([type(f[1]).__name__ for f in warnings.filters])
warnings.resetwarnings()
print(warnings.filters)
warnings.warn("dep now shown?", DeprecationWarning)
warnings.warn("dep now shown?", PendingDeprecationWarning)
warnings.simplefilter("module")
warnings.warn("mod1")
warnings.warn("mod1")
def g(): warnings.warn("mod1")
g()
warnings.warn("final", stacklevel=2)
