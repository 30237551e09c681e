# A function defined inside another cannot be pickled (it has no importable name).
import pickle


def make():
    def helper():
        return 1
    return helper


pickle.dumps(make())
