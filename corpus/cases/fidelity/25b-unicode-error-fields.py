# UnicodeEncodeError and UnicodeDecodeError keep their five fields apart from args: setting one changes str(),
# not args; start and end are machine words (ints only, not deletable); a bytearray object is kept as bytes
e = UnicodeDecodeError('utf-8', bytearray(b'ab'), 0, 1, 'r'); print(type(e.object), e.args, e)
e = UnicodeEncodeError('ascii', 'h\xe9llo', 1, 2, 'bad'); print(e)
e.start = 0; e.end = 1; e.reason = 'R'; e.encoding = 'E'; print(e, e.args, e.__dict__, e.start, e.end)
e.object = 'xyz'; e.end = 3; print(e, e.object)
for f in [lambda: delattr(e, "start"), lambda: setattr(e, "start", "a"), lambda: UnicodeEncodeError("a")]:
    try:
        f()
    except TypeError as t:
        print(t)
UnicodeEncodeError.__init__(e, 'a', 'bc', 0, 2, 'q'); print(e, e.args)
try:
    "h\xe9".encode("ascii")
except UnicodeEncodeError as u:
    print(u, u.start, u.end, u.object, u.reason)
    u.start = 0
    print(u)
try:
    b"\xff".decode()
except UnicodeDecodeError as u:
    print(u, u.start, u.end, u.object)
    u.object = b"ab\xfe"; u.start = 2; u.end = 3
    print(u)
class U(UnicodeDecodeError):
    def __init__(self):
        pass
print(repr(str(U())), U().args)
import sys
enc = "my-codec"
text = "abc" * 3
before = sys.getrefcount(enc), sys.getrefcount(text)
u = UnicodeEncodeError(enc, text, 0, 1, "why")
print(sys.getrefcount(enc) - before[0], sys.getrefcount(text) - before[1])
u.encoding = "other"
print(sys.getrefcount(enc) - before[0])
del u
print(sys.getrefcount(enc) - before[0], sys.getrefcount(text) - before[1])
