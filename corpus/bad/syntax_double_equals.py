y = 2
x = = 1
print(x)
