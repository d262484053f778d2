# json.dump/json.load with io.StringIO, JSONEncoder (a subclass's default, encode, iterencode's text),
# JSONDecoder (decode, raw_decode, a subclass with hooks, strict), the hooks through loads/load, cls=,
# and python3's errors: a self-containing list or dict, documents nested past the recursion limit.
import io
import json

records = [
    {"name": "Ada", "scores": [90, 85.5, None], "active": True},
    {"name": "Linus", "scores": [], "active": False, "tags": {"x": 1e20, "y": -0.0}},
    [1, "two", 3.0, [4, [5]], {}],
    "plain \u00e9 \U0001f600 \"quoted\"\n",
    None,
]
for rec in records:
    buf = io.StringIO()
    print(json.dump(rec, buf))
    text = buf.getvalue()
    print(text, text == json.dumps(rec))
    buf.seek(0)
    print(json.load(buf) == rec)
for kw in ({"indent": 2}, {"indent": "\t", "sort_keys": True}, {"separators": (",", ":")}, {"ensure_ascii": False}, {"indent": 0}):
    buf = io.StringIO()
    json.dump(records[1], buf, **kw)
    print(repr(buf.getvalue()))

print(json.load(io.StringIO('{"a": [1, 2.5, null], "b": {"c": "d"}}'), object_pairs_hook=list, parse_float=str))
print(json.load(io.StringIO("[1, 2, 3.5]"), parse_int=lambda s: int(s) * 10))
print(json.loads('{"x": 1, "y": {"z": 2}}', object_hook=lambda d: sorted(d)))
print(json.loads("[NaN, Infinity, -Infinity]", parse_constant=lambda c: "<" + c + ">"))
for doc in ("", "[1,]", '{"a" 1}', "[1] x", '"abc'):
    try:
        json.load(io.StringIO(doc))
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, e.pos, e.lineno, e.colno)

buf = io.StringIO()
try:
    json.dump({"ok": [1, 2], "bad": {1, 2}}, buf)
except TypeError as e:
    print("TypeError:", e, repr(buf.getvalue()))
for value in (float("nan"), [float("inf")]):
    try:
        json.dump(value, io.StringIO(), allow_nan=False)
    except ValueError as e:
        print("ValueError:", e)
    try:
        json.dumps(value, allow_nan=False)
    except ValueError as e:
        print("ValueError:", e)


class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, complex):
            return {"re": o.real, "im": o.imag}
        return super().default(o)


print(json.dumps({"s": {3, 1, 2}, "c": 1 + 2j, "f": frozenset("ba")}, cls=SetEncoder))
print(SetEncoder(sort_keys=True, indent=1).encode({"z": 1, "a": {2}}))
print("".join(SetEncoder().iterencode([{1}, "x", 2.5])), SetEncoder().encode("only a str"))
for bad in (object(), b"bytes"):
    try:
        json.dumps(bad, cls=SetEncoder)
    except TypeError as e:
        print("TypeError:", e)
e = json.JSONEncoder()
print(e.item_separator, e.key_separator, e.indent, e.sort_keys, e.skipkeys, e.ensure_ascii, e.check_circular, e.allow_nan)
e2 = json.JSONEncoder(indent=4, separators=(";", "="), default=repr)
print(repr(e2.item_separator), repr(e2.key_separator), e2.encode({"k": [object.__name__, 1]}), e2.default(3))
print(json.JSONEncoder(default=str).encode({"when": range(3)}))
try:
    json.JSONEncoder().default({1})
except TypeError as e:
    print("TypeError:", e)
for call in (lambda: json.JSONEncoder(2), lambda: json.dumps(1, foo=2), lambda: json.loads("1", foo=2), lambda: json.load(io.StringIO("1"), bar=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(json.JSONEncoder.__module__, json.JSONDecoder.__module__, json.__all__)

d = json.JSONDecoder()
print(d.decode(" [1, 2] "), d.raw_decode('{"a": 1} trailing'), d.raw_decode("xx[2]yy", 2))
for s, i in (("  [1]", 0), ("", 0), ("[1]", 5), ("[1] x", None)):
    try:
        print(d.raw_decode(s, i) if i is not None else d.decode(s))
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e)
try:
    json.loads('"tab\there"')
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
print(repr(json.loads('"tab\there"', strict=False)), json.JSONDecoder(strict=False).decode('["a\nb"]'))


class UpperDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)

    def hook(self, obj):
        return {k.upper(): v for k, v in obj.items()}


print(json.loads('{"a": {"b": 1}}', cls=UpperDecoder), UpperDecoder(parse_int=float).decode('[1, {"x": 2}]'))
print(json.load(io.StringIO('{"k": [true]}'), cls=UpperDecoder))
stream = '{"a": 1} {"b": 2}  [3]'
pos = 0
while pos < len(stream):
    obj, pos = d.raw_decode(stream, pos)
    print(obj, pos)
    while pos < len(stream) and stream[pos] == " ":
        pos += 1

loop = [1]
loop.append(loop)
nest = {"k": None}
nest["k"] = nest
for value in (loop, nest):
    for kw in ({}, {"check_circular": False}):
        try:
            json.dumps(value, **kw)
        except (ValueError, RecursionError) as e:
            print(type(e).__name__ + ":", e)
    try:
        json.dump(value, io.StringIO())
    except ValueError as e:
        print("ValueError:", e)
deep = []
for _ in range(1500):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError as e:
    print("RecursionError:", e)
for doc in ("[" * 1500, '{"a": ' * 1500, '[{"a": ' * 800):
    try:
        json.loads(doc)
    except RecursionError as e:
        print("RecursionError:", e)
print(json.loads("[" * 50 + "]" * 50) == eval("[" * 50 + "]" * 50))
