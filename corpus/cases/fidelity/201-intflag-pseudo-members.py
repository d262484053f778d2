# enum: IntFlag values beyond its members (Perm.R | 8, Perm(12), ~Perm.R) and Flag's boundaries, as python3 3.11 names and prints them
import enum


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


for v in [Perm.R | 8, Perm(12), Perm(7), Perm(0), Perm(8), ~Perm.R, Perm(-1), Perm.R ^ 12, 16 | Perm.X]:
    print(repr(v), v, f"[{v:>4}]", list(v), len(v), v.name, v.value, v in Perm(15))
print(Perm(12) is Perm.R | 8, list(Perm))


class Color(enum.Flag):
    RED = 1
    GREEN = 2
    BLUE = 4
    WHITE = 7


for v in [Color.RED | Color.BLUE, Color(7), Color(0), ~Color.RED, Color(-2)]:
    print(repr(v), v, list(v), v.name)
for bad in [lambda: Color(8), lambda: Color(-9), lambda: Color.RED | 1]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class Loose(enum.Flag, boundary=enum.CONFORM):
    A = 1
    B = 4


class Eject(enum.Flag, boundary=enum.EJECT):
    A = 1
    B = 4


print(Loose(7), ~Loose.A, Eject(7), type(Eject(7)).__name__, Eject(5), enum.KEEP, repr(Perm._boundary_))
