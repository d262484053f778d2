# The tokenizer's SyntaxWarnings about numbers glued to keywords come before a SyntaxError in compile()
# (those read before the error; all of them when a bracket is never closed), and the error's line text.
import warnings
for src in ("print(0xfor)", "x = 1if 1 else 2\ny = (", "y = (\nx = 1if 1 else 2", "x = [0x1for x in y]"):
    try:
        compile(src, "<n>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.args)
warnings.simplefilter("error")
try:
    compile("print(0xfor)", "<n>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.args)
for s in ['y = (\n', 'y = (', 'y = (\n\n', 'y = (\nx=1\n', 'y = [1,\n 2']:
    try: compile(s,'s','exec')
    except SyntaxError as e: print(repr(s), e.args)
