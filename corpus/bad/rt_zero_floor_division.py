print("floor dividing")
print(1 // 0)
