# A long singly linked list is freed all at once when its head goes; nothing overflows
import gc, sys
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
head = None
for i in range(100000):
    head = Node(i, head)
print("head value:", head.value, "size of one node:", sys.getsizeof(head))
count = 0
node = head
while node is not None:
    count += 1
    node = node.next
print("nodes:", count)
del head
print("freed; collect finds", gc.collect(), "unreachable objects")
