# `with` on objects missing __enter__ or __exit__: python3 looks __enter__ up first and names a missing __exit__
class NoExit:
    def __enter__(self):
        print("never entered")
        return 1
class NoEnter:
    def __exit__(self, *a):
        print("never exited")
class Neither:
    pass
class ExitOnInstance:
    def __enter__(self):
        return self
e = ExitOnInstance()
e.__exit__ = lambda *a: None
for o in [NoExit(), NoEnter(), Neither(), 42, "text", e]:
    try:
        with o:
            print("body ran")
    except TypeError as err:
        print("TypeError:", err)
class Both(NoExit, NoEnter):
    pass
with Both() as v:
    print("both:", v)
