# A header without its ':' but with a trailing comment: python3 underlines the whole comment
for i in range(3)  # count to three
    print(i)
