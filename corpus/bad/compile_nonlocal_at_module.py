print("start")
nonlocal x
x = 1
print(x)
