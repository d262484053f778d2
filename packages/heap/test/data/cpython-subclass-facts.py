# Facts about instances of str / int / float / tuple subclasses in CPython 3.11 (64-bit), for
# test/subclass-layouts.test.ts. Run: python3 cpython-subclass-facts.py > cpython-subclass-facts.json
import collections, ctypes, gc, json, sys, weakref

HAVE_GC, MANAGED_DICT = 1 << 14, 1 << 4


class S(str): pass
class I(int): pass
class F(float): pass
class T(tuple): pass
class B(bytes): pass
class K(complex): pass
class Z(frozenset): pass


def word(addr):
    return ctypes.c_size_t.from_address(addr).value


def type_facts(t):
    # sizeof: the class object itself (a managed-dict class counts its shared keys)
    return {"basicsize": t.__basicsize__, "itemsize": t.__itemsize__, "dictoffset": t.__dictoffset__,
            "weakrefoffset": t.__weakrefoffset__, "gc": bool(t.__flags__ & HAVE_GC),
            "managed_dict": bool(t.__flags__ & MANAGED_DICT), "sizeof": sys.getsizeof(t)}


def block_size(make):
    """The block an object takes: the most common distance between consecutive new objects."""
    objs = [make() for _ in range(400)]
    deltas = collections.Counter(id(b) - id(a) for a, b in zip(objs, objs[1:]))
    return deltas.most_common(1)[0][0]


def dict_word_offset(o):
    """Where the object keeps its __dict__ pointer (searched in its first 256 bytes)."""
    d = o.__dict__
    for off in range(0, 256, 8):
        if word(id(o) + off) == id(d):
            return off
    return None


def referents(o):
    return [type(x).__name__ for x in gc.get_referents(o)]


def weakrefable(o):
    try:
        weakref.ref(o)
        return True
    except TypeError:
        return False


strs = ["", "a", "abc", "é", "éé", "€", "€€", "😀", "😀😀", "a" * 100]
ints = [0, 1, -1, 7, 2**30 - 1, 2**30, -2**30, 2**60, 10**100]
facts = {
    "version": sys.version.split()[0],
    "types": {"S": type_facts(S), "I": type_facts(I), "F": type_facts(F), "T": type_facts(T), "B": type_facts(B),
              "K": type_facts(K), "Z": type_facts(Z)},
    "str": [],
    "int": [],
    "float": {},
    "tuple": [],
    "bytes": [],
}
for v in strs:
    s = S(v)
    data = word(id(s) + 72)
    facts["str"].append({
        "value": v, "sizeof": sys.getsizeof(s), "exact_sizeof": sys.getsizeof(v), "tracked": gc.is_tracked(s),
        "block": block_size(lambda: S(v)),
        # the characters live outside the object, at the pointer in the 8-byte word at +72
        "data_outside": not (id(s) <= data < id(s) + 128),
        "state_compact": bool(ctypes.c_uint32.from_address(id(s) + 32).value & (1 << 5)),
        "weakrefable": weakrefable(s), "referents": referents(s),
    })
key = "".join(["key ", "text"])
hash(key)
facts["str_hash_word_copied"] = ctypes.c_ssize_t.from_address(id(S(key)) + 24).value == hash(key)
s = S("xyz")
s.attr = 1
facts["str_with_attr"] = {"sizeof": sys.getsizeof(s), "referents": referents(s)}
for v in ints:
    i = I(v)
    j = I(v)
    j.attr = [1]
    facts["int"].append({
        "value": str(v), "sizeof": sys.getsizeof(i), "tracked": gc.is_tracked(i), "block": block_size(lambda: I(v)),
        "dict_offset": dict_word_offset(j), "weakrefable": weakrefable(i), "referents": referents(i),
        "referents_with_dict": referents(j),
    })
f = F(1.5)
g = F(2.5)
g.attr = 1
facts["float"] = {"sizeof": sys.getsizeof(f), "tracked": gc.is_tracked(f), "block": block_size(lambda: F(1.5)),
                  "weakrefable": weakrefable(f), "referents": referents(f), "referents_with_attr": referents(g)}
for n in range(5):
    t = T(range(n))
    u = T(range(n))
    u.attr = 1
    facts["tuple"].append({"n": n, "sizeof": sys.getsizeof(t), "tracked": gc.is_tracked(t),
                           "block": block_size(lambda: T(range(n))), "dict_offset": dict_word_offset(u),
                           "weakrefable": weakrefable(t), "referents_with_dict": referents(u)})
for v in [b"", b"a", b"abc", b"x" * 7, b"x" * 50]:
    b = B(v)
    c = B(v)
    c.attr = 1
    facts["bytes"].append({"value": v.decode(), "sizeof": sys.getsizeof(b), "tracked": gc.is_tracked(b),
                           "block": block_size(lambda: B(v)), "dict_offset": dict_word_offset(c),
                           "weakrefable": weakrefable(b), "referents_with_dict": referents(c)})
facts["complex"] = {"sizeof": sys.getsizeof(K(1, 2)), "tracked": gc.is_tracked(K(1, 2)),
                    "block": block_size(lambda: K(1, 2))}
# frozensets of ints hash the same in every process (as decimal strings: beyond 2**53); a subclass
# instance hashes as its frozenset
facts["frozenset_hashes"] = [{"items": sorted(fs), "hash": str(hash(fs)), "sub_hash": str(hash(Z(fs))),
                              "sub_sizeof": sys.getsizeof(Z(fs))}
                             for fs in (frozenset(), frozenset({1, 2}), frozenset(range(10)), frozenset({-1, 2**40}))]
print(json.dumps(facts, indent=1, ensure_ascii=False))
