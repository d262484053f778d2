# the weak containers' own objects, what each operation does to entries that died during an iteration,
# KeyedRef and a ref's __callback__
import copy
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj%d" % self.n


keep = [Obj(i) for i in range(10)]
gc.collect()
gc.disable()
makers = [
    ("WeakValueDictionary()", lambda: weakref.WeakValueDictionary()),
    ("WeakKeyDictionary()", lambda: weakref.WeakKeyDictionary()),
    ("WeakSet()", lambda: weakref.WeakSet()),
    ("WeakValueDictionary of 3", lambda: weakref.WeakValueDictionary({i: keep[i] for i in range(3)})),
    ("WeakKeyDictionary of 3", lambda: weakref.WeakKeyDictionary({keep[i]: i for i in range(3)})),
    ("WeakSet of 3", lambda: weakref.WeakSet(keep[:3])),
]
for label, make in makers:
    gc.collect()
    before = len(gc.get_objects())
    made = make()
    print(label, "adds", len(gc.get_objects()) - before, "tracked objects")
    keep.append(made)
gc.enable()


def key_of(c, o):
    return o.n if isinstance(c, weakref.WeakValueDictionary) else o


def mapping_ops():
    return {
        "len": lambda c, o: len(c),
        "in": lambda c, o: key_of(c, o[0]) in c,
        "get": lambda c, o: c.get(key_of(c, o[0])),
        "setitem": lambda c, o: c.__setitem__(key_of(c, o[0]), o[0]),
        "delitem": lambda c, o: c.__delitem__(key_of(c, o[0])),
        "pop": lambda c, o: c.pop(key_of(c, o[0])),
        "popitem": lambda c, o: len(c.popitem()),
        "copy": lambda c, o: len(c.copy()),
        "copy.copy": lambda c, o: len(copy.copy(c)),
        "deepcopy": lambda c, o: len(copy.deepcopy(c)),
        "setdefault": lambda c, o: c.setdefault(key_of(c, o[0]), o[0]),
        "update": lambda c, o: c.update({}),
        "|=": lambda c, o: c.__ior__({}) is c,
        "|": lambda c, o: len(c | {}),
        "clear": lambda c, o: c.clear(),
        "==": lambda c, o: c == c.copy(),
        "nested list": lambda c, o: len(list(c)),
        "values": lambda c, o: len(list(c.values())),
        "items": lambda c, o: len(list(c.items())),
        "refs": lambda c, o: len(c.valuerefs() if isinstance(c, weakref.WeakValueDictionary) else c.keyrefs()),
    }


def set_ops():
    return {
        "len": lambda c, o: len(c),
        "in": lambda c, o: o[0] in c,
        "add": lambda c, o: c.add(o[0]),
        "discard": lambda c, o: c.discard(o[0]),
        "remove": lambda c, o: c.remove(o[0]),
        "pop": lambda c, o: c.pop() in o,
        "copy": lambda c, o: len(c.copy()),
        "update": lambda c, o: c.update([]),
        "|=": lambda c, o: c.__ior__([]) is c,
        "-=": lambda c, o: c.__isub__([o[0]]) is c,
        "|": lambda c, o: len(c | []),
        "==": lambda c, o: c == c.copy(),
        "clear": lambda c, o: c.clear(),
        "nested list": lambda c, o: len(list(c)),
    }


def run(kind, make, ops):
    for name, op in ops.items():
        objs = [Obj(i) for i in range(4)]
        c = make(objs)
        it = iter(c)
        first = next(it)
        victim = [x for x in objs if x is not first and x is not objs[0]][0]
        objs.remove(victim)
        del victim
        stored = len(c.data)
        try:
            result = op(c, objs)
        except Exception as e:
            result = type(e).__name__
        during = len(c.data)
        try:
            rest = len(list(it))
        except RuntimeError as e:
            rest = "RuntimeError: %s" % e
        print(kind, name, stored, during, len(c.data), result, rest)


run("values", lambda objs: weakref.WeakValueDictionary({o.n: o for o in objs}), mapping_ops())
run("keys", lambda objs: weakref.WeakKeyDictionary({o: o.n for o in objs}), mapping_ops())
run("set", weakref.WeakSet, set_ops())

# an iterator left unfinished keeps the dead entries until it is released
objs = [Obj(i) for i in range(3)]
ws = weakref.WeakSet(objs)
it = iter(ws)
first = next(it)
objs.remove([x for x in objs if x is not first][0])
print(len(ws), len(ws.data))
del it
print(len(ws), len(ws.data))

a = Obj(1)
vd = weakref.WeakValueDictionary()
vd["a"] = a
wr = vd.valuerefs()[0]
print(type(wr).__name__, wr.key, wr() is a, isinstance(wr, weakref.ref), type(wr).__mro__)
kr = weakref.KeyedRef(a, print, "k")
print(kr.key, kr.__callback__, weakref.ref(a).__callback__, weakref.ref(a, print).__callback__)
print(type(wr.__callback__).__name__)
print(weakref.WeakSet, weakref.WeakSet[int], weakref.WeakKeyDictionary[int, str])
print(weakref.WeakValueDictionary(other=a)["other"] is a, len(weakref.WeakValueDictionary([(1, a)], x=a)))
for bad in (lambda: weakref.WeakValueDictionary([1]), lambda: weakref.WeakKeyDictionary(3), lambda: weakref.WeakKeyDictionary().update(dict=a)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(copy.deepcopy(weakref.WeakSet([a])) == weakref.WeakSet([a]), copy.deepcopy(weakref.ref(a)) is weakref.ref(a))
