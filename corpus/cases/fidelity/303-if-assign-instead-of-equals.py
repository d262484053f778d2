# A beginner's comparison written with one '=': python3 suggests '==' or ':=' and underlines the name and the value
score = 7
if score = 10:
    print("perfect")
