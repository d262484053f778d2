# divmod(a, b) on ints: the remainder is a itself when |a| < |b| by digits and the signs agree
a=10**20; q,r=divmod(a, 10**30); print(r is a, q)
a=10**20; print((a % 10**30) is a)
b=-10**20; q,r=divmod(b, -10**30); print(r is b)
b=-10**20; q,r=divmod(b, 10**30); print(r is b, r)
x=5; q,r=divmod(x,7); print(r is x)
x=300; q,r=divmod(x,700); print(r is x)
x=300; q,r=divmod(x,2**40); print(r is x)
x=True; q,r=divmod(x,2**40); print(r is x, type(r), q)
x=True; q,r=divmod(x,7); print(r is x, type(r))
class I(int): pass
x=I(2**35); q,r=divmod(x,2**40); print(r is x, type(r))
x=2**35; q,r=divmod(x,2**40); print(r is x, type(r))
x=2**35+1; q,r=divmod(x,2**35+2); print(r is x)
x=0; q,r=divmod(x,2**40); print(r is x)
import sys
a=2**70; n=sys.getrefcount(a); t=divmod(a,2**80); print(sys.getrefcount(a)-n)
a = 10**20
print(a.__divmod__(10**30)[1] is a, (10**30).__rdivmod__(a)[1] is a)
for x, y in ((2**31, 2**62), (-(2**31), -(2**62)), (-(2**31), 2**62), (2**31, -(2**62)), (2**60 + 5, 2**60 + 7), (2**60 + 5, 2**61), (7, 2**40), (-7, 2**40), (False, 2**40)):
    q, r = divmod(x, y)
    print(x, y, q, r, r is x, r == x % y, q == x // y)
