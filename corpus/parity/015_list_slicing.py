# list slicing: reads with steps and negative indices, step-1 slice assignment, del of slices.
a = list(range(10))
print(a[2:5], a[:3], a[-3:], a[::2], a[::-1], a[7:2:-1], a[-2:-8:-2], a[100:], a[-100:2])
print(a[1:-1:3], a[::-3], a[5:5], a[8:3], a[:-100])
b = a[:]
b[0] = 99
print(a[0], b[0])
a[2:5] = ["x", "y"]
print(a, len(a))
a[1:1] = [100, 200, 300]
print(a)
a[:2] = []
print(a)
a[-2:] = "AB"
print(a)
a[len(a):] = [7, 8]
print(a)
a[:] = [1, 2, 3]
print(a)
a[5:10] = [9]
print(a)
a[0:0] = range(3)
print(a)
c = list(range(12))
del c[2]
print(c)
del c[-1]
print(c)
del c[1:4]
print(c)
del c[0:1]
print(c)
del c[-2:]
print(c)
del c[:]
print(c)
d = list(range(10))
d[-3:-1] = [0, 0, 0, 0, 0]
print(d)
d[2:100] = "abc"
print(d)
d[-100:1] = ()
print(d)
e = [1, 2, 3, 4, 5]
e[1], e[3] = e[3], e[1]
print(e)
e[-1] += 10
e[0] *= 3
print(e)
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
print(grid, grid[1], grid[1][2], grid[-1][-1], [row[0] for row in grid], grid[::-1])
col = [row[1] for row in grid]
print(col, list(zip(*grid)))
s = list("hello world")
s[0] = s[0].upper()
s[6:] = list("There")
print("".join(s))
t = list(range(20))
print(t[3:17:4], t[17:3:-4], t[-1:0:-5], t[::7])
chunks = [t[i:i + 6] for i in range(0, len(t), 6)]
print(chunks)
rot = t[5:] + t[:5]
print(rot[:8])
try:
    t[20]
except IndexError as err:
    print("IndexError:", err)
try:
    t[20] = 1
except IndexError as err:
    print("IndexError:", err)
try:
    del t[99]
except IndexError as err:
    print("IndexError:", err)
