import sys
print("working")
sys.stderr.write("partial ")
n = sys.stderr.write("line from sys.stderr.write\n")
print("wrote", n)
sys.exit(5)
