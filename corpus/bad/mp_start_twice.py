# A Process can be started only once.
import multiprocessing


def work():
    pass


if __name__ == '__main__':
    p = multiprocessing.Process(target=work)
    p.start()
    p.join(timeout=30)
    p.start()
