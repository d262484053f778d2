# bisect as course programs use it: grade lookup by breakpoints, a sorted list kept with insort, counting in ranges, key= lookups.
import bisect


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60, 59]])

ranked = []
for s in [72, 95, 60, 88, 72, 100, 45]:
    bisect.insort(ranked, s)
    print(ranked)
print(bisect.bisect_left(ranked, 72), bisect.bisect_right(ranked, 72))
print("between 60 and 90:", bisect.bisect_right(ranked, 90) - bisect.bisect_left(ranked, 60))


def index(a, x):
    i = bisect.bisect_left(a, x)
    if i != len(a) and a[i] == x:
        return i
    raise ValueError(f"{x} not found")


print(index(ranked, 88))
try:
    index(ranked, 89)
except ValueError as e:
    print("ValueError:", e)

students = [("ann", 91), ("bob", 78), ("cy", 85), ("dee", 78)]
students.sort(key=lambda r: r[1])
print(students)
bisect.insort(students, ("eve", 78), key=lambda r: r[1])
bisect.insort_left(students, ("fay", 78), key=lambda r: r[1])
print(students)
print(bisect.bisect_left(students, 80, key=lambda r: r[1]), bisect.bisect_right(students, 85, key=lambda r: r[1]))

words = sorted(["pear", "apple", "fig", "kiwi", "date"])
bisect.insort_right(words, "grape")
print(words, bisect.bisect(words, "f"), bisect.bisect_left(words, "kiwi", 3, 5), bisect.bisect_right(words, "kiwi", hi=3))

for bad in [lambda: bisect.bisect([1, 2], 1, -1), lambda: bisect.insort([1, 2], 1, lo=-3),
            lambda: bisect.bisect([1, 2], 1, "0"), lambda: bisect.bisect_left([1, 2], 1, 0, 1.5),
            lambda: bisect.insort(None, 1), lambda: bisect.bisect([1, "x"], 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
