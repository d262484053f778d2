# print without file= writes to sys.stdout as it is now: an object of one's own with write(), None (nothing
# printed), deleted (RuntimeError), sys.stderr; sys.__stdout__ restores it
import sys
class W:
    def __init__(self): self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self): pass
w = W()
sys.stdout = w
print("hello", 1, sep="-")
print("x", end="")
sys.stdout.write("direct\n")
sys.stdout = sys.__stdout__
print(w.parts)
class StringIO:
    def __init__(self): self.v = ""
    def write(self, s): self.v += s
    def getvalue(self): return self.v
buf = StringIO()
sys.stdout = buf
print("into buf")
sys.stdout = sys.__stdout__
print(repr(buf.getvalue()))
sys.stdout = None
print("lost")
sys.stdout = sys.__stdout__
class Bad: pass
sys.stdout = Bad()
try:
    print("x")
except AttributeError as e:
    sys.stdout = sys.__stdout__
    print("AE", e)
sys.stdout.write("ok\n")
print(sys.stdout is sys.__stdout__)
del sys.stdout
try:
    print("gone")
except RuntimeError as e:
    sys.stdout = sys.__stdout__
    print("RE", e)
sys.stdout = sys.stderr
print("to stderr")
sys.stdout = sys.__stdout__
print("back", file=None)
