# A while condition assigning to a subscript: python3 says it cannot assign to it there and suggests '=='
grid = [0, 0]
while grid[0] = 0:
    grid[0] += 1
