# Generates cpython-facts.json: facts of CPython 3.11 that the heap core alone decides (sizes, growth,
# address reuse, GC counts and thresholds). Run with the reference interpreter:
#   python3 test/data/cpython-facts.py > test/data/cpython-facts.json
import gc, json, sys

g = sys.getsizeof
facts = {"version": sys.version.split()[0]}

facts["int_sizes"] = {str(v): g(v) for v in [0, 1, -1, 2**30 - 1, 2**30, -2**30, 2**60 - 1, 2**60, 2**90, 10**100, -10**100]}
facts["scalar_sizes"] = {"True": g(True), "False": g(False), "None": g(None), "1.5": g(1.5), "Ellipsis": g(...)}
facts["str_sizes"] = {s: g(s) for s in ["", "a", "ab", "hello", "a" * 100, "é", "ééé", "€", "€€", "😀", "😀😀", "a€", "aé"]}
facts["bytes_sizes"] = {str(n): g(b"x" * n) for n in [0, 1, 3, 100]}
facts["tuple_sizes"] = [g(tuple(range(n))) for n in range(8)]

l, sizes = [], []
for n in range(70):
    sizes.append(g(l)); l.append(None)
facts["list_append_sizes"] = sizes
l, out = list(range(20)), []
while l:
    l.pop(); out.append(g(l))
facts["list_pop_sizes"] = out
facts["list_call_sizes"] = [g(list(range(n))) for n in range(9)]
facts["list_times_sizes"] = [g([None] * n) for n in range(9)]
l = []; l.extend(range(5)); e1 = g(l)
l = [1]; l += [2, 3, 4, 5]; e2 = g(l)
facts["list_extend"] = {"empty_extend_5": e1, "one_plus_4": e2}
l = list(range(5)); l.insert(0, None); facts["list_insert_5"] = g(l)

d, out = {}, []
for i in range(50):
    out.append(g(d)); d[f"k{i}"] = i
facts["dict_str_sizes"] = out
d, out = {}, []
for i in range(50):
    out.append(g(d)); d[i] = i
facts["dict_int_sizes"] = out
d, out = {}, []
for i in range(12):
    out.append(g(d)); d["s" if i == 0 else i] = i
facts["dict_str_then_int_sizes"] = out
d = {f"k{i}": i for i in range(10)}
for i in range(10): del d[f"k{i}"]
facts["dict_after_delete_all"] = g(d)
d.clear(); facts["dict_after_clear"] = g(d)
facts["dict_order_after_deletes"] = None
d = {}
for i in range(10): d[i * 7 % 11] = i
del d[3]; del d[6]; d[3] = "again"; d[100] = "new"
facts["dict_order_after_deletes"] = list(d.keys())

s, out = set(), []
for i in range(60):
    out.append(g(s)); s.add(i)
facts["set_add_sizes"] = out
facts["set_from_range_sizes"] = [g(set(range(n))) for n in (0, 4, 5, 18, 19)]
facts["frozenset_empty"] = g(frozenset())
s = set()
for v in [5, 3, 17, 9, 1, 33, 65, 8, 100000, -7]:
    s.add(v)
facts["set_iteration_order"] = list(s)
facts["set_iteration_order_after_discard"] = None
s = set(range(20)); [s.discard(i) for i in (3, 7, 11)]; s.add(300); s.add(-1)
facts["set_iteration_order_after_discard"] = list(s)

facts["hashes"] = {
    "ints": [str(hash(v)) for v in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**100, -(2**100)]],
    "floats": [str(hash(v)) for v in [0.0, 1.0, -1.0, 1.5, -2.5, 1e300, 1e-300, 3.141592653589793, float("inf"), float("-inf"), 2.0**80]],
    "tuples": [str(hash(t)) for t in [(), (1,), (1, 2), (1, (2, 3)), (-1, -2), (1.5, 2)]],
    "frozensets": [str(hash(frozenset(x))) for x in [(), (1,), (1, 2, 3), range(20)]],
}

# address reuse
a = [1, 2]; old = id(a); del a
reuse = {"list_after_del": id([3, 4]) == old}
t = tuple([1, 2, 3]); old = id(t); del t
reuse["tuple3"] = id(tuple([4, 5, 6])) == old
t = tuple(range(19)); old = id(t); del t
reuse["tuple19"] = id(tuple(range(19))) == old
t = tuple(range(20)); old = id(t); del t
reuse["tuple20"] = id(tuple(range(20))) == old
reuse["id_list_list"] = id([]) == id([])
reuse["id_list_call"] = id(list()) == id(list())
reuse["id_dict_dict"] = id({}) == id({})
reuse["id_dict_call"] = id(dict()) == id(dict())
reuse["id_set_set"] = id(set()) == id(set())
gc.collect()
n = int("1099511627776"); old = id(n); del n
reuse["float_reuses_int_block"] = id(float("2.5")) == old
facts["reuse"] = reuse

# counts after a full collection (the worked example of the memory-model document)
class P: pass
gc.collect()
c0 = gc.get_count(); a = []; c1 = gc.get_count(); del a; c2 = gc.get_count(); b = []; c3 = gc.get_count()
p = P(); c4 = gc.get_count(); del p; c5 = gc.get_count(); d = {}; c6 = gc.get_count(); del d
c7 = gc.get_count()
facts["counts_worked_example"] = [c0, c1, c2, c3, c4, c5, c6, c7]

# automatic collections with thresholds (3, 2, 2)
log = []
def cb(phase, info):
    if phase == "start":
        log.append(info["generation"])
class X: pass
gc.set_threshold(3, 2, 2)
gc.collect()
facts["long_lived_objects"] = len(gc.get_objects())
gc.callbacks.append(cb)
keep, counts = [], []
for i in range(24):
    keep.append(X())
    counts.append(gc.get_count())
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
facts["threshold_counts"] = counts
facts["threshold_generations"] = log

# collect() return values
gc.collect()
def run(setup):
    setup()
    return gc.collect()
class A: pass
def self_list():
    l = []; l.append(l)
def two_instances():
    x = A(); y = A(); x.o = y; y.o = x
def dict_cycle():
    d = {}; d["me"] = d
def cycle_with_atoms():
    l = [1, "x", 2.5, tuple([1, 2]), {"a": 1}]; l.append(l)
def cycle_with_hangers():
    l = [[1], (2, [3]), {"k": []}]; l.append(l)
facts["collect_returns"] = {
    "self_list": run(self_list), "two_instances": run(two_instances), "dict_cycle": run(dict_cycle),
    "cycle_with_atoms": run(cycle_with_atoms), "cycle_with_hangers": run(cycle_with_hangers), "nothing": run(lambda: None),
}

# tracking rules
gc.collect()
t = tuple([1, "x", 2.5])
tr = {"fresh_tuple": gc.is_tracked(t)}
gc.collect(0)
tr["tuple_after_collect0"] = gc.is_tracked(t)
u = tuple([1, []]); gc.collect()
tr["tuple_holding_list_after_full"] = gc.is_tracked(u)
d = {}; tr["empty_dict"] = gc.is_tracked(d)
d["a"] = 1; tr["dict_atoms"] = gc.is_tracked(d)
d["l"] = []; tr["dict_with_list"] = gc.is_tracked(d)
del d["l"]; tr["dict_after_delete"] = gc.is_tracked(d)
gc.collect(1); tr["dict_after_collect1"] = gc.is_tracked(d)
gc.collect(); tr["dict_after_full"] = gc.is_tracked(d)
e = {"k": {}}; tr["dict_holding_empty_dict"] = gc.is_tracked(e)
f = {"k": tuple([1, 2])}; tr["dict_holding_tracked_tuple"] = gc.is_tracked(f)
t = tuple([int, 1]); gc.collect(); tr["tuple_holding_static_type_after_full"] = gc.is_tracked(t)
tr["dict_holding_static_type"] = gc.is_tracked({"t": int})
tr["dict_holding_class"] = gc.is_tracked({"t": type("K", (), {})})
facts["tracking"] = tr

# the 256 one-byte bytes objects are shared; bytes(n) builds a fresh one
facts["one_byte_bytes"] = {"bytes([122]) is b'xyz'[2:]": bytes([122]) is b"xyz"[2:], "bytes(1) is bytes(1)": bytes(1) is bytes(1)}

# s += c in a warmed-up function: the lengths at which the string moved (pymalloc realloc across size classes)
def grow(start, c, n):
    s = start[:1] + start[1:]  # a fresh string nobody else holds
    moved = []
    for _ in range(n):
        before = id(s)
        s += c
        if id(s) != before:
            moved.append(len(s))
    return moved, sys.getsizeof(s)
for _ in range(3):
    grow("123456", "x", 4)
facts["str_inplace_moves"] = {k: grow(start, c, 90)
                              for k, start, c in [("ascii", "123456", "x"), ("latin1", "\xe9\xe9\xe9", "\xe9"), ("ucs2", "\u20ac\u20ac", "\u20ac"),
                                                  ("ucs4", "\U0001f600", "\U0001f600"), ("ucs2+latin1", "\u20ac\u20ac", "\xe9"), ("latin1+ascii", "\xe9\xe9", "x")]}

# ... and when it cannot grow in place: a new object each time
def blocked(start, c, hashed=False, shared=False):
    s = start[:1] + start[1:]
    keep = []
    new_objects = 0
    for _ in range(5):
        if hashed:
            hash(s)
        if shared:
            keep.append(s)
        before = id(s)
        s += c
        new_objects += id(s) != before
    return new_objects
for _ in range(3):
    blocked("123456", "x"); blocked("123456", "x", hashed=True); blocked("123456", "x", shared=True); blocked("123456", "\xe9")
facts["str_inplace_blocked"] = {"plain": blocked("123456", "x"), "hashed": blocked("123456", "x", hashed=True),
                                "shared": blocked("123456", "x", shared=True), "ascii+latin1": blocked("123456", "\xe9")}

# deallocation of structures nested deeper than the trashcan's 50 levels
log = []
class T:
    def __init__(self, n): self.n = n
    def __del__(self): log.append(self.n)
x = None
for i in range(130):
    x = [T(i), x]
del x
facts["trashcan_order"] = log
# the same through a cell between the levels: cells deallocate without the trashcan, so only the lists
# and the instances count and the deposits come at the same depth as above
log = []
def cell_of(v):
    return (lambda: v).__closure__[0]
x = None
for i in range(130):
    x = [T(i), cell_of(x)]
del x
facts["trashcan_order_through_cells"] = log

print(json.dumps(facts, indent=1, ensure_ascii=False))
