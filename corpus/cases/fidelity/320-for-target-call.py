# A call as the loop variable: python3 says only what cannot be assigned to; the hint about == belongs to an = sign
names = ["ada", "alan"]
for name.upper() in names:
    print(name)
