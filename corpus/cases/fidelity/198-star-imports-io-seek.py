# What a star import of collections, functools, json and dataclasses brings in (python3's __all__ of each),
# io's SEEK_* constants with StringIO.seek, and StringIO as print's file.
import io

for module in ("collections", "functools", "json", "dataclasses"):
    ns = {}
    exec("from %s import *" % module, ns)
    print(module, sorted(k for k in ns if k != "__builtins__"))
import collections

print(collections.__all__)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
buf = io.StringIO()
print("alpha", "beta", sep=", ", end=";\n", file=buf)
print(3, 4.5, None, file=buf)
print(buf.tell(), buf.seek(0, io.SEEK_SET), buf.readline(), buf.seek(0, io.SEEK_END), buf.seek(0, io.SEEK_CUR))
buf.seek(7)
print(repr(buf.read()), repr(buf.getvalue()))
lines = io.StringIO("first\nsecond\n\nlast")
for n, line in enumerate(lines, 1):
    print(n, repr(line), line.rstrip("\n").upper())
