# Sets in memory: how big is a set, and does making it frozen change that?
import sys

students_math = set("abcdefghijklmnop")
students_art = set("aeiouxyz")
print("math:", len(students_math), sys.getsizeof(students_math))
print("art: ", len(students_art), sys.getsizeof(students_art))

both = students_math & students_art
either = students_math | students_art
only_math = students_math - students_art
one_of = students_math ^ students_art
for label, s in [("both", both), ("either", either), ("only math", only_math)]:
    print(f"{label:<10} {len(s):>3} {sys.getsizeof(s):>6} {''.join(sorted(s))}")

frozen = frozenset(students_math)
print("frozenset of the set:", sys.getsizeof(frozen), "copy:", sys.getsizeof(students_math.copy()), "set():", sys.getsizeof(set(students_math)))
print("frozenset of a str:  ", sys.getsizeof(frozenset("abcdefghijklmnop")))
print("frozenset of a dict: ", sys.getsizeof(frozenset(dict.fromkeys(range(16)))), sys.getsizeof(set(dict.fromkeys(range(16)))))
print("frozenset of a range:", sys.getsizeof(frozenset(range(16))))
print("frozenset of frozenset is itself:", frozenset(frozen) is frozen)

class Tags(frozenset):
    def __repr__(self):
        return "Tags(" + ", ".join(sorted(self)) + ")"
t = Tags(students_art)
print(t, sys.getsizeof(t), sys.getsizeof(frozenset(students_art)))
print(type(t | {"q"}).__name__, type(t.copy()).__name__)

grow = set()
sizes = []
for ch in "abcdefghijklmnopqrstuvwxyz":
    grow.add(ch)
    sizes.append(sys.getsizeof(grow))
print("growth:", sorted(set(sizes)))
for ch in "abcdefghijklmnopqrstuvw":
    grow.discard(ch)
print("after discarding most:", len(grow), sys.getsizeof(grow), "rebuilt:", sys.getsizeof(set(grow)), sys.getsizeof(frozenset(grow)))
