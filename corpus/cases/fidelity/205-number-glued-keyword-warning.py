# a number literal glued to a keyword (1if, 0x1for, 1or): python3's tokenizer SyntaxWarning on stderr, line by line, before the compiler's
x = [1, 2]
print(1if x else 2, [0x1for k in x], 1or 2, 0b1and 3)
print(1.5if 0 else 2.5, 1jif 1 else 0, 0 if 1else 2, 1in x, 3not in x)
print(2is 2, "0for", x1if if (x1if := 4) else 0)  # 5if
