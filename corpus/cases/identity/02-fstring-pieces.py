# An f-string of several pieces is always a new str, even when its text equals one of them, str(int) or a one-character str; empty is the shared ''
e = str()
n = 5
five = str(n)
a = chr(97)
name = "".join(["Gu", "ido"])
checks = [
    ("f'{n}{e}' is str(n)", f"{n}{e}", five),
    ("f'{n}{e}' is '5'", f"{n}{e}", "5"),
    ("f'{a}{e}' is a", f"{a}{e}", a),
    ("f'{e}{name}' is name", f"{e}{name}", name),
    ("f'{e}{name}{e}' is name", f"{e}{name}{e}", name),
    ("f'{name}' is name", f"{name}", name),
    ("f'{e}{e}' is ''", f"{e}{e}", e),
    ("f'{e}' is ''", f"{e}", e),
]
for label, r, other in checks:
    print(f"{label:26} equal: {r == other!s:5}  same object: {r is other}")
x = f"{name}{e}"
y = f"{name}{e}"
print("two equal f-strings are two objects:", x is y, id(x) == id(y))
