# A synchronized Value may travel to a child only as the child starts:
# pickling it anywhere else is refused.
import multiprocessing
import pickle


if __name__ == '__main__':
    v = multiprocessing.Value('i', 5)
    pickle.dumps(v)
