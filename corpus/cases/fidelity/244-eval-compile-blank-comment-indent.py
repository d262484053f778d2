# eval() and compile(..., "eval") of sources with no expression, a trailing comment, or leading indentation.
import types
for s in ['', '   ', '\n', '# c', '  # c\n', '\t\n# x\n', '1 # c', '\n1\n', '(2 +  # two\n 3)  # five',
          '  1', '\t1', '  # c', '  \n1', '1\n  # x', ' (1 +\n 2)', "'#'", '"a # b"  # c']:
    for name, f in (("eval", eval), ("compile", lambda s: compile(s, "<e>", "eval"))):
        try:
            r = f(s)
            print(name, repr(s), eval(r) if isinstance(r, types.CodeType) else r)
        except SyntaxError as e:
            print(name, repr(s), type(e).__name__, e.args)
