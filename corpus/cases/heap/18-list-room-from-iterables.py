import sys

def show_growth(n):
    lst = []
    last = sys.getsizeof(lst)
    print(f"empty list: {last} bytes")
    for i in range(n):
        lst.append(i)
        size = sys.getsizeof(lst)
        if size != last:
            print(f"len={len(lst):3d} size={size:4d} (+{size - last})")
            last = size
    return lst

lst = show_growth(70)
print("shrinking")
last = sys.getsizeof(lst)
while lst:
    lst.pop()
    size = sys.getsizeof(lst)
    if size != last:
        print(f"len={len(lst):3d} size={size:4d} ({size - last})")
        last = size

for ctor in (lambda: [0] * 10, lambda: [i for i in range(10)], lambda: list(range(10)), lambda: [0,1,2,3,4,5,6,7,8,9]):
    print(sys.getsizeof(ctor()), end=" ")
print()
a = [1, 2, 3]
a.extend([4, 5, 6, 7])
print(sys.getsizeof(a))
a += [8]
print(sys.getsizeof(a))
a *= 3
print(len(a), sys.getsizeof(a))
a[2:20] = []
print(len(a), sys.getsizeof(a))
a.insert(0, 'x')
print(sys.getsizeof(a))
a.clear()
print(sys.getsizeof(a))
t = tuple(range(10))
print(sys.getsizeof(t), sys.getsizeof(()), sys.getsizeof((1,)))
print(sys.getsizeof(list(t)), sys.getsizeof(list(iter(t))), sys.getsizeof(sorted(t)))
print(sys.getsizeof([*t]), sys.getsizeof([*t, 1]), sys.getsizeof(t[:5]), sys.getsizeof(list(t)[:5]))
print(sys.getsizeof(list(map(str, t))), sys.getsizeof(list(x for x in t)))
