# A backslash meant to continue a line, with a comment after it: the line must end right after the backslash
total = 1 + 2 + \  # first part
    3
print(total)
