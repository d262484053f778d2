# A try block at the end of the file with neither except nor finally: the last line is shown, with no caret
values = [1, 2, 3]
try:
    print(values[5])
