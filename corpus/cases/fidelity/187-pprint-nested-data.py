# pprint of nested course data: what fits on a line stays there, sorted dict keys, one item a line for long containers
import pprint

students = [
    {"name": "Ana", "id": 1, "grades": {"math": [90, 85, 77], "art": [100]}, "tags": ("honors", "club")},
    {"name": "Ben", "id": 2, "grades": {"math": [60, 70], "history": [88, 91, 79, 93]}, "tags": ()},
]
pprint.pprint(students)
pprint.pprint(students[1])
pprint.pprint({"short": [1, 2, 3]})
pprint.pprint(list(range(30)))
pprint.pprint({i: i * i for i in range(15)})
pprint.pprint({"set": set(range(25)), "frozen": frozenset({3, 1, 2}), "one": (1,), "empty": [(), [], {}, set()]})
matrix = [[r * 10 + c for c in range(10)] for r in range(6)]
pprint.pprint(matrix)
text = "This is a long sentence about memory, references and the garbage collector in CPython. " * 3
pprint.pprint(text)
pprint.pprint({"doc": text, "lines": "one\ntwo\nthree\n" * 3})
print(pprint.pformat({"b": [1, 2], "a": {"z": 1, "y": 2}}))
a = [1, 2]
a.append(a)
print(pprint.isrecursive(a), pprint.isreadable(students), pprint.saferepr({"b": 2, "a": 1}))
