type Number = int
print("aliases")
