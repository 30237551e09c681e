def f(a, b):
    return a + b

print(f(a=1, b=2))
f(1, 2, c=3)
