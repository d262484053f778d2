# An 'if' that assigns to a function call: python3 names what cannot be assigned to and suggests '=='
def size():
    return 3
if size() = 3:
    print("three")
