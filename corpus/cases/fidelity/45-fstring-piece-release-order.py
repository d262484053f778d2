# BUILD_STRING pops its pieces off the stack after joining them: the last piece is released first, so the
# first piece's memory block is the one the next str of that size takes back
N = 30
ids = []
class A:
    def __init__(self, c):
        self.c = c
    def __repr__(self):
        r = self.c * N
        ids.append(id(r))
        return r
a1 = A("x")
a2 = A("z")
a3 = A("q")
def reuse(count):
    made = [str(k) * N for k in range(count)]
    return [ids.index(id(m)) if id(m) in ids else None for m in made]
s = f"{a1!r}{a2!r}"
print(len(s), reuse(2))
ids.clear()
s = f"<{a1!r}|{a2!r}|{a3!r}>"
print(len(s), reuse(3))
ids.clear()
s = f"{a3!r}{a1!r}{a3!r}{a2!r}"
print(len(s), reuse(4))
