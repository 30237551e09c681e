print("parsing")
n = int("abc")
