# Imported by import_syntax_error.py: not valid Python.
x = = 1
