# eval() and compile(..., 'eval') of a source with no expression (blank lines, comments): python3's SyntaxError is on its last line, or an unexpected indent for a last line of blanks
sources = ["", "\n", "\n\n", "\n\n\n", "# a", "# a\n", "# a\n# b", "# a\n# b\n", "\n# a", "# a\n\n", "\n# a\n\n",
           " \n", "\n ", "# a\n  # b", "  # a\n# b", "  ", " # a", "\t\n", "\n\t# a\n", "\f", "\n  \n", "# a\n \n", "\n\t"]
for src in sources:
    for fn in (eval, lambda s: compile(s, "<s>", "eval")):
        try:
            fn(src)
        except SyntaxError as e:
            print(repr(src), type(e).__name__, e.args)
