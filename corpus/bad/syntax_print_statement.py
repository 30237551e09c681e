name = "world"
print "hi"
