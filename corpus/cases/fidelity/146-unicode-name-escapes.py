# \N{name} escapes in str and f-string literals (bytes and raw strings keep the text)
print("range: 1\N{EN DASH}9", "wait\N{HORIZONTAL ELLIPSIS}", "20\N{DEGREE SIGN}C")
print(f"{'x':\N{BULLET}^7}", f"\N{snake} {2 * 3}\N{MULTIPLICATION SIGN}")
print(b"\N{EM DASH}", r"\N{EM DASH}", ascii("\N{NO-BREAK SPACE}\N{INFINITY}"))
print(len("\N{SNAKE}"), ord("\N{EURO SIGN}"))
try:
    eval('"\\N{NOT A NAME}"')
except SyntaxError as e:
    print(e.msg)
try:
    eval('"ab\\N{EM DASH"')
except SyntaxError as e:
    print(e.msg)
