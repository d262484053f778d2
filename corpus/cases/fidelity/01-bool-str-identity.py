# str(True) and repr(True) return the runtime's one 'True' string every time, not the interned literal
x = "True"
print(str(True) is str(True), repr(False) is repr(False), str(True) is repr(True))
print(f"{True}" is str(True), "{}".format(False) is str(False), "%s" % (True,) is str(True))
print(format(True) is str(True), True.__repr__() is repr(True), bool.__repr__(False) is str(False))
print(str(True) is x, str(True) == x, str(1 == 1) is str(True), str(True) is str(False))
