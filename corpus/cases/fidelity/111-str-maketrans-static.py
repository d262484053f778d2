# str.maketrans is a static method: called on the type or on an instance, with one dict or two/three strs, and its errors
print(str.maketrans("ab", "cd"), "x".maketrans("ab", "cd"))
print(str.maketrans({"a": "1", 98: None, "c": 99}), "any".maketrans({"é": "e"}))
table = str.maketrans("aeiou", "AEIOU", "xyz")
print("the lazy xylophone".translate(table), str.maketrans({"a": "1"}) == {97: "1"})
print("Hello, World!".translate(str.maketrans("", "", ",!")), "tab\tsep".translate({9: " -> "}))
for args in [("ab",), ("a", "bc"), ({"ab": 1},), ([("a", "b")],), (1,)]:
    try:
        print(str.maketrans(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
