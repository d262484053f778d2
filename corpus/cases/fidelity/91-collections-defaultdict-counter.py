# Word counts and grouping, as course programs write them: defaultdict and Counter.
from collections import defaultdict, Counter

text = """the quick brown fox jumps over the lazy dog the fox
a dog is not a fox but the dog likes the fox"""

counts = defaultdict(int)
for word in text.split():
    counts[word] += 1
print(counts["the"], counts["fox"], counts["cat"])
print(type(counts).__name__, counts.default_factory)

by_letter = defaultdict(list)
for word in sorted(set(text.split())):
    by_letter[word[0]].append(word)
print(by_letter)
print(dict(by_letter)["d"], len(by_letter))
print(repr(defaultdict(None, {1: 2})), defaultdict(set), defaultdict(list, [("k", [1])], z=[2]))
copy = by_letter.copy()
print(type(copy) is defaultdict, copy == by_letter, copy is by_letter, copy.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 2
nested["b"]["y"] -= 1
print({k: dict(v) for k, v in nested.items()})
try:
    defaultdict(3)
except TypeError as e:
    print("TypeError:", e)
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)
print(isinstance(counts, dict), "cat" in counts, "dog" in counts)

c = Counter(text.split())
print(c)
print(c.most_common(3))
print(c["the"], c["elephant"], c.total())
letters = Counter("mississippi")
print(letters, sorted(letters.elements()))
letters.update("miss")
print(letters)
letters.subtract({"s": 10, "z": 1})
print(letters)
a = Counter(a=3, b=1, c=2)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b)
print(+Counter(x=-1, y=2), -Counter(x=-1, y=2))
a += Counter(c=-5)
print(a)
del a["nothing"]
print(Counter(), Counter({"k": 0}) == Counter(), list(Counter("abcab")))
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError:", e)
