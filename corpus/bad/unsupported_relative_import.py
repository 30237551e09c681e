from . import helper
print(helper)
