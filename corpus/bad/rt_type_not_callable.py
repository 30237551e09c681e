value = 5
print("calling an int")
value()
