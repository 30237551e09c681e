# multiprocessing's fork start method: Process, Queue and Pool from
# get_context('fork'); the child has the parent's objects without pickling
# (a module global changed after import), and its changes stay its own.
import multiprocessing
import os


def work(q, x):
    q.put((x, x * x, multiprocessing.current_process().name,
           multiprocessing.parent_process().pid == os.getppid()))


def sq(x):
    return x * x


counter = 5


def bump():
    global counter
    counter += 1
    print('child sees', counter, flush=True)


if __name__ == '__main__':
    ctx = multiprocessing.get_context('fork')
    print(ctx.get_start_method(), 'fork' in multiprocessing.get_all_start_methods())
    q = ctx.Queue()
    ps = [ctx.Process(target=work, args=(q, i)) for i in range(3)]
    for p in ps:
        p.start()
    print(sorted(q.get(timeout=30) for _ in ps))
    for p in ps:
        p.join(timeout=30)
    print([p.exitcode for p in ps])
    counter = 41
    p = ctx.Process(target=bump)
    p.start()
    p.join(timeout=30)
    print('parent keeps', counter, p.exitcode)
    lock = ctx.Lock()
    with ctx.Pool(2) as pool:
        print(pool.map(sq, range(8)))
        print(pool.apply(sq, (9,)))
    p = ctx.Process(target=os._exit, args=(4,))
    p.start()
    p.join(timeout=30)
    print('os._exit', p.exitcode)
