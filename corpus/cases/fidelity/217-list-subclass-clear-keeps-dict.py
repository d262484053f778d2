# list.clear(), list *= 0 and list.__init__ on a list subclass drop its items only: the instance keeps its attributes (and what they refer to stays alive)
import gc, weakref


class Box:
    pass


class Tagged(list):
    def __init__(self, items, tag):
        self.tag = tag
        super().__init__(items)


t = Tagged([1, 2, 3], "first")
print(t, t.__dict__)
t.clear()
print(t, t.__dict__)
t.extend("ab")
t *= 0
print(t, t.__dict__)
t.__init__([4, 5], "second")
print(t, t.__dict__)
list.__init__(t, (6,))
print(t, t.tag)

b = Box()
r = weakref.ref(b)
u = Tagged([b], "x")
u.keep = b
del b
u.clear()
gc.collect()
print(r() is u.keep, len(u), u.keep.__class__.__name__)
