# A number glued to a keyword warns before the syntax error it leads to.
print("never runs")
print(0xfor)
