# json in a course program: records saved as JSON text (indent, sort_keys, separators) and loaded back
import json

students = [
    {"name": "Ana", "grades": [9.5, 7.25, 10], "active": True, "mentor": None},
    {"name": "Bo\u00ebl \"Bo\" O'Neil", "grades": [], "active": False, "mentor": "Ana"},
    {"name": "Chen \u9648", "grades": [6, 8.0], "active": True, "mentor": "Ana", "tags": ("new", "remote")},
]

saved = json.dumps(students, indent=2)
print(saved)
loaded = json.loads(saved)
print(loaded == [dict(s, tags=list(s["tags"])) if "tags" in s else s for s in students])
for s in loaded:
    avg = sum(s["grades"]) / len(s["grades"]) if s["grades"] else 0
    print(f"{s['name']:<22} {avg:6.2f} {type(s['grades']).__name__} {s['mentor']}")

print(json.dumps(students[2], sort_keys=True, ensure_ascii=False))
print(json.dumps(students[0], separators=(",", ":")))
print(json.dumps({"b": 1, "a": {"d": [], "c": {}}}, indent="\t", sort_keys=True))
print(json.dumps({1: "one", 2.5: "two and a half", True: "yes", None: "nothing"}))
print(json.dumps([0.1, 1e16, 1e-7, -0.0, 2**70, float("inf"), float("nan")]))
print(json.dumps("tab\there\nnew line \x01 \u00e9 \U0001F600 / \\"))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def encode(o):
    if isinstance(o, Point):
        return {"x": o.x, "y": o.y}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"cannot encode {type(o).__name__}")


text = json.dumps({"path": [Point(0, 0), Point(3, 4)], "seen": {3, 1, 2}}, default=encode)
print(text)
print(json.loads(text, object_hook=lambda d: Point(d["x"], d["y"]) if set(d) == {"x", "y"} else d)["path"][1].y)
print(json.loads('  {"n": -12, "f": 3.5e2, "e": 1E-2, "s": "\\u00e9\\ud83d\\ude00\\n", "t": [true, false, null]}  '))
print(json.loads(b'[1, "two"]'), json.loads('"\\/"'), json.loads("123456789012345678901234567890"))
