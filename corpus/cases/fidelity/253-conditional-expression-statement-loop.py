# A conditional expression as a statement inside a loop: its value is dropped by an instruction with no line of its own (compile-lines compares the bytecode's lines with python3's)
seen = []
def a(x):
    seen.append(x)
    return x
for i in range(4):
    a(i) if i % 2 else None
    a(-i) if i > 1 else a(i * 10)
while len(seen) < 9:
    seen.append(0) if seen else None
print(seen)
