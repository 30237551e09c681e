# join() on a Process that was never started.
import multiprocessing


def work():
    pass


if __name__ == '__main__':
    p = multiprocessing.Process(target=work)
    p.join()
