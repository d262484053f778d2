# 'else if' instead of 'elif': python3 expected ':' after else and points at the 'if'
x = 5
if x > 3:
    print("big")
else if x > 1:
    print("medium")
