# SyntaxError keeps msg, filename, lineno, offset, text, end_lineno, end_offset and print_file_and_line, its str names file and line, and an uncaught one shows its text and carets
for args in [(), ("m",), ("m", ("f", 1, 2, "t")), ("m", ("f", 1, 2, "t", 3, 4)), ("m", ("f", 1)), ("m", ("f", 1, 2, 3, 4, 5, 6)), ("m", 5), ("m", ("f", 1, 2, "t"), 3), ("m", ["f", 1, 2, "t"]), (None, ("/a/b/f.py", 1, 2, "t")), ("m", (None, 7, 2, "t")), ("m", ("dir/f.py", None, 2, "t")), ("m", (5, "x", 2, "t"))]:
    try:
        e = SyntaxError(*args)
        print(repr(e), str(e), e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line)
    except Exception as x:
        print("err", type(x).__name__, x)
e = IndentationError("m", ("f", 1, 2, "t"))
print(str(e), e.lineno)
e = SyntaxError("m", ("f", 1, 2, "t"))
e.print_file_and_line = 1; e.filename = "g"; e.lineno = 5
print(e.print_file_and_line, str(e))
del e.msg
print(e.msg, str(e))
try:
    raise SyntaxError("bad thing", ("prog.py", 2, 5, "x = 1 +\n", 2, 8))
except SyntaxError as e:
    print(e, e.args)
class S(SyntaxError):
    pass
print(S("a", ("f", 1, 2, "t")).lineno)
raise SyntaxError("bad thing", ("prog.py", 2, 5, "    x = 1 +\n", 2, 8))
