# A slot wrapper (int.__add__, str.__eq__, list.__len__...) takes no keyword arguments, bound or not.
# (int.__add__(1, other=2) was an internal error: the native read its missing argument.)
calls = [
    lambda: int.__add__(1, other=2),
    lambda: (1).__add__(other=2),
    lambda: 'a'.__eq__(value='a'),
    lambda: str.__eq__('a', value='a'),
    lambda: [1].__len__(x=1),
    lambda: list.__len__([1], x=1),
    lambda: (2.5).__mul__(value=2),
    lambda: object.__repr__(object(), x=1),
    lambda: (5).__lt__(value=6),
]
for c in calls:
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
