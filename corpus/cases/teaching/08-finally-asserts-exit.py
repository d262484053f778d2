# finally with return/break/continue, exceptions raised in handlers, assert messages, SystemExit caught, except*, notes, and sys.exit(2) at the end
import sys
def f1():
    try:
        return "try"
    finally:
        print("f1 finally runs")
def f3():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i
def f4():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f1(), f3(), f4())
def f5(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("div by zero")
        return None
    else:
        print("no error, r =", r)
        return r
    finally:
        print("f5 done with", x)
print(f5(2), f5(0))
try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise ValueError("from handler")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer got", repr(e), "context", repr(e.__context__))
def check_age(age):
    assert isinstance(age, int), f"age must be int, got {age!r}"
    assert age >= 0, "negative age"
    return age
for a in [5, -1, "3"]:
    try:
        print(check_age(a))
    except AssertionError as e:
        print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit code", e.code, repr(e))
try:
    sys.exit("bye message")
except SystemExit as e:
    print("SystemExit", repr(e.code))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraiser():
    try:
        {}["k"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except KeyError as e:
    print("caught again:", repr(e))
class CleanupError(Exception):
    pass
errors = []
for v in ["1", "x", None]:
    try:
        try:
            n = int(v)
        except ValueError as e:
            raise CleanupError(f"bad value {v!r}") from e
    except CleanupError as e:
        errors.append((str(e), type(e.__cause__).__name__))
    except TypeError as e:
        errors.append(("type", str(e)))
print(errors)
try:
    raise ExceptionGroup("many", [ValueError("a"), TypeError("b")])
except* ValueError as eg:
    print("ValueErrors:", eg.exceptions)
except* TypeError as eg:
    print("TypeErrors:", eg.exceptions)
e = Exception("note me")
e.add_note("extra info")
print(e.__notes__, str(e))
print("exiting with status 2")
sys.exit(2)
