# itertools: takewhile, dropwhile, filterfalse and starmap take no keyword arguments (the check comes before the count)
from itertools import dropwhile, filterfalse, starmap, takewhile

calls = [
    ("takewhile", lambda: takewhile(predicate=bool, iterable=[1])),
    ("dropwhile", lambda: dropwhile(bool, iterable=[1])),
    ("filterfalse", lambda: filterfalse(None, [0, 1], extra=2)),
    ("starmap", lambda: starmap(function=pow)),
    ("takewhile, one argument", lambda: takewhile(bool)),
]
for name, make in calls:
    try:
        make()
        print(name, "made")
    except TypeError as e:
        print(name, "->", e)
print(list(takewhile(bool, [2, 1, 0, 3])), list(dropwhile(bool, [2, 0, 3])))
print(list(filterfalse(None, [0, 1, "", "a"])), list(starmap(pow, [(2, 3), [3, 2]])))
