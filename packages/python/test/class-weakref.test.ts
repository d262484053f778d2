/**
 * weakref.getweakrefcount of a class as in CPython 3.11 (a difference the differential fuzzer found): the
 * bases' subclass lists hold the class's basic weakref, so the count is 1 and weakref.ref(cls) returns that
 * ref; it goes with the class. Compared with python3 byte for byte.
 */
import { describe, it } from "vitest";
import { cpythonRunner, expectSameAsPython } from "./cpython.js";

const cpython = cpythonRunner("pyheap-class-weakref-");

describe("the weakref to a class", () => {
  it("is counted once, shared with weakref.ref(cls), released with the class", () => {
    expectSameAsPython(cpython, "class-basic-weakref", `import weakref, gc, sys
class W:
    pass
print(weakref.getweakrefcount(W))
r = weakref.ref(W)
print(weakref.getweakrefcount(W), weakref.getweakrefs(W)[0] is r, r() is W)
r2 = weakref.ref(W, lambda ref: print('callback', ref() is None))
print(weakref.getweakrefcount(W))
class A: pass
class B: pass
class M(A, B): pass
print(weakref.getweakrefcount(M), sys.getrefcount(weakref.ref(M)))
del W
print(gc.collect(), r(), weakref.getweakrefcount(A))
class S(M):
    def m(self): return super().m
print(weakref.getweakrefcount(S))
s = weakref.ref(S)
del S
print(gc.collect(), s())
class T(Exception): pass
class U(int): pass
class V(list): pass
print(weakref.getweakrefcount(T), weakref.getweakrefcount(U), weakref.getweakrefcount(V))
def make():
    class Local:
        pass
    return weakref.ref(Local)
x = make()
print(x() is not None)
gc.collect()
print(x())
`);
  });
});
