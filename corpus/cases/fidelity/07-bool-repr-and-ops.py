# bool has its own __repr__ and bitwise slots; arithmetic on bools gives ints
print(True & False, True | False, True ^ True, True & 1, 1 & True, ~True, -True, True + True, True * 3)
print(bool.__and__(True, False), bool.__repr__(True), int.__repr__(True), True.__and__(1), type(True & True), type(True & 1))
print(sorted([True, False, 1, 0]), str(True), repr(True), hash(True), f"{True:>6}|{False:d}|{True!r}")
print("%s %r %d %5s" % (True, False, True, True), format(False, "^7"), "{!s:<6}|".format(True))
