# `print` as an ordinary name at the start of a statement (lezer reads Python 2's print statement there): rebinding, annotation, tuple target, bare expression statements
def quiet():
    print = lambda *args, **kw: None
    print("not shown")
    return "quiet done"
print(quiet())
def annotated():
    print: int = 5
    print += 1
    return print
print(annotated())
log = []
def capture():
    global print
    saved = print
    print = log.append
    print("captured")
    print = saved
capture()
print(log)
print, other = [print, 1]
print("tuple target", other)
print
print is None
print -1 if False else 0
print.__name__
print == print
print[0] if False else None
print("builtin still:", print.__name__, type(print).__name__)
