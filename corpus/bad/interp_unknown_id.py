# An interpreter id that does not exist (never made, or closed).
from concurrent import interpreters

interp = interpreters.create()
gone = interp.id
interp.close()
interpreters.Interpreter(gone + 1000)
