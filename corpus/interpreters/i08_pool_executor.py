# concurrent.futures.InterpreterPoolExecutor: one interpreter per worker
# thread; tasks and results are pickled; a task's exception comes back.
from concurrent.futures import InterpreterPoolExecutor, as_completed


def square(x):
    return x * x


def where(_):
    from concurrent import interpreters
    return interpreters.get_current().id != 0


def fail(x):
    raise ValueError(f"bad {x}")


if __name__ == "__main__":
    with InterpreterPoolExecutor(max_workers=2) as pool:
        print(list(pool.map(square, range(10))))
        futures = [pool.submit(square, n) for n in (3, 4, 5)]
        print(sorted(f.result() for f in as_completed(futures)))
        print(all(pool.map(where, range(4))))
        f = pool.submit(fail, 7)
        try:
            f.result()
        except ValueError as e:
            print("ValueError:", e)
        print(pool.submit(sum, [1, 2, 3]).result())
    print("shut down")
