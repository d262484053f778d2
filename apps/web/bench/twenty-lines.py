import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.peers = []

def link(a, b):
    a.peers.append(b)
    b.peers.append(a)

nodes = [Node(str(i)) for i in range(4)]
for i in range(3):
    link(nodes[i], nodes[i + 1])
total = sum(len(n.peers) for n in nodes)
print('links', total)
first = nodes[0]
del nodes
print('alive', first.name)
del first
print('collected', gc.collect() > 0)
