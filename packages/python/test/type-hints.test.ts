/**
 * Type hints as course code writes them: function annotations evaluated at def time (kept as 3.11 keeps
 * them), `list[int]` (types.GenericAlias), `int | None` (types.UnionType), a class statement's
 * __mro_entries__, isinstance()'s __instancecheck__, and the typing module — each program's output
 * compared with python3's.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-type-hints-");
const same = (name: string, source: string) => expectSameAsPython(cpython, name, source);

describe("type hints", () => {
  it("evaluates a function's annotations in 3.11's order, after its defaults, and keeps them", () => {
    same("annotations", `def f(xs: "list", y: int = 3, *a: str, k: float, **kw: bool) -> dict:
    return {}
print(f.__annotations__)
print(f.__annotations__ is f.__annotations__)
g = lambda x: x
print(g.__annotations__)
def h(): pass
print(h.__annotations__)
f.__annotations__ = {'z': 1}
print(f.__annotations__)
def order(a: print("ann a") = print("def a"), *, b: print("ann b") = print("def b")) -> print("ret"):
    pass
print(order.__annotations__)
class C:
    def m(self, x: int) -> None: pass
print(C.m.__annotations__, C().m.__annotations__)
`);
  });
  it("raises a NameError of an annotation at def time", () => {
    same("annotation-error", `def f(x: int, y: Undefined) -> None:\n    pass\nprint("not here")\n`);
  });
  it("makes list[int], int | None, __mro_entries__ and __instancecheck__ as python3 does", () => {
    same("generic-alias", `from typing import TypeVar, List
K = TypeVar('K')
T = TypeVar('T')
print(list[list[T]][int], List[List[T]][int], dict[K, T][str, int], List[T][int])
print(list[int], dict[str, int], tuple[int, ...], type[int], type(list[int]), tuple[()], list[int, str], dict[str, list[int]], enumerate[int])
print(int | str, int | None, type(int|None), list[int] | None, None | int, int | list[int], (int|str) | None, int | int)
print((int|str).__args__, (int|str) == (str|int), hash(int|str)==hash(str|int))
print(isinstance(1, int|str), issubclass(int, int|str), isinstance(None, int | None), isinstance("x", int | None))
for bad in ["int | 3", "isinstance(1, list[int]|None)", "isinstance([], list[int])", "issubclass(list, list[int])", "int[3]", "A[3]", "list[int][str]", "dict[K, T][int]", "dict[K, T][int, str, bytes]"]:
    class A: pass
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
print(dict[str, int](a=1), list[int]("ab"), list[int] == list, list[int] != list[str], list[int] == list[int])
print(list[int].__class__, list[int].append, list[int].__name__, list[int].__origin__, list[int].__args__, list[int].__parameters__)
class L(list): pass
print(L[int])
class B(list[int]): pass
print(B.__mro__, B.__orig_bases__, B([1]))
class M:
    def __mro_entries__(self, bases): return (dict,)
class D(M(), int.__class__.__class__ and object): pass
print(D.__mro__, len(D.__orig_bases__))
class Meta(type):
    def __instancecheck__(cls, o): return o == 1
    def __subclasscheck__(cls, c): return c is str
class X(metaclass=Meta): pass
print(isinstance(1, X), isinstance(2, X), isinstance(X(), X), isinstance(2, (str, X)), issubclass(str, X), issubclass(int, X))
def g(x: int | None = None, y: list[str] | None = None) -> dict[str, list[int]]: ...
print(g.__annotations__)
import types
print(types.GenericAlias, types.UnionType, types.SimpleNamespace(a=1, b='x'), types.FunctionType, types.NoneType)
`);
  });
  it("imports typing's names, prints them as python3 does, and makes NamedTuple and Generic classes", () => {
    same("typing", `import typing
from typing import List, Dict, Optional, Union, Tuple, Any, Callable, Set, Iterable, Iterator, Sequence, Mapping, TypeVar, Generic, NamedTuple
T = TypeVar('T')
K = TypeVar('K')
print(List, List[int], Dict[str,int], Optional[int], Union[int,str], Union[int,None], Union[int], Any, Callable[[int],str], Callable[..., int], Tuple[int,...], Tuple[()], T, List[T], Iterable[int], Set[int], typing.Type[int], Sequence[str], Mapping[str,int], Iterator[int], Generic[T], Optional[List[int]], Union[int, list[int]])
print(int | str, int | None, type(int|None), list[int] | None, None | int, int | list[int], (int|str) | None, int | int)
print((int|str).__args__, (int|str) == (str|int), hash(int|str)==hash(str|int))
print(isinstance(1, int|str), issubclass(int, int|str), isinstance(None, int | None), isinstance("x", int | None))
try: int | 3
except TypeError as e: print(e)
try: isinstance(1, list[int]|None)
except TypeError as e: print(e)
print(Optional, Union, Callable, Tuple)
try: isinstance([], List[int])
except TypeError as e: print(e)
print(isinstance([], List), isinstance({}, Dict), isinstance([], Iterable), isinstance(3, Iterable), isinstance([], Sequence), isinstance({}, Mapping), isinstance(iter([]), Iterator), isinstance(len, Callable))
try: List()
except TypeError as e: print(e)
try: List[int]()
except TypeError as e: print(e)
print(List[int].__origin__, List[int].__args__, Optional[int].__args__)
print(list[int].__parameters__, list[T], list[T].__parameters__, dict[K, T][str, int])
print(tuple[int, ...].__args__, tuple[()], list[int, str], type[int], dict[str, list[int]])
print(dict[str, int](a=1), list[int]("ab"))
try: issubclass(list, list[int])
except TypeError as e: print(e)
print(list[int] == list, list[int] != list[str], list[int] == list[int], list[int].__class__, list[int].append, list[int].__name__)
print(repr(typing.Counter[str]), typing.DefaultDict[str,int], typing.Deque[int], typing.Literal[1,'a'], typing.Final[int], typing.ClassVar[int], typing.NoReturn, typing.Generator[int, None, None], typing.Hashable)
print(typing.TYPE_CHECKING, typing.cast(int, 'x'))
print(enumerate[int], List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[None, int])
class S(Generic[T]):
    def __init__(self): self.items: list[T] = []
    def push(self, x: T) -> None: self.items.append(x)
s = S[int]()
s.push(3)
print(S, S[int], S.__mro__, s.items, s.__orig_class__, S.__parameters__)
class P(NamedTuple):
    x: int
    y: float = 0.0
    def norm(self): return self.x
p = P(1)
print(p, P.__annotations__, p.norm(), P._fields, P.__mro__, P._field_defaults, p._replace(x=5), isinstance(p, tuple))
Q = NamedTuple('Q', [('a', int), ('b', str)])
print(Q(1, 'z'), Q.__annotations__)
class B(list[int]): pass
print(B.__mro__, B.__orig_bases__, B([1]))
def f(xs: List[int], m: Optional[Dict[str, int]] = None) -> Tuple[int, ...]:
    return tuple(xs)
print(f.__annotations__, f([1, 2]))
def g(x: int | None = None, y: list[str] | None = None) -> dict[str, list[int]]: ...
print(g.__annotations__)
print(typing.get_type_hints(f))
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]), typing.get_args(int | str), typing.get_origin(list[int]))
`);
  });
});
