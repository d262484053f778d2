# bytearray indexing whose index or slice bound's __index__ resizes the bytearray: the length and contents
# read after the bounds, and how many times each bound is read
calls = []

def bound(n, action):
    class Bound:
        def __index__(self):
            calls.append(n)
            action()
            return n
    return Bound()

def show(label, fn):
    calls.clear()
    try:
        r = fn()
        print(label, r, b, calls)
    except Exception as e:
        print(label, type(e).__name__, e, b, calls)

b = bytearray(b"abcdefgh")
def shrink():
    del b[2:]
show("slice = bytes", lambda: b.__setitem__(slice(bound(1, shrink), 3), b"XY"))

b = bytearray(b"abcdefgh")
show("slice = bytearray", lambda: b.__setitem__(slice(bound(1, shrink), 3), bytearray(b"XY")))

b = bytearray(b"abcdefgh")
show("slice = list", lambda: b.__setitem__(slice(1, bound(5, b.clear)), [81]))

b = bytearray(b"abcdefgh")
show("slice = int", lambda: b.__setitem__(slice(bound(1, shrink), 3), 5))

b = bytearray(b"abcdefgh")
show("extended slice", lambda: b.__setitem__(slice(0, None, bound(2, shrink)), b"Z"))

b = bytearray(b"abcdefgh")
show("extended wrong size", lambda: b.__setitem__(slice(0, None, bound(2, shrink)), b"ZZZ"))

b = bytearray(b"abcdefgh")
show("item set", lambda: b.__setitem__(bound(5, shrink), 65))

b = bytearray(b"abcdefgh")
show("item get", lambda: b[bound(1, shrink)])

b = bytearray(b"abcdefgh")
show("item get past end", lambda: b[bound(4, shrink)])

b = bytearray(b"abcdefgh")
show("slice get", lambda: b[bound(1, shrink):6])

b = bytearray(b"abcdefgh")
def grow():
    b.extend(b"123")
show("slice get grown", lambda: b[bound(6, grow):])

b = bytearray(b"abcdefgh")
show("slice del", lambda: b.__delitem__(slice(bound(1, shrink), None)))

b = bytearray(b"abcdefgh")
show("item del", lambda: b.__delitem__(bound(-1, shrink)))
