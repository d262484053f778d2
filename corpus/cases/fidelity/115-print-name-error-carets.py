# print as a name at a statement's start: an error there shows python3's ~ and ^ under its operands
def log(*args):
    return " ".join(str(a) for a in args)


shown = log("a", 1)
print(shown)
total = 10
try:
    print - total
except TypeError as e:
    print("caught:", e)
print -total
