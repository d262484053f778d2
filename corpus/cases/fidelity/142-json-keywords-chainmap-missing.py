# json.dumps/loads: a misspelt keyword is python3's TypeError (not ignored), bytes with a UTF-8 BOM load; ChainMap reaches a defaultdict's __missing__
import json
from collections import ChainMap, defaultdict

for label, call in [
    ("dumps, sort_key=", lambda: json.dumps({"b": 1, "a": 2}, sort_key=True)),
    ("dumps, sort_keys=", lambda: json.dumps({"b": 1, "a": 2}, sort_keys=True)),
    ("loads, object_hok=", lambda: json.loads('{"a": 1}', object_hok=dict)),
    ("loads, bytes with a BOM", lambda: json.loads(b'\xef\xbb\xbf{"a": [1, 2]}')),
    ("loads, str with a BOM", lambda: json.loads('\ufeff{"a": 1}')),
]:
    try:
        print(label, "->", call())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__, e)

counts = defaultdict(int)
settings = ChainMap({"colour": "red"}, counts)
print(settings["colour"], settings["missing"], dict(counts))
print("missing" in settings, len(settings), sorted(settings))


class Defaults(dict):
    def __missing__(self, key):
        return key.upper()


layered = ChainMap({}, Defaults(size="L"))
print(layered["size"], layered["shape"], layered.get("shape", "none"))
try:
    ChainMap({}, {})["nothing"]
except KeyError as e:
    print("KeyError", e)
