# Real program: matrix operations with nested lists.
def zeros(r, c):
    return [[0] * c for _ in range(r)]

def identity(n):
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m

def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    out = zeros(rows, cols)
    for i in range(rows):
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            out[i][j] = s
    return out

def transpose(m):
    return [list(col) for col in zip(*m)]

def matpow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        e >>= 1
    return result

def det(m):
    n = len(m)
    if n == 1:
        return m[0][0]
    if n == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    for c in range(n):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * m[0][c] * det(minor)
    return total

def show(name, m):
    print(name)
    width = max(len(str(v)) for row in m for v in row)
    for row in m:
        print("  [" + " ".join(str(v).rjust(width) for v in row) + "]")

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show("A", a)
show("B", b)
show("A x B", matmul(a, b))
show("B x A", matmul(b, a))
show("A^T", transpose(a))
fibm = [[1, 1], [1, 0]]
print("fib via matrix power:", [matpow(fibm, n)[0][1] for n in range(1, 15)])
print("fib(200):", matpow(fibm, 200)[0][1])
m3 = [[2, -3, 1], [2, 0, -1], [1, 4, 5]]
print("det", det(m3), det(identity(4)), det([[1, 2], [2, 4]]))
m4 = [[(i * 7 + j * 3) % 11 - 5 for j in range(4)] for i in range(4)]
show("M4", m4)
print("det M4", det(m4))
f = [[0.5, 1.5], [2.25, -1.0]]
show("F x F", matmul(f, f))
print("trace", sum(m4[i][i] for i in range(4)))
print("row sums", [sum(r) for r in m4], "col sums", [sum(c) for c in zip(*m4)])
rot = [list(reversed(col)) for col in zip(*m4)]
show("rotated", rot)
print(matmul(identity(3), m3) == m3, transpose(transpose(a)) == a)
