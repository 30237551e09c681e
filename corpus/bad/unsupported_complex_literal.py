x = 1j
print(x * x)
