# None, True and False have thousands / hundreds of references at start-up (the runtime's own), small ints and () are static
import sys

print("None > 1000:", sys.getrefcount(None) > 1000, " True > 100:", sys.getrefcount(True) > 100, " False > 100:", sys.getrefcount(False) > 100)
print("Ellipsis < 1000:", sys.getrefcount(...) < 1000, " NotImplemented < 1000:", sys.getrefcount(NotImplemented) < 1000)
print("small ints, (), '' are huge:", all(sys.getrefcount(o) > 999_999_999 for o in (0, 1, 7, 256, -5, (), "")))
before = sys.getrefcount(None)
many = [None] * 1000
print("1000 more references to None:", sys.getrefcount(None) - before)
del many
print("and back:", sys.getrefcount(None) - before)
t, f = sys.getrefcount(True), sys.getrefcount(False)
flags = [x > 2 for x in range(10)]
print("True/False in a list:", sys.getrefcount(True) - t, sys.getrefcount(False) - f)
x = 1000
print("a large int constant:", sys.getrefcount(x))
