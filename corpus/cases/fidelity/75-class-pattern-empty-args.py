# class patterns with no arguments inside parentheses and alternatives: `(str() | bytes()) as t`
class Shape:
    pass
class Circle(Shape):
    pass
def kind(x):
    match x:
        case (str() | bytes()) as t:
            return f"text {t!r}"
        case [int() | float(), *_] as nums:
            return f"numbers {len(nums)}"
        case (Circle() | dict()):
            return "round or a dict"
        case Shape():
            return "some shape"
        case _:
            return "other"
for v in ["hi", b"yo", [1, 2.5], [2.0], Circle(), {}, Shape(), None, ["x"]]:
    print(kind(v))
