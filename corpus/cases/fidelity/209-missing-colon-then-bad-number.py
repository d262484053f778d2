# a header without its colon, then a binary literal with a digit 2 in its block
count = 3
if count > 2
    mask = 0b12
    print(mask)
