values = [1, 2]
try:
    total = sum(values)
else:
    print(total)
print("after")
