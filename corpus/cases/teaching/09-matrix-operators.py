# A Matrix class with operator overloading: @, * with numbers on either side, NotImplemented, a str on the right (sequence repeat error), properties
class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows must be non-empty and equal length")
        self.rows = [list(r) for r in rows]
    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])
    @classmethod
    def zeros(cls, r, c):
        return cls([[0] * c for _ in range(r)])
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __setitem__(self, idx, v):
        i, j = idx
        self.rows[i][j] = v
    def __add__(self, other):
        if self.shape != other.shape:
            return NotImplemented
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Matrix([[k * x for x in r] for r in self.rows])
        return NotImplemented
    __rmul__ = __mul__
    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"shapes {self.shape} and {other.shape} do not align")
        return Matrix([[sum(self[i, k] * other[k, j] for k in range(m)) for j in range(p)] for i in range(n)])
    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __repr__(self):
        return f"Matrix({self.rows})"
    def __str__(self):
        w = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join("[" + " ".join(str(x).rjust(w) for x in r) + "]" for r in self.rows)

A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A + B)
print(A @ B)
print(2 * A, A * 0.5, sep="\n")
print(A.transpose() == Matrix([[1, 3], [2, 4]]), A == B, A != B)
print(Matrix.identity(3))
print(A @ Matrix.identity(2) == A, A.shape, Matrix.zeros(2, 3).shape)
C = Matrix([[1, 2, 3], [4, 5, 6]])
print(repr(C @ C.transpose()))
try:
    C @ C
except ValueError as e:
    print("ValueError:", e)
try:
    A + C
except TypeError as e:
    print("TypeError:", e)
try:
    A * "x"
except TypeError as e:
    print("TypeError:", e)
try:
    Matrix([[1], [2, 3]])
except ValueError as e:
    print("ValueError:", e)
A[0, 0] = 10
print(A[0, 0], A.rows)
try:
    A.shape = (1, 1)
except AttributeError as e:
    print("AttributeError:", e)
def mpow(M, n):
    R = Matrix.identity(M.shape[0])
    while n:
        if n & 1:
            R = R @ M
        M = M @ M
        n >>= 1
    return R
print(mpow(Matrix([[1, 1], [1, 0]]), 90)[0, 1])
print(hash(A) if Matrix.__hash__ else "unhashable", Matrix.__hash__)
