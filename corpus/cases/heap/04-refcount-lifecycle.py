# Reference counts rise and fall as names, containers and calls hold an object
import sys
obj = object()
print("fresh:", sys.getrefcount(obj))
names = [obj, obj, obj]
print("three list slots:", sys.getrefcount(obj))
t = (obj,)
print("and a tuple:", sys.getrefcount(obj))
def peek(o):
    return sys.getrefcount(o)
print("inside a call:", peek(obj))
d = {"k": obj}
print("a dict value:", sys.getrefcount(obj))
del names[1:]
print("after slicing two away:", sys.getrefcount(obj))
del d, t, names
print("back to one name:", sys.getrefcount(obj))
