# a bytes or bytearray subclass that sets __iter__ = None is still read through its buffer by bytes(),
# bytearray() and bytearray.extend(); other classes with __iter__ = None are refused
class MB(bytes):
    __iter__ = None


class MA(bytearray):
    __iter__ = None


class L(list):
    __iter__ = None


for source in (MB(b"ab"), MA(b"cd"), L([1, 2])):
    for convert in (bytes, bytearray):
        try:
            print(convert.__name__, type(source).__name__, convert(source))
        except TypeError as e:
            print(convert.__name__, type(source).__name__, "TypeError:", e)
    buf = bytearray(b"x")
    try:
        buf.extend(source)
        print("extend", buf)
    except TypeError as e:
        print("extend TypeError:", e)
    buf += b"!"
    print(buf, len(buf))
