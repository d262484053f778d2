match [1, 2]:
    case [1, 2] as a as b:
        print(a, b)
