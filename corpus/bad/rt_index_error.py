items = [1, 2, 3]
print(items[2])
print([][0])
