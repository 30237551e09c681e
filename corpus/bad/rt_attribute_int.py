print("looking up an attribute on an int")
print((1).foo)
