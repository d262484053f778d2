# typing.get_type_hints: forward references nested in Optional/List/list[...]/unions are evaluated, a class's module names win over its own, Required/NotRequired are stripped at any depth
from typing import TypedDict, get_type_hints, Optional, List, Literal, Union, Required, NotRequired
T = str
class A:
    x: "T"
    T = int
print(get_type_hints(A))
class Node:
    nxt: Optional["Node"]
    items: List["int"]
    a: list["int"]
    b: Literal["a"]
    d: int | list["str"]
    f: Union["int", "Node"]
print(get_type_hints(Node))
def f(a: "List[int]", b: Optional["Node"] = None) -> "int": pass
print(get_type_hints(f))
class M(TypedDict, total=False):
    a: Required[int]
    b: "NotRequired[str]"
    c: List[Required[int]]
    d: Optional["M"]
print(get_type_hints(M))
print(get_type_hints(M, include_extras=True))
class B(A): pass
print(get_type_hints(B))
