# Indentation mixing a tab and spaces so that the block depends on the width of a tab: a TabError, shown without a caret
def total(xs):
    s = 0
	for x in xs:
        s += x
    return s
