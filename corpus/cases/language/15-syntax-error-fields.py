# The fields of the SyntaxErrors compile() raises for beginners' slips: class, message, line and column span
def check(src):
    try:
        compile(src, "snippet", "exec")
        print("compiles:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

for src in [
    "if x = 3:\n    pass\n",
    "while x.y = 3:\n    pass\n",
    "if 'a' = x:\n    pass\n",
    "if x = 1 + 2 * 3:\n    pass\n",
    "if x = a < b:\n    pass\n",
    "if x = y = 1:\n    pass\n",
    "if a == 1 and b = 2:\n    pass\n",
    "x = [1, y = 2]\n",
    "f(a.b=1)\n",
    "f(1=2)\n",
    "f(None=1)\n",
    "f(a:=1=2)\n",
    "x = 1 if True\n",
    "f(1 if y)\n",
    "if x:\n    pass\nelse if y:\n    pass\n",
    "try x:\n    pass\n",
    "try:\n    x = 1\ny = 2\n",
    "try:\n    x = 1\n",
    "if x:\n",
    "if x:",
    "while x:\n\n",
    "def f():\n    # nothing\n",
    "if x:\nprint(1)\n",
    "if True:\n        x = 1\n\ty = 2\n",
    "if x:\n\ta\n        b\n",
    "if x:\n\ta\n\t b\n",
    "if True  # c\n    pass\n",
    "while x   \n    pass\n",
]:
    check(src)
