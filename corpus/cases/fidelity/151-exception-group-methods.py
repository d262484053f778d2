# BaseExceptionGroup's subgroup(), split() and derive(), with except*
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(repr(eg.subgroup(ValueError)))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError), eg.subgroup(Exception) is eg, eg.subgroup(lambda e: e is eg) is eg)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
m, r = eg.split((ValueError, TypeError, KeyError))
print(m is eg, r)
m, r = eg.split(lambda e: not isinstance(e, ExceptionGroup) and e.args[0] > 2)
print(repr(m), repr(r))
d = eg.derive([ZeroDivisionError()])
print(repr(d), type(d).__name__, type(eg.derive([KeyboardInterrupt()])).__name__)
for bad in (1, (ValueError, 1), "x"):
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError:", e)

try:
    raise eg
except ExceptionGroup as caught:
    caught.add_note("a note")
    m, r = caught.split(TypeError)
    print(m.__traceback__ is caught.__traceback__, m.__notes__, r.__notes__)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        print("derive", len(excs))
        return MyGroup(self.message.upper(), excs)


mg = MyGroup("mine", [ValueError(1), TypeError(2)])
print(repr(mg.subgroup(TypeError)))
m, r = mg.split(ValueError)
print(type(m).__name__, m.message, type(r).__name__, r.message)
try:
    raise mg
except* ValueError as e:
    print("caught", repr(e))
except* TypeError as e:
    print("caught", repr(e))
