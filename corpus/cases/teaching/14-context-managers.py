# Context managers written as classes: suppressing exceptions from __exit__, nesting, return/continue inside with, and objects that are not context managers
class Timer:
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        print(f"enter {self.label}")
        return self
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.label}: {exc_type.__name__ if exc_type else None} {exc!r}")
        return isinstance(exc, KeyError)

with Timer("a") as t:
    print("inside", t.label)
with Timer("b"):
    {}["missing"]
print("after b (suppressed)")
try:
    with Timer("c"):
        raise ValueError("not suppressed")
except ValueError as e:
    print("caught", e)
with Timer("outer") as o, Timer("inner") as i:
    print(o.label, i.label)

class Indenter:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *exc):
        self.level -= 1
    def print(self, text):
        print("    " * self.level + text)
with Indenter() as ind:
    ind.print("hi")
    with ind:
        ind.print("talk is cheap")
        with ind:
            ind.print("show me the code")
    ind.print("bye")

class Resource:
    opened = []
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        Resource.opened.append(self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        Resource.opened.remove(self.name)
        if et is ZeroDivisionError:
            print("swallowing", ev)
            return True
def work():
    with Resource("db") as name:
        print("using", name, Resource.opened)
        return "returned inside with"
print(work(), Resource.opened)
with Resource("x"):
    1 / 0
print(Resource.opened)
for i in range(3):
    with Resource(f"r{i}"):
        if i == 1:
            continue
        print("loop body", i, Resource.opened)
print(Resource.opened)
try:
    with Timer("t") as t, undefined_name:
        pass
except NameError as e:
    print("NameError:", e)
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)
