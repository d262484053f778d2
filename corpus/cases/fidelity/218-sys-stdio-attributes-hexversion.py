# sys.hexversion and the attributes of sys.stdout, sys.stderr and sys.stdin as a script sees them with its output going to a pipe (the corpus's environment: PYTHONUNBUFFERED=1, PYTHONIOENCODING=utf-8)
import sys

print(sys.hexversion, hex(sys.hexversion), sys.hexversion >> 24, sys.hexversion >> 16 & 255, sys.hexversion >> 8 & 255)
print(sys.hexversion == (sys.version_info.major << 24 | sys.version_info.minor << 16 | sys.version_info.micro << 8 | 0xF0))
for f in (sys.stdout, sys.stderr, sys.stdin):
    print(repr(f))
    print(" ", [(a, getattr(f, a)) for a in ["name", "mode", "encoding", "errors", "line_buffering", "write_through", "closed", "newlines"]])
    print(" ", [(m, getattr(f, m)()) for m in ["isatty", "readable", "writable", "seekable", "fileno"]])
print(sys.stdout.encoding is sys.stdout.encoding, sys.stderr.name is sys.stderr.name)
print(type(sys.stdout), type(sys.stdout).__module__, type(sys.stdin).__name__)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(hasattr(sys.stdout, "no_such_attribute"), getattr(sys.stderr, "no_such_attribute", "-"))
