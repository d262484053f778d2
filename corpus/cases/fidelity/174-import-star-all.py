# `from m import *` takes the names in m.__all__ when the module has one: dataclasses imports sys for
# itself, which its __all__ leaves out, so the star import brings in its public API and not sys.
from dataclasses import *
names = set(dir())
print('sys' in names, 'dataclass' in names, 'field' in names, 'asdict' in names)
from heapq import *
print(sorted(n for n in dir() if n.startswith('heap')))
from textwrap import *
print('re' in dir(), fill("star imports take __all__ when there is one", 20))
@dataclass(order=True)
class P:
    x: int
    y: int = field(default=0)
print(sorted([P(2, 1), P(1, 5)]), asdict(P(3)))
