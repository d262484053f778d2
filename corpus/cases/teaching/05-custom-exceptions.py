# Custom exception classes: a hierarchy, extra attributes, __str__, raise ... from e / from None, and an uncaught chained error
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
class NotFound(AppError):
    def __str__(self):
        return f"not found: {self.args[0]!r}"
def validate(age):
    if not isinstance(age, int):
        raise ValidationError("age", "must be an int")
    if age < 0:
        raise ValidationError("age", f"must be >= 0, got {age}")
    return age
for v in [5, -1, "x"]:
    try:
        print(validate(v))
    except ValidationError as e:
        print(type(e).__name__, e, e.field, e.args)
def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise NotFound(k) from e
try:
    lookup({}, "bob")
except AppError as e:
    print(e, repr(e), type(e.__cause__).__name__, e.__cause__, e.__suppress_context__)
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise AppError("bad number") from None
try:
    parse("zz")
except AppError as e:
    print(e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][0]
except IndexError as e:
    print(repr(e.__context__))
print(issubclass(ValidationError, Exception), ValidationError.__mro__)
print(repr(NotFound("x")), str(AppError()), repr(AppError(1, 2)))
def outer():
    try:
        lookup({"a": 1}, "b")
    finally:
        print("cleanup")
outer()
