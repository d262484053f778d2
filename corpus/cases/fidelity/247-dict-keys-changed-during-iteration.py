# A dict's keys changed (same size) while an iterator walks it: python3's RuntimeError, in the loop and in list().
d = {i: i for i in range(4)}
try:
    for k in d:
        del d[k]
        d[k + 10] = 1
except RuntimeError as e:
    print("RuntimeError:", e, d)
d = {i: i for i in range(4)}
it = iter(d.items())
print(next(it))
d.pop(0); d["x"] = 5
try:
    print(list(it))
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(it))
d = {i: i for i in range(4)}
try:
    for v in d.values():
        if 3 in d:
            d.pop(3)
        d[v + 100] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1, 2: 2}
for k in d:
    d[k] = k * 10
print(d)
d = {1: 1}
try:
    for k in d:
        del d[k]
        d[k + 1] = 1
        if k > 5: break
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
def f():
    d = dict.fromkeys(range(8))
    n = 0
    try:
        for k in d:
            n += 1
            del d[k]
            d[k + 100] = None
    except RuntimeError as e:
        print(n, e)
f()
