def load():
    from math import *
    return pi

print(load())
