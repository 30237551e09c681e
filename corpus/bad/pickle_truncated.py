# A pickle cut short: CPython's UnpicklingError, not a crash or a hang.
import pickle

data = pickle.dumps(['a list', 'of strings', 12345])
pickle.loads(data[:-5])
