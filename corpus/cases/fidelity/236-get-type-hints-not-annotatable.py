# typing.get_type_hints of an object with no __annotations__: {} for functions, methods, modules and builtin callables, python3's TypeError for anything else
import sys
from typing import get_type_hints
class C:
    def m(self, a: int) -> str: pass
for o in [3, "s", None, len, C().m, C.m, sys, str.join, object.__init__, object().__str__, [1], {}, lambda: 0]:
    try:
        print(get_type_hints(o))
    except TypeError as e:
        print("TypeError:", e)
