print("before")
x = 5
return x
