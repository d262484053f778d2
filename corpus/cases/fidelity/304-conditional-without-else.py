# A conditional expression that stops after its condition: python3 asks for the 'else' and underlines the expression
n = 4
label = "even" if n % 2 == 0
print(label)
