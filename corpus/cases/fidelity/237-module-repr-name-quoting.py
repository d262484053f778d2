# a module's repr shows its name's repr: python3 quotes a name with a quote in double quotes and escapes a newline
import sys
for name in ["it's", 'q"x', "a\nb", "\u00e9", "plain"]:
    m = type(sys)(name)
    print(repr(m))
    m.__file__ = "f'.py"
    print(repr(m))
