# Which SyntaxError compile() reports when the tokenizer and the parser both object, and where: python3 reads
# the rest of the source after a parser error, and an error its tokenizer raises there (a string, a bracket,
# a number, a character no name may hold) replaces the parser's; indentation errors and a backslash that ends
# no line do not, nor does a bracket never closed
def check(src):
    try:
        compile(src, "snippet", "exec")
        print("compiles:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset)

for src in [
    "x = \u201chello\u201d\n",
    "print(\u2018hi\u2019)\n",
    "x = 1 \u2013 2\n",
    "x = 1\u20142\n",
    "x = 10\u00b2\n",
    "x = a\u2081\n",
    "caf\u00e9 = 1\n",
    "x\u0301 = 1\n",
    "x = 1 +\u00a02\n",
    "x = 1 +\u200b2\n",
    "x = \x01\n",
    "x = 0x1\u201c\n",
    "x = \"\"\"abc\n",
    "f() = 1\nx = \u201ca\u201d\n",
    "if x = 1:\n    pass\nx = \u201ca\u201d\n",
    "a b\nx = \u201ca\u201d\n",
    "x = (\ny = \u201ca\u201d\n",
    "f() = 1\nx = 1)\n",
    "f() = 1\nx = [1, 2)\n",
    "print 'x'\nx = 'abc\n",
    "if x = 1:\n    pass\ny = 1_\n",
    "if x = 1:\n    pass\n  y = 2\n",
    "a b\nif x:\n        a\n\tb\n",
    "x = 1 \\ 2\n",
    "x = a\\b\n",
    "a b\nx = 1 \\ 2\n",
    "total = 1 + \\  # more\n    2\n",
    "x = \"\u201cquoted\u201d\"  # \u2018fine\u2019\n",
]:
    check(src)
