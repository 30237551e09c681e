it = iter([])
print("next of empty iterator")
next(it)
