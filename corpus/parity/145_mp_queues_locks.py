# Queues and synchronisation between processes: a Queue of work and one of
# results, JoinableQueue with task_done/join, SimpleQueue, a Lock that
# guards a file-free counter protocol (each child appends under the lock),
# an Event that releases waiting children, a Semaphore, and Queue's
# Empty on a timeout.
import multiprocessing
import queue


def worker(tasks, results):
    while True:
        n = tasks.get(timeout=30)
        if n is None:
            break
        results.put((n, n * n))


def consumer(jq, out):
    while True:
        item = jq.get(timeout=30)
        out.put(item.upper())
        jq.task_done()
        if item == 'end':
            break


def simple(sq):
    sq.put(('from child', multiprocessing.current_process().name))


def guarded(lock, q, tag):
    for i in range(3):
        with lock:
            q.put((tag, i))


def waiter(ev, q, tag):
    ok = ev.wait(30)
    q.put((tag, ok))


def limited(sem, q, tag):
    with sem:
        q.put(tag)


if __name__ == '__main__':
    tasks, results = multiprocessing.Queue(), multiprocessing.Queue()
    procs = [multiprocessing.Process(target=worker, args=(tasks, results))
             for _ in range(3)]
    for p in procs:
        p.start()
    for n in range(12):
        tasks.put(n)
    for _ in procs:
        tasks.put(None)
    got = sorted(results.get(timeout=30) for _ in range(12))
    for p in procs:
        p.join(timeout=30)
    print(got)
    print([p.exitcode for p in procs])

    jq, out = multiprocessing.JoinableQueue(), multiprocessing.Queue()
    c = multiprocessing.Process(target=consumer, args=(jq, out))
    c.start()
    for word in ['a', 'bc', 'end']:
        jq.put(word)
    jq.join()
    print('joined', [out.get(timeout=30) for _ in range(3)])
    c.join(timeout=30)

    sq = multiprocessing.SimpleQueue()
    p = multiprocessing.Process(target=simple, args=(sq,), name='simple-child')
    p.start()
    print(sq.get(), sq.empty())
    p.join(timeout=30)
    sq.close()

    lock = multiprocessing.Lock()
    q = multiprocessing.Queue()
    ps = [multiprocessing.Process(target=guarded, args=(lock, q, t)) for t in 'xy']
    for p in ps:
        p.start()
    items = [q.get(timeout=30) for _ in range(6)]
    for p in ps:
        p.join(timeout=30)
    for t in 'xy':
        print(t, [i for tag, i in items if tag == t])
    print('lock free', lock.acquire(timeout=1))
    lock.release()

    ev = multiprocessing.Event()
    ps = [multiprocessing.Process(target=waiter, args=(ev, q, t)) for t in range(3)]
    for p in ps:
        p.start()
    print('event set before?', ev.is_set())
    ev.set()
    print(sorted(q.get(timeout=30) for _ in ps))
    for p in ps:
        p.join(timeout=30)

    sem = multiprocessing.Semaphore(2)
    ps = [multiprocessing.Process(target=limited, args=(sem, q, t)) for t in range(4)]
    for p in ps:
        p.start()
    print(sorted(q.get(timeout=30) for _ in ps))
    for p in ps:
        p.join(timeout=30)
    print('semaphore back to', sem.get_value())

    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print('queue.Empty after the timeout')
    q.put_nowait('x')
    print(q.get(timeout=30))
    bounded = multiprocessing.Queue(maxsize=1)
    bounded.put(1)
    try:
        bounded.put(2, timeout=0.05)
    except queue.Full:
        print('queue.Full on a bounded queue')
