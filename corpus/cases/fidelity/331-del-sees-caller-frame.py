# A __del__ run while a frame is left (its locals released at return, a generator closed) is called from
# the caller: the returning frame is already unlinked (sys._getframe chains).
import sys
class D:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        names = []
        f = sys._getframe(1)
        while f is not None:
            names.append(f.f_code.co_name)
            f = f.f_back
        print(self.tag, "del sees", names)
def returns():
    d = D("return")
    return 1
def raises():
    d = D("raise")
    raise ValueError("x")
def gen():
    d = D("gen-exhausted")
    yield 1
def gen_closed():
    d = D("gen-closed")
    yield 1
    yield 2
def caller():
    returns()
    try:
        raises()
    except ValueError:
        pass
    for _ in gen():
        pass
    g = gen_closed()
    next(g)
    del g
    h = lambda: D("lambda")
    h()
    [D("comp") for _ in range(1)]
caller()
def outer():
    x = D("by-return-value")
    return x
outer()
print("end")
def chain():
    names = []
    f = sys._getframe(1)
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
def gen_with_finally(tag):
    try:
        yield 1
    finally:
        print(tag, "finally sees", chain())
def holds_gen():
    g = gen_with_finally("returning-holder")
    next(g)
    return 2
def second_caller():
    holds_gen()
    g = gen_with_finally("deleted")
    next(g)
    del g
    g = gen_with_finally("rebound")
    next(g)
    g = None
second_caller()
def getframe_in_del():
    class E:
        def __del__(self):
            print("E del", sys._getframe(1).f_code.co_name, sys._getframe(0).f_back.f_code.co_name)
    def inner():
        e = E()
        return 3
    inner()
    print("after inner")
getframe_in_del()
print("end2")
