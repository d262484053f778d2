# json's errors: JSONDecodeError (a ValueError) with its message and position, TypeError for what cannot be encoded, circular references
import json

for doc in ["", "   ", "[1, 2,]", '{"a": 1,}', '{"a" 1}', "{'a': 1}", "[1 2]", '"abc', '"a\x01b"', '"\\x"',
            '"\\u12g4"', "1.", "-", "01", "nul", "[", '{"a":', '{"a": 1', "[1, 2]\n  extra", "\ufeff[]",
            '{\n  "name": "Ann",\n  "age": \n}']:
    try:
        print(repr(doc), "->", json.loads(doc))
    except json.JSONDecodeError as e:
        print(repr(doc), "->", type(e).__name__, e, "|", e.msg, e.pos, e.lineno, e.colno)

try:
    json.loads("[1, 2")
except ValueError as e:
    print("ValueError caught:", repr(e), e.args)

print(json.JSONDecodeError.__module__, json.JSONDecodeError.__mro__[1].__name__)

class Account:
    pass

for bad in [Account(), {1, 2}, b"bytes", {(1, 2): "tuple key"}, 3 + 4j]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError:", e)

print(json.dumps({(1, 2): "skipped", "kept": 1}, skipkeys=True))
try:
    json.dumps({2: "a", "1": "b"}, sort_keys=True)
except TypeError as e:
    print("TypeError:", e)

loop = {"name": "loop"}
loop["self"] = loop
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
chain = [1, [2]]
chain[1].append(chain)
try:
    json.dumps(chain, indent=2)
except ValueError as e:
    print("ValueError:", e)
shared = [1, 2]
print(json.dumps([shared, shared, {"again": shared}]))

try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads(42)
except TypeError as e:
    print("TypeError:", e)
print(json.loads("[NaN, Infinity, -Infinity]"))
