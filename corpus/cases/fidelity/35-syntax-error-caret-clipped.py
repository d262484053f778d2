# an uncaught SyntaxError's offset and end offset past the text's end are clipped to it; newlines in the text before the offset are skipped
try:
    raise SyntaxError("custom", ("mod.py", 12, 20, "abc def", 12, 30))
except SyntaxError as e:
    print(e)
raise SyntaxError("custom", ("mod.py", 12, 8, "ab\n  cd ef\n", 12, 10))
