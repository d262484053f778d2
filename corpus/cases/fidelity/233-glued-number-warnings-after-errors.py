# the tokenizer's warnings about numbers glued to keywords that python3 shows before a SyntaxError: all of them after the parser's or the compiler's errors (it reads the rest of the source), those before it after the tokenizer's own errors
import warnings
sources = [
    "x = 1if 1 else 2\ny = 2 +\nq = 1or 2\n",
    "1 = 2\nq = 1or 2\n",
    "f(**a, *b)\nq = 1or 2",
    "x = 1if 1 else 2\nreturn 5\ny = 1or 2\n",
    "x = 1if 1 else 2\nnonlocal q\ny = 1or 2\n",
    "x = 1if 1 else 2\ny = 'abc\nq = 1or 2\n",
    "x = 1if 1 else 2\ny = 1 $ 2\nq = 1or 2\n",
    "x = [1,\n 0x1for\n",
]
for src in sources:
    for action in ["default", "error"]:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter(action)
            try:
                compile(src, "<s>", "exec")
            except SyntaxError as e:
                print(action, e.msg, e.lineno)
            print("  warned:", [(str(x.message), x.lineno) for x in w])
