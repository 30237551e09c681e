print("dividing")
print(1 / 0)
