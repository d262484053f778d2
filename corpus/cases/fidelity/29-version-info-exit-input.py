# sys.version_info is a named struct sequence, exit and quit say how to leave, input() at EOF raises EOFError
import sys
v = sys.version_info
print(v.major, v.minor, v.micro, v.releaselevel, v.serial, v[:2], v >= (3, 8), len(v), v.n_fields)
print(v, type(v).__name__, isinstance(v, tuple), v is sys.version_info, v[0] == v.major)
print(repr(exit), repr(quit), str(exit))
try:
    input()
except EOFError as e:
    print(repr(e), e.args)
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
