# A function header at the end of the file, with only a comment after it: reported at the last line, no caret
def greet(name):
    # TODO
