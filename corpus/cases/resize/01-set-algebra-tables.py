# Set operators and methods resize, iterate and keep keys as CPython's set_merge/set_intersection/... do.
import sys

def show(tag, s):
    print(tag, list(s), sys.getsizeof(s))

s = {1, 2, 3}
s |= {4}
s |= {4}
show('|= twice', s)
t = {1, 2, 3}
t ^= {5}
t |= {4}
show('^= then |=', t)
u = {1, 2, 3}
u ^= {4, 5, 6, 7}
show('^= four', u)
a = {1, 9, 17, 25, 2}
b = {17, 33, 3}
show('a | b', a | b)
show('b | a', b | a)
show('a & b', a & b)
show('a - b', a - b)
show('a ^ b', a ^ b)
show('b ^ a', b ^ a)
big = set(range(40))
show('big - small', big - {1, 2})
show('small - big', {1, 2} - big)
x = set(range(30))
x -= set(range(25))
show('-= most', x)
x = set(range(20))
x &= {3, 4, 100}
show('&=', x)
x = {1, 2}
x.update({3: 'a', 4: 'b', 5: 'c', 6: 'd'})
show('update(dict)', x)
x = {1, 2}
x.symmetric_difference_update([2, 9, 9, 17])
show('xor update(list)', x)
show('copy', set(range(5)).copy())
print({1} & {1.0}, {1.0, 2} & {1}, {1} | {1.0}, {1} ^ {1.0, 2})
print({1}.intersection([1.0]), {1, 2}.intersection([True]))
s = {1, 2, 3}
print(s.pop())
s.update([1, 8])
print(s.pop())
t = {1, 2, 3}
t.update([1, 2, 8])
t ^= {5}
t ^= {5}
print(t.pop(), t.pop())
s = set(range(50))
print([s.pop() for i in range(10)])
s.update([100, 200])
print(s.pop(), len(s), sys.getsizeof(s))
k = {1, 2, 3}
k.update([1, 2, 8])
k -= {2}
print(k.pop(), list(k), sys.getsizeof(k))
k.update([1, 2, 8])
print(list(k), sys.getsizeof(k))
k = {1, 2, 3, 8}
k.discard(2)
k.discard(8)
k.add(2)
print(list(k), sys.getsizeof(k))
