print("adding")
result = 1 + "a"
