# an uncaught SyntaxError whose offset falls in the text's leading whitespace prints no caret line
raise SyntaxError("custom", ("mod.py", 12, 3, "    abc def  \n", 12, 6))
