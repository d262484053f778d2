/**
 * Metaclasses and the class-creation hooks against python3: `metaclass=M` with __prepare__, __new__,
 * __init__ and __call__ (singletons, registries, enums), metaclass methods and properties, a metaclass
 * that is a function, type(name, bases, ns) with a metaclass among the bases, __init_subclass__ with
 * keywords, __class_getitem__, class decorators; the sizes, refcounts and GC tracking of metaclasses and
 * their classes. The same output, no leak, a consistent heap.
 */
import { describe, expect, it } from "vitest";
import { run, toPythonTutor } from "../src/index.js";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";
import { objectAt, stepAtLine } from "./trace-helpers.js";

const cpython = cpythonRunner("pyheap-metaclass-");

const cases: [string, string][] = [
  [
    "a metaclass's __prepare__, __new__, __init__ and __call__, with keywords",
    `class M(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("M.__prepare__", name, kw)
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", mcls.__name__, name, bases, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("M.__init__", name, kw)
        super().__init__(name, bases, ns)
        cls.options = kw
    def __call__(cls, *args, **kwargs):
        print("M.__call__", cls.__name__, args, kwargs)
        return super().__call__(*args, **kwargs)
class A(metaclass=M, flag=True):
    x = 1
    def __init__(self, v, w=0):
        self.v = v + w
print(type(A) is M, isinstance(A, M), A.injected, A.x, A.options)
a = A(5, w=2)
print(a.v, type(a).__name__, isinstance(a, M))
class B(A):
    pass
print(type(B).__name__, B(1).v, B.options)
print(M.__mro__, M.__bases__, M.__base__, type(M))
class Odd(type):
    def __new__(mcls, name, bases, ns):
        return 42
class Q(metaclass=Odd):
    pass
print(Q)
`,
  ],
  [
    "metaclass patterns: singleton, registry, enum-like class protocol, properties and methods on classes",
    `class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, name="default"):
        self.name = name
a = Config("first")
b = Config("second")
print(a is b, a.name)
class Registry(type):
    registry = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry.append(name)
        return cls
class Plugin(metaclass=Registry):
    pass
class P1(Plugin):
    pass
print(Registry.registry, type(P1) is Registry)
class EnumMeta(type):
    def __iter__(cls):
        return iter([v for k, v in cls.__dict__.items() if not k.startswith("_")])
    def __len__(cls):
        return len(list(iter(cls)))
    def __getitem__(cls, key):
        return cls.__dict__[key]
    def __contains__(cls, v):
        return v in list(cls)
    def __repr__(cls):
        return f"<enum {cls.__name__}>"
class Color(metaclass=EnumMeta):
    RED = 1
    GREEN = 2
print(list(Color), len(Color), Color["GREEN"], 2 in Color, repr(Color), Color)
class Meta(type):
    x = "meta"
    def describe(cls):
        return f"{cls.__name__}: {sorted(k for k in cls.__dict__ if not k.startswith('_'))}"
    @property
    def upper_name(cls):
        return cls.__name__.upper()
class Thing(metaclass=Meta):
    x = "class"
    size = 3
print(Thing.describe(), Thing.upper_name, Thing.x, Meta.x)
try:
    Thing().describe()
except AttributeError as e:
    print("AttributeError:", e)
def func_meta(name, bases, ns):
    print("func_meta", name, sorted(ns))
    return type(name, bases, ns)
class F(metaclass=func_meta):
    v = 1
print(F.v, type(F))
class Init(type):
    def __init__(cls, name, bases, ns):
        print("Init.__init__", name, bases)
        super().__init__(name, bases, ns)
class I1(metaclass=Init):
    pass
X = type("X", (I1,), {"z": 1})
T = Meta("T", (), {"size": 5})
print(type(X).__name__, X.z, T.describe(), T.__module__, T.__qualname__)
class M2(type):
    pass
class M3(type):
    pass
class A2(metaclass=M2):
    pass
try:
    class C3(A2, metaclass=M3):
        pass
except TypeError as e:
    print("TypeError:", e)
for args in [("X", 1, {}), ("X", (), 5), (1, (), {}), ("X", ())]:
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
`,
  ],
  [
    "__init_subclass__ with keywords, __class_getitem__, class decorators, super().__repr__()",
    `class Base:
    subs = []
    def __init_subclass__(cls, /, prefix="", **kw):
        super().__init_subclass__(**kw)
        cls.label = prefix + cls.__name__
        Base.subs.append(cls.label)
class Mid(Base, prefix="m_"):
    pass
class Leaf(Mid):
    pass
print(Base.subs, Mid.label, Leaf.label)
for kw in ("nope", "prefix"):
    try:
        exec(f"class Bad(Base, {kw}=1, other=2): pass")
    except TypeError as e:
        print("TypeError:", e)
try:
    class Plain(extra=1):
        print("the body runs first")
except TypeError as e:
    print("TypeError:", e)
class G:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
class H(G):
    pass
print(G[int], H[str])
def register(tag):
    def deco(cls):
        cls.tag = tag
        return cls
    return deco
@register("outer")
@register("inner")
class Dec:
    def __repr__(self):
        return "Dec+" + super().__repr__()[:10]
print(Dec.tag, repr(Dec()), object.__repr__(Dec())[:10])
`,
  ],
  [
    "sizes, refcounts and GC tracking of metaclasses and their classes",
    `import sys, gc
class Meta(type):
    def hello(cls):
        return cls.__name__
class Plain:
    size = 3
    def go(self):
        pass
class Thing(metaclass=Meta):
    size = 3
    def go(self):
        pass
print(sys.getsizeof(Meta), sys.getsizeof(Thing), sys.getsizeof(Plain), sys.getsizeof(type))
print(gc.is_tracked(Meta), gc.is_tracked(Thing), Meta.__basicsize__, Meta.__weakrefoffset__)
print(sys.getrefcount(Meta), sys.getrefcount(Thing))
t = Thing()
print(sys.getrefcount(Thing), sys.getrefcount(Meta))
class Node(metaclass=Meta):
    def __init__(self):
        self.other = None
a, b = Node(), Node()
a.other, b.other = b, a
del a, b
print(gc.collect())
class Tmp(metaclass=Meta):
    pass
Tmp.self_ref = Tmp
del Tmp
print(gc.collect(), sys.getrefcount(Meta))
del t, Thing
print(gc.collect(), sys.getrefcount(Meta))
`,
  ],
  [
    "a metaclass's __setattr__, __delattr__, __getattr__ and __getattribute__ see its classes' attributes",
    `class Frozen(type):
    def __setattr__(cls, name, value):
        raise AttributeError(f"{cls.__name__} is frozen: {name}")
    def __delattr__(cls, name):
        raise AttributeError(f"cannot delete {name} from {cls.__name__}")
    def __getattr__(cls, name):
        return f"<missing {name}>"
class Const(metaclass=Frozen):
    PI = 3
try:
    Const.PI = 4
except AttributeError as e:
    print(e)
try:
    del Const.PI
except AttributeError as e:
    print(e)
print(Const.PI, Const.anything, getattr(Const, "other"), hasattr(Const, "zzz"))
c = Const()
c.x = 1
del c.x
print(vars(c))
class Loud(type):
    def __getattribute__(cls, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)
class L(metaclass=Loud):
    a = 1
    def m(self): return 2
print(L.a, L().m())
class Counted(type):
    def __setattr__(cls, name, value):
        print("set", cls.__name__, name)
        super().__setattr__(name, value)
class CC(metaclass=Counted):
    pass
CC.y = 5
print(CC.y)
`,
  ],
  [
    "class creation that fails: in __init_subclass__, a metaclass's __new__, __prepare__ or __init__, __set_name__",
    `class Base:
    def __init_subclass__(cls, **kw):
        raise ValueError("no subclasses: " + cls.__name__)
try:
    class Sub(Base):
        x = [1, 2]
except ValueError as e:
    print("VE", e)
class M(type):
    def __new__(mcls, name, bases, ns):
        raise RuntimeError("refused " + name)
try:
    class K(metaclass=M):
        y = {}
except RuntimeError as e:
    print("RE", e)
class P(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class Z(metaclass=P):
        pass
except TypeError as e:
    print("TE", e)
class D:
    def __set_name__(self, owner, name):
        raise KeyError(name)
try:
    class W:
        d = D()
except Exception as e:
    print(type(e).__name__, e, e.__cause__ is None)
import gc
print(gc.collect())
class I(type):
    def __init__(cls, *a):
        raise ValueError("init failed")
try:
    class Y(metaclass=I):
        pass
except ValueError as e:
    print("VE", e)
print(gc.collect())
class Final(type):
    def __call__(cls, *a):
        raise TypeError("abstract")
class Abs(metaclass=Final):
    pass
Abs2 = Final
try:
    Abs()
except TypeError as e:
    print(e)
`,
  ],
  [
    "an uncaught error in __set_name__ is a RuntimeError caused by it",
    `class D:
    def __set_name__(self, owner, name):
        raise KeyError(name)
class W:
    d = D()
`,
  ],
];

describe("metaclasses and class creation: run() against python3", () => {
  for (const [name, source] of cases) it(name, () => expectSameAsPython(cpython, name, source));
});

describe("a class made by a metaclass in the trace", () => {
  it("is recorded as a class of its metaclass, with python3's refcount and size", () => {
    const src = `import sys
class Meta(type):
    pass
class Thing(metaclass=Meta):
    pass
t = Thing()
info = [sys.getrefcount(Thing) - 1, sys.getsizeof(Thing), sys.getrefcount(Meta) - 1, sys.getsizeof(Meta)]
print(*info)
`;
    const want = cpython("meta-trace.py", src);
    const py = want.stdout.trim().split(" ").map(Number);
    const result = run(src, { trace: "line", filename: "meta-trace.py" });
    expect(result.stdout).toBe(want.stdout);
    const trace = result.trace!;
    const step = stepAtLine(trace, 8);
    const thing = objectAt(trace, step, "Thing");
    expect([thing.type, thing.repr, thing.refcount, thing.size, thing.generation !== null]).toEqual(["Meta", "<class '__main__.Thing'>", py[0], py[1], true]);
    const meta = objectAt(trace, step, "Meta");
    expect([meta.type, meta.repr, meta.refcount, meta.size]).toEqual(["type", "<class '__main__.Meta'>", py[2], py[3]]);
  });
});

describe("a class made by a metaclass in the Python Tutor export", () => {
  it("is a CLASS entry, as a class of type is", () => {
    const src = "class Meta(type):\n    pass\nclass Thing(metaclass=Meta):\n    pass\nclass Plain:\n    pass\nx = 1\n";
    const pt = toPythonTutor(run(src, { trace: "line" }).trace!);
    const last = pt.trace[pt.trace.length - 1]!;
    const entry = (name: string) => last.heap[String((last.globals[name] as ["REF", number])[1])];
    expect([entry("Meta"), entry("Thing"), entry("Plain")]).toEqual([["CLASS", "Meta", []], ["CLASS", "Thing", []], ["CLASS", "Plain", []]]);
  });
});
