# string.Template: a template that is no str fails as python3's re does (TypeError), is_valid and get_identifiers
import string

for a in [5, None, b"$x", [1]]:
    try:
        string.Template(a).substitute(x=1)
    except Exception as e:
        print(type(e).__name__, e)
for s in ["$who likes ${what} and $who", "cost: $$5 or $", "${a}${b}$1"]:
    t = string.Template(s)
    print(t.is_valid(), t.get_identifiers(), t.safe_substitute(who="tim"))
