print("putting a list in a set")
s = {[1, 2]}
