# A class's __name__ may not hold a null character (ValueError); its __qualname__ may
class C:
    pass
for value in ["a\x00b", "\x00"]:
    try:
        C.__name__ = value
    except ValueError as e:
        print("ValueError", e)
print(C.__name__, C)
C.__qualname__ = "q\x00r"
print(repr(C.__qualname__), repr(C))
C.__name__ = "D"
print(C.__name__, repr(C.__qualname__))
