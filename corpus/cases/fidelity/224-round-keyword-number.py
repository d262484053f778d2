# round() takes its number by keyword too (round(number=2.5)), with ndigits by keyword or position
class R:
    def __round__(self, n=None):
        return ("R.__round__", n)
print(round(number=2.5), round(number=3.5), round(number=2.675, ndigits=2), round(number=-15, ndigits=-1))
print(round(number=7), round(number=True), round(number=1.25, ndigits=None), round(ndigits=1, number=0.05))
print(round(number=R()), round(number=R(), ndigits=3), round(R(), ndigits=-1))
for call in [lambda: round(ndigits=2), lambda: round(number="x"), lambda: round(number=float("inf")), lambda: round(number=float("nan"))]:
    try:
        call()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
