match 1:
    case 1 | 2 as n | 3:
        pass
