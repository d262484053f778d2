# Type hints as modern course code writes them: builtin generics, X | None, annotations evaluated at def time.


def word_counts(words: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def first_long(words: list[str], n: int = 4) -> str | None:
    for w in words:
        if len(w) > n:
            return w
    return None


def pairs(xs: tuple[int, ...]) -> list[tuple[int, int]]:
    return [(a, b) for a, b in zip(xs, xs[1:])]


words = "the quick brown fox jumps over the lazy dog the end".split()
print(word_counts(words))
print(first_long(words), first_long(words, 9))
print(pairs((1, 2, 3, 4)))
print(word_counts.__annotations__)
print(first_long.__annotations__)
print(pairs.__annotations__["return"], type(pairs.__annotations__["return"]))
print((lambda x: x).__annotations__)


class Node:
    def __init__(self, value: int, next: "Node | None" = None) -> None:
        self.value = value
        self.next = next


print(Node.__init__.__annotations__)

# the aliases themselves
alias = dict[str, list[int]]
print(alias, alias.__origin__, alias.__args__, alias == dict[str, list[int]], alias == dict)
print(alias(a=[1, 2]), list[int]("abc"), type[int], tuple[()])
opt = int | None
print(opt, opt.__args__, opt == (None | int), int | str | None, int | int)
print(isinstance(3, opt), isinstance(None, opt), isinstance("x", opt), issubclass(bool, int | str))
for bad in ("isinstance([], list[int])", "isinstance(1, list[int] | None)", "int[3]", "int | 3"):
    try:
        eval(bad)
    except TypeError as e:
        print(type(e).__name__, e)


class IntList(list[int]):
    def total(self) -> int:
        return sum(self)


xs = IntList([3, 4])
print(xs.total(), IntList.__mro__, IntList.__orig_bases__)


# an annotation is evaluated where the function is defined, after its defaults
def trace(tag):
    print("evaluating", tag)
    return tag


def f(a: trace("a ann") = trace("a default"), *, b: trace("b ann") = trace("b default")) -> trace("return"):
    pass


print(f.__annotations__)
try:
    def g(x: UndefinedType) -> None:
        pass
except NameError as e:
    print("NameError:", e)
