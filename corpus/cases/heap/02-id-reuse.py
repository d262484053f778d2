# A freed object's block is handed to the next object of the same size class
a = [1, 2, 3]
old = id(a)
del a
b = [4, 5, 6]
print("list block reused:", id(b) == old)
x = 12345.5
fid = id(x)
del x
y = 2.5 * 3
print("float reused from the free list:", id(y) == fid)
print("id([]) == id([]):", id([]) == id([]))
print("two live lists differ:", id(b) != id([7]))
