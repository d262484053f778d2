# Starred names in a comprehension's `for` target (lezer's grammar has none there): lists, sets, dicts, generator arguments, nesting
rows = [("ann", 90, 85, 77), ("bob", 60, 70), ("cy", 100)]
print([name for name, *_ in rows])
print({name: sum(marks) / len(marks) for name, *marks in rows if marks})
print(sum(last for *_, last in rows if isinstance(last, int)))
print([(first, rest) for first, *rest in ["abc", "de", "f"]])
print({tuple(mid) for _, *mid, _ in [(1, 2, 3, 4), (5, 6)]} == {(2, 3), ()}, [m for _, *m, _ in ["xyz", "ab"]])
print(list(b for a, (*b, c) in [(1, (2, 3, 4)), (5, (6,))]))
print([x for *x, in [(1, 2), (3,)]], [[y * 2 for *_, y in r] for r in [[(1, 2)], [(3, 4, 5), (6, 7)]]])
try:
    print([a for *a, b in [(1,)]], [a for *a, b in [()]])
except ValueError as e:
    print("ValueError:", e)
for *head, tail in [(1, 2, 3)]:
    print(head, tail)
print(max(len(h) for *h, _ in ["abc", "a"]), "*" in "a*b", [2 * x for x in [1, 2]], [*range(3)])
