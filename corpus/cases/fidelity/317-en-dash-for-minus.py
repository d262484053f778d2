# A dash pasted from a document in place of the minus sign
price = 10
discount = 3
print(price – discount)
