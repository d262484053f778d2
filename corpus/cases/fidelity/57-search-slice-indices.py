# start and end arguments of str's searches and of list/tuple.index read as slice indices: the message for a
# value without __index__, None accepted by str's only, values past the index range clamped
class I:
    def __index__(self): return 1
for f in [lambda: "x".count("x", "a"), lambda: "x".find("x", "a"), lambda: "x".index("x", 1.0), lambda: "x".startswith("x", "a"), lambda: "x".endswith("x", 0, []),
          lambda: "xyx".rfind("x", None, None), lambda: "xyx".count("x", I()), lambda: "xyx".find("x", True), lambda: "xyx".rindex("x", -2**70, 2**70),
          lambda: [1].index(1, "a"), lambda: [1, 2].index(2, I()), lambda: (1,).index(1, None), lambda: [1].index(1, 0, None), lambda: (1, 2).index(2, 2**80)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
