# A method whose def line lost its colon, after a correct class header
class Stack:
    def __init__(self):
        self.items = []

    def push(self, item)
        self.items.append(item)

s = Stack()
s.push(1)
print(s.items)
