# sys.stdin's name, mode and encoding as python3 gives them (sys.stdin.name was an AttributeError)
import sys

print(sys.stdin.name, sys.stdin.mode, sys.stdin.encoding, repr(sys.stdin))
print(sys.__stdin__.name)
