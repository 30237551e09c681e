# A worker's uncaught exception is re-raised by Pool.map in the parent,
# with its type and message; the pool is torn down and nothing hangs.
import multiprocessing


def parse(text):
    return int(text)


if __name__ == '__main__':
    with multiprocessing.Pool(2) as pool:
        print(pool.map(parse, ['1', '2', 'three', '4']))
