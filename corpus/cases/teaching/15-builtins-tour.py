# A quick tour of builtins a course meets: str.maketrans/translate, int/float parsing and rounding, divmod, set and dict-view algebra, unpacking, walrus, for/while-else, slices, sorting keys, f-string nesting
table = str.maketrans("aeiou", "AEIOU", "xyz")
print("the lazy xylophone".translate(table), str.maketrans({"a": "1"}) == {97: "1"})
print(int("ff", 16), int("0b101", 0), int("  -42  "), int("1_000"), bin(10), oct(64), hex(-255), int("z", 36))
print(float("1e-3"), float(" inf "), float("-nan"), 1e16, 1e15 + 0.5, 0.1 + 0.2, 1/3, 2/3, 10/4, 2**0.5, 1e-7, 123456789.0 * 10**10)
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2), round(7, -1), round(15, -1), round(25, -1))
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, divmod(7.5, 2), pow(3, 4, 5), pow(2, -1, 7), 2 ** -2, (-8) ** (1/3) if False else abs(-8))
print(min([], default="empty"), max(3, 1, 2), min("bca"), max([1, 5, 3], key=lambda x: -x), sum([0.1] * 10), sum(range(101)))
print(any(x > 3 for x in [1, 2, 5]), all([]), any([]), all([1, 0]), list(filter(None, [0, 1, "", "a", [], [0]])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])), list(zip("ab", [1, 2, 3])), list(enumerate("xyz", start=1)))
print(list(reversed({"a": 1, "b": 2})), list(reversed(range(5))), sorted([3, 1, 2], reverse=True), list(range(10, 0, -3)))
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {5}, {1, 2, 3} - {2}, {1, 2} ^ {2, 3}, {1, 2} <= {1, 2, 3}, frozenset([1, 2]) == {1, 2})
print({"a": 1, "b": 2}.keys() & {"b", "c"}, {"a": 1}.items() | {("z", 0)} == {("a", 1), ("z", 0)})
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)
if (n := len("walrus")) > 5:
    print("long", n)
print([y for x in range(6) if (y := x * x) % 2 == 0])
for i in range(3):
    if i == 5: break
else:
    print("no break")
k = 0
while k < 3:
    k += 1
else:
    print("while done", k)
print(1 < 2 < 3 > 2, 1 < 2 > 3, 3 == 3.0 == True + 2, "a" * 0 == "")
print(isinstance(3, (int, str)), isinstance(True, int), type(True) is bool, bool.__mro__)
print(complex(1, 2) * 1j, abs(3 + 4j), (1 + 2j).conjugate(), (1j) ** 2, complex("3-4j"))
it = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(it), 0)))
lst = [5, 3, 8, 1, 9, 2]
lst.insert(2, 7); lst.insert(100, 0); lst.insert(-1, 4)
print(lst, lst.index(8), lst.count(9), lst.index(9, 2))
lst[1:3] = ["a", "b", "c"]
print(lst)
lst[::2] = [0] * len(lst[::2])
print(lst)
del lst[::3]
print(lst, lst[-2:], lst[:-2], lst[::-2], lst[100:])
try:
    lst[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
nums = [3, -1, 4, -1, 5, -9]
nums.sort(key=abs)
print(nums, sorted(["Bob", "alice", "Carl"]), sorted(["Bob", "alice", "Carl"], key=str.lower))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "y")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs))
print(hash(1) == hash(1.0), hash(-1), hash(-2), hash(()), hash((1, 2)), hash(2**61), hash(0.5))
print(chr(65) + chr(97), [ord(c) for c in "AZaz09"], str(12.0), str(1e100), repr(1e-5), 12345678901234567890 * 98765432109876543210)
print(f"{'nested':>{10}}|{3.14159:{'.2f'}}|{[1,2]!s:>8}|{'q'!r}|{'é'!a}")
print(1_000_000, 0x_ff, 0o17, 0b1010, 1e3, 10 ** 20, 10.0 ** 20, 2 ** 64 // 3, -(2 ** 64) // 3, 7 / 7, 8 // 3.0)
