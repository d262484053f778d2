# typing.TypedDict: class and functional forms, totality, Required/NotRequired, errors.
import typing
from typing import TypedDict, Required, NotRequired, Optional, get_type_hints, get_origin, get_args


class Movie(TypedDict):
    name: str
    year: int


class Rated(Movie, total=False):
    rating: float
    tags: Required[list]


m = Movie(name="Blade Runner", year=1982)
print(m, type(m) is dict, Movie(), Movie({"a": 1}, b=2))
print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), Movie.__total__)
print(sorted(Rated.__required_keys__), sorted(Rated.__optional_keys__), Rated.__total__)
print(Movie.__annotations__)
print(Rated.__annotations__)
print(Rated.__mro__, Rated.__bases__, "__orig_bases__" in Rated.__dict__)
print(Movie.__name__, Movie.__qualname__, Movie.__module__, type(Movie).__name__)
print(repr(Rated), [k for k in Rated.__dict__ if not k.startswith("__")])


class R(TypedDict):
    a: int
    b: NotRequired[str]
    c: Required[Optional[int]]
    d: "Movie"

    def method(self):
        return 1


print(sorted(R.__required_keys__), sorted(R.__optional_keys__), R.__orig_bases__ == (TypedDict,))
print(R.__annotations__)
print(get_type_hints(R))
print(get_type_hints(R, include_extras=True))
print(Required[int], NotRequired[int], get_origin(Required[int]) is Required, get_args(NotRequired[int]))
print(R.method(None), typing.is_typeddict(R), typing.is_typeddict(dict), typing.is_typeddict(TypedDict))

P = TypedDict("P", {"x": int, "y": "float"})
print(P(x=1, y=2), sorted(P.__required_keys__), P.__annotations__, P.__name__, P.__module__)
Q = TypedDict("Q", {"x": int}, total=False)
print(Q.__optional_keys__, Q.__required_keys__, Q.__total__)
E = TypedDict("E", {})
print(E.__annotations__, E())

for bad in (lambda: isinstance({}, Movie), lambda: issubclass(dict, Movie),
            lambda: TypedDict("X", {"a": int}, b=str), lambda: Required[int, str],
            lambda: NotRequired[()]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(TypedDict, int):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad2(Movie, dict):
        pass
except TypeError as e:
    print("TypeError:", e)


class C:
    x: "int"
    y: "list[Movie]"
    z: None


def f(a: "int", b: "Movie" = None) -> "str":
    pass


print(get_type_hints(C), get_type_hints(f))
K = TypedDict("K", a=int)
print(K.__annotations__, K(a=1))
