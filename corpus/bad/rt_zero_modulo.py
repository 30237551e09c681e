print("modulo")
print(1 % 0)
