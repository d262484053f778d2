# a generator's frame object once the generator finished (returned, raised, closed): its locals and line
# stay, its f_back is None (a running generator's frame links to its caller)
import sys
def gen(a):
    b = [a]
    yield sys._getframe().f_back.f_code.co_name
    raise KeyError(a)
def caller():
    g = gen(1)
    print(next(g))
    try:
        next(g)
    except KeyError as e:
        fr = e.__traceback__.tb_next.tb_frame
        print(fr.f_code.co_name, fr.f_locals, fr.f_lineno, fr.f_back)
    return g
g = caller()
print(g.gi_frame)
def counter():
    i = 0
    while True:
        i += 1
        yield i
c = counter()
fr = c.gi_frame
for _ in range(3):
    next(c)
print(fr.f_locals, fr.f_lineno, c.gi_frame is fr, fr.f_back)
c.close()
print(fr.f_locals, fr.f_lineno, c.gi_frame, fr.f_back)
def ge():
    return (x * 2 for x in range(3))
e = ge()
print(sorted(e.gi_frame.f_locals), e.gi_frame.f_lineno)
next(e)
print(sorted(e.gi_frame.f_locals), e.gi_frame.f_lineno)
ef = e.gi_frame
print(list(e), ef.f_back, sorted(ef.f_locals))
