# multiprocessing.Process under the spawn start method: start, join,
# exitcode, is_alive, names (Process-N, explicit), daemon, args/kwargs,
# current_process() and parent_process() seen from the child.
import multiprocessing
import sys


def report(q, tag, extra=None):
    me = multiprocessing.current_process()
    parent = multiprocessing.parent_process()
    q.put((tag, me.name, me.daemon, parent is not None,
           parent.name if parent is not None else None, __name__, extra))


def add(q, a, b, scale=1):
    q.put(('add', (a + b) * scale))


def nothing():
    pass


if __name__ == '__main__':
    multiprocessing.set_start_method('spawn')
    q = multiprocessing.Queue()
    me = multiprocessing.current_process()
    print('main', me.name, multiprocessing.parent_process(), __name__)

    # Automatic names Process-1, Process-2, ... in creation order.
    procs = [multiprocessing.Process(target=report, args=(q, i)) for i in range(3)]
    for p in procs:
        print(p.name, p.is_alive(), p.exitcode, p.daemon, p.pid is None)
    for p in procs:
        p.start()
    for p in procs:
        print(p.name, 'started', p.pid is not None, p.ident == p.pid,
              type(p.sentinel).__name__)
    got = sorted(q.get(timeout=10) for _ in procs)
    for p in procs:
        p.join(timeout=10)
    for p in procs:
        print(p.name, p.is_alive(), p.exitcode)
    for g in got:
        print('child says', g)

    # An explicit name, a daemon child, keyword arguments.
    p = multiprocessing.Process(target=report, name='worker-x',
                                args=(q, 'named'), kwargs={'extra': [1, 2]})
    d = multiprocessing.Process(target=report, args=(q, 'daemon'), daemon=True)
    print(p.name, d.name, d.daemon)
    p.start()
    d.start()
    got = sorted([q.get(timeout=10), q.get(timeout=10)], key=str)
    p.join(timeout=10)
    d.join(timeout=10)
    for g in got:
        print('child says', g)
    print(p.exitcode, d.exitcode)

    # Renaming and setting daemon before start.
    p = multiprocessing.Process(target=add, args=(q, 2, 3), kwargs={'scale': 10})
    p.name = 'renamed'
    p.daemon = True
    p.start()
    print(q.get(timeout=10))
    p.join(timeout=10)
    print(p.name, p.daemon, p.exitcode, p.is_alive())

    # join() returns None; joining again is fine; join on a finished process.
    print(p.join(), p.join(timeout=0))

    # A process whose target is None runs nothing and exits 0.
    e = multiprocessing.Process()
    e.start()
    e.join(timeout=10)
    print('empty', e.name, e.exitcode)

    # daemon cannot change after start.
    n = multiprocessing.Process(target=nothing)
    n.start()
    try:
        n.daemon = True
    except AssertionError as ex:
        print('AssertionError', ex)
    n.join(timeout=10)
    print(n.exitcode)

    # Closing a finished process.
    n.close()
    try:
        n.is_alive()
    except ValueError as ex:
        print('ValueError', ex)
    print(repr(n).startswith('<Process name=') and 'closed' in repr(n))
    sys.stdout.flush()
