# sys.implementation is python3's namespace (cpython, cpython-311, version_info); a script's streams are no terminal (as python3's piped): isatty() False, fileno() 0, 1, 2
import sys
i = sys.implementation
print(i.name, i.cache_tag, i.version, i.version[:2], i.version.major, i.hexversion, i._multiarch)
print(type(i).__name__, sorted(vars(i)), i.version is sys.version_info)
print(i)
print(i == sys.implementation, i is sys.implementation)
i.extra = 1
print(sys.implementation.extra)
print(sys.stdout.isatty(), sys.stderr.isatty(), sys.stdout.fileno(), sys.stderr.fileno())
print(sys.__stdout__.fileno(), sys.__stderr__.isatty())
print(sys.stdin.fileno(), sys.stdin.isatty())
