# json: iterencode's chunks (python3's Python encoder), made lazily; a JSONEncoder subclass
# overriding iterencode is used by dumps and dump; dump's writes are those chunks.
# io.StringIO.readlines(hint) stops once the lines read exceed the hint.
import io
import json

enc = json.JSONEncoder()
print(list(enc.iterencode({"a": [1, 2.5, None, True, "s"], "b": {}, "c": []})))
print(list(json.JSONEncoder(indent=2, sort_keys=True).iterencode({"b": [1, [2, {"x": 3}]], "a": 0})))
print(list(enc.iterencode([[1, [2]], {"k": [3]}, (4,)])))
print(list(enc.iterencode("x")), list(enc.iterencode(5)), list(enc.iterencode([])))

it = enc.iterencode([1, object()])
print("iterencode made, not yet encoded:", type(it).__name__)
try:
    print(list(it))
except TypeError as e:
    print("TypeError", e)


class Upper(json.JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        for chunk in super().iterencode(o, _one_shot):
            yield chunk.upper()


print(json.dumps({"a": ["b", 1]}, cls=Upper))
s = io.StringIO()
json.dump(["x", {"y": "z"}], s, cls=Upper)
print(s.getvalue())


class Writes:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


w = Writes()
json.dump({"a": [1, 2], "b": {"c": None}}, w)
print(w.parts)
w = Writes()
json.dump([1, {"a": [True]}], w, indent=1)
print(w.parts)
w = Writes()
try:
    json.dump([1, 2, {"a": object()}], w)
except TypeError as e:
    print("TypeError", e)
print(w.parts)

f = io.StringIO("ab\ncd\nef\ng")
for hint in (-1, 0, 1, 2, 3, 4, 5, 6, 7, 100):
    f.seek(0)
    print(hint, f.readlines(hint))
