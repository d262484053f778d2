# An expression before '=' in a call's arguments: python3 asks whether '==' was meant and underlines up to the '='
def show(*args, **kw):
    print(args, kw)
show(len("ab") = 2)
