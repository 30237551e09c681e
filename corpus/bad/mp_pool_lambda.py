# A lambda cannot be pickled, so Pool.map cannot send it to a worker.
import multiprocessing

if __name__ == '__main__':
    with multiprocessing.Pool(2) as pool:
        print(pool.map(lambda x: x * 2, [1, 2, 3]))
