# pprint's options: width, indent, depth, compact, sort_dicts, underscore_numbers, pp(), PrettyPrinter, and collections types
import pprint
from collections import Counter, OrderedDict, defaultdict, deque

config = {"server": {"host": "localhost", "ports": [8000, 8001, 8002], "debug": True}, "users": ["ana", "ben", "cai", "dee"], "limits": (10, 20.5, None)}
for width in (20, 40, 60):
    print("width", width)
    pprint.pprint(config, width=width)
pprint.pprint(config, indent=4, width=50)
pprint.pprint(config, depth=1)
pprint.pprint(config, depth=2, width=30)
pprint.pprint(list(range(50)), compact=True, width=40)
pprint.pprint([[i] * i for i in range(1, 9)], compact=True, width=30)
pprint.pprint(config, sort_dicts=False, width=50)
pprint.pp({"z": 1, "a": 2, "m": list(range(25))})
pprint.pprint([10**10, 123456, 7], underscore_numbers=True)
printer = pprint.PrettyPrinter(indent=2, width=35)
printer.pprint(config["server"])
print(printer.pformat(config["users"] * 3))
pprint.pprint(Counter("mississippi river in missouri"), width=40)
pprint.pprint(defaultdict(list, {"a": list(range(12)), "b": [1]}), width=40)
pprint.pprint(OrderedDict((c, ord(c)) for c in "pyheap"), width=40)
pprint.pprint(deque(range(25), maxlen=30), width=40)
for bad in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print("ValueError:", e)
