print("importing a missing name")
from sys import nosuch
