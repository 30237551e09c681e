# Imported by import_raises.py: raises while its body runs.
def f():
    return {}["missing"]


X = f()
