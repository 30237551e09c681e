x = 3
print("checking")
assert x > 10, "x is too small: %d" % x
