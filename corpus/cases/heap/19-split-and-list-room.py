import sys
text = "a b c d e f g h i j k l m n o p q r s t"
for n in (1, 3, 5, 9, 12, 20):
    parts = " ".join(text.split()[:n])
    print(n, sys.getsizeof(parts.split()), sys.getsizeof(parts.split(" ")), sys.getsizeof(parts.rsplit(" ", 2)), sys.getsizeof(parts.splitlines()), sys.getsizeof(list(parts)), sys.getsizeof(parts.partition(" ")))
d = {str(i): i for i in range(12)}
print(sys.getsizeof(list(d)), sys.getsizeof(list(d.values())), sys.getsizeof(list(d.items())), sys.getsizeof([*d]), sys.getsizeof(sorted(d)), sys.getsizeof(list(d.keys())))
print(sys.getsizeof([None] * 7), sys.getsizeof([None, None] * 7), sys.getsizeof(7 * [0]), sys.getsizeof([1, 2, 3].copy()), sys.getsizeof([1, 2, 3][:]))
print(sys.getsizeof(dir([])) > 0, sys.getsizeof([x for x in range(9)]), sys.getsizeof([x for x in range(9) if x]))
print(sys.getsizeof(list(range(3)) + list(range(5))), sys.getsizeof(list("abc") * 3))
print(sys.getsizeof(tuple(x for x in range(9))), sys.getsizeof(tuple(map(str, range(9)))), sys.getsizeof(tuple({1, 2, 3})))
print(sys.getsizeof(dict(zip("abcdef", range(6)))), sys.getsizeof(dict([(1, 2)] * 3)), sys.getsizeof(dict.fromkeys("abcdefghij", 0)))
print(sys.getsizeof(set(x for x in range(9))), sys.getsizeof(set(map(int, "123456789"))), sys.getsizeof({*range(9)}), sys.getsizeof(set([1] * 20)))
print(sys.getsizeof(" ".join(["ab"] * 3)), sys.getsizeof(str(list(range(5)))), sys.getsizeof(repr({"a": 1})))
print(sys.getsizeof("a,b".split(",")), sys.getsizeof("x".join("abc")), sys.getsizeof(sorted("hello")), sys.getsizeof(list(reversed("hello"))))
print(sys.getsizeof(list(zip("ab", "cd"))), sys.getsizeof(list(enumerate("abc"))), sys.getsizeof(list(map(ord, "abcdefghij"))))
import itertools, collections
print(sys.getsizeof(list(itertools.chain("ab", "cd"))), sys.getsizeof(list(itertools.repeat(0, 5))), sys.getsizeof(list(itertools.islice(range(100), 10))))
print(sys.getsizeof(list(collections.deque(range(5)))), sys.getsizeof(list(collections.Counter("hello"))), sys.getsizeof(list(collections.OrderedDict.fromkeys("abc"))))
