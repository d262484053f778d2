# The typing module as course code uses it: aliases, Optional/Union, TypeVar and Generic, NamedTuple.
from typing import Any, Callable, Dict, Generic, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Tuple, TypeVar, Union

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: List[T] = []

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> T:
        return self._items.pop()

    def peek(self) -> Optional[T]:
        return self._items[-1] if self._items else None

    def __len__(self) -> int:
        return len(self._items)


s: Stack[int] = Stack[int]()
for i in range(3):
    s.push(i * i)
print(s.pop(), s.peek(), len(s), Stack[int], Stack.__mro__)


class Point(NamedTuple):
    x: float
    y: float = 0.0

    def dist(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5


p = Point(3.0, 4.0)
print(p, p.dist(), Point(1.5), p._asdict(), Point._fields, Point.__annotations__)
x, y = p
print(x + y, p == (3.0, 4.0), isinstance(p, tuple))


def apply(f: Callable[[int], int], xs: Iterable[int]) -> List[int]:
    return [f(x) for x in xs]


def mean(xs: Sequence[float]) -> Union[float, None]:
    return sum(xs) / len(xs) if xs else None


def lookup(table: Dict[str, Any], key: str, default: Optional[int] = None) -> Any:
    return table.get(key, default)


def countdown(n: int) -> Iterator[int]:
    while n > 0:
        yield n
        n -= 1


print(apply(lambda v: v * 10, range(4)), mean([1.0, 2.0, 4.5]), mean([]), lookup({"a": 1}, "b", 7), list(countdown(3)))
print(apply.__annotations__)
print(mean.__annotations__)
print(lookup.__annotations__)
print(List[int], Dict[str, List[int]], Optional[str], Union[int, str], Union[int, None], Union[int], Tuple[int, ...], Tuple[()], Any)
print(Callable[..., int], Callable[[], None], Optional[Union[int, str]], T, List[T], Generic[T])
print(List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[None, int], List[int].__origin__, Dict[str, int].__args__)
print(isinstance([], List), isinstance({}, Dict), isinstance(range(3), Sequence), isinstance(iter([]), Iterator), isinstance(print, Callable), isinstance(3, Iterable))
for bad in ("List()", "List[int]()", "isinstance([], List[int])", "isinstance(1, Any)", "Dict[str]"):
    try:
        eval(bad)
    except TypeError as e:
        print(type(e).__name__, e)
