# `as` after alternatives binds whichever alternative matched
def kind(v):
    match v:
        case int() | float() as num:
            return ("number", num)
        case [1, _] | [_, 2] as pair:
            return ("pair", pair)
        case ("x" | "y") as text:
            return ("text", text)
        case {"k": 1} | {"k": 2} as d:
            return ("dict", d)
        case _:
            return None
for v in [3, 2.5, [1, 9], [0, 2], "x", "y", {"k": 2}, None]:
    print(kind(v))
