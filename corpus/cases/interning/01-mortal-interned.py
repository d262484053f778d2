# Interned strings are mortal in 3.11: the interned table holds no reference, and an interned str dies with its last holder
import sys
s = sys.intern("".join(["session", "_token_key"]))
print("interned at run time, one name:", sys.getrefcount(s))
holders = [s, s]
print("and two list slots:", sys.getrefcount(s))
d = {s: 1}
print("and a dict key:", sys.getrefcount(s))
del holders, d
print("back to one name:", sys.getrefcount(s))
del s
u = "".join(["session", "_token_key"])
print("the same text built again is interned anew:", sys.intern(u) is u)
c = "config_name_v"
v = "".join(["config", "_name_v"])
print("a constant keeps its interned str:", sys.intern(v) is c, sys.intern(v) is v)
x = "".join(["ab", "cd"])
x += "ef"
y = sys.intern(x)
x += "gh"
print("an interned str is never grown in place:", y, x, sys.intern("abcdef") is y)
