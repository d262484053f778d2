# textwrap.dedent (common leading whitespace, whitespace-only lines emptied), indent with a predicate, shorten
import textwrap

code = """
    def area(r):
        return 3.14159 * r * r

    print(area(2))
"""
print(textwrap.dedent(code))
print(repr(textwrap.dedent("  a\n    b\n  c")), repr(textwrap.dedent("\ta\n\tb\n")), repr(textwrap.dedent("  x\n\ty\n")))
print(repr(textwrap.dedent("    x\n  \n    y\n")), repr(textwrap.dedent("no indent\n  here")))
print(textwrap.indent("first\n\nsecond\n  third\n", "| "))
print(textwrap.indent("first\n\nsecond\n", "+ ", lambda line: True))
print(textwrap.indent("keep\nskip\nkeep\n", "# ", lambda line: "keep" in line))
for width in (10, 15, 20, 40):
    print(repr(textwrap.shorten("The quick brown fox jumps over the lazy dog", width)))
print(textwrap.shorten("Hello   world!", width=12), textwrap.shorten("Hello world", 10, placeholder="..."))
try:
    textwrap.shorten("Hello world", width=4)
except ValueError as e:
    print("ValueError:", e)
