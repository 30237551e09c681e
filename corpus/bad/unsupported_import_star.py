from math import *
print(sqrt(4))
