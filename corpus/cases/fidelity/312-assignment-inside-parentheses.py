# An assignment inside parentheses: python3 suggests '==' or ':=' and underlines the name and the whole operand after '='
items = [3, 1, 2]
total = (count = len(items) * 2) + 1
