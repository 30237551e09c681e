print("float dividing")
print(1.0 / 0)
