# format specs: ',' and '_' parsed as CPython does; nested replacement fields share the automatic numbering
for spec in ["__", ",,", "_,", ",_", "__proto__", ",_d", "_,d", ",,d", "__d", "_d", ",d", "1__", "_x", ",x", "_b", ",.2f", "_.3e"]:
    for v in (1234567, -3.5):
        try:
            print(repr(spec), repr(format(v, spec)))
        except ValueError as e:
            print(repr(spec), e)
print("{:>{}}|{:^{}.{}f}|{}".format("x", 4, 3.14159, 9, 2, "end"))
print("{:{}}{}".format("a", 3, "b"), "{0:{1}}".format("c", 4) + "|")
try:
    "{:{1}}".format("a", 3)
except ValueError as e:
    print(e)
try:
    "{:{}}".format("a")
except IndexError as e:
    print(e)
