# multiprocessing's forkserver start method: children forked by a
# single-threaded server process that imported the main module once;
# queues and pipes passed to them (their descriptors travel over the
# server's Unix socket), exit codes read back from the server, terminate,
# a Pool, and set_forkserver_preload.
import multiprocessing
import time


def work(q, x):
    q.put((x, x * x, multiprocessing.current_process().name))


def echo(conn):
    conn.send(('echo', conn.recv()))
    conn.close()


def sq(x):
    return x * x


def leave(code):
    raise SystemExit(code)


if __name__ == '__main__':
    multiprocessing.set_forkserver_preload(['__main__'])
    ctx = multiprocessing.get_context('forkserver')
    print(ctx.get_start_method(), 'forkserver' in multiprocessing.get_all_start_methods())
    q = ctx.Queue()
    ps = [ctx.Process(target=work, args=(q, i)) for i in range(3)]
    for p in ps:
        p.start()
    print(sorted(q.get(timeout=30) for _ in ps))
    for p in ps:
        p.join(timeout=30)
    print([p.exitcode for p in ps])
    a, b = ctx.Pipe()
    p = ctx.Process(target=echo, args=(b,))
    p.start()
    a.send([1, 'two'])
    print(a.recv())
    p.join(timeout=30)
    p = ctx.Process(target=leave, args=(6,))
    p.start()
    p.join(timeout=30)
    print('exit code', p.exitcode)
    p = ctx.Process(target=time.sleep, args=(30,))
    p.start()
    time.sleep(0.2)
    p.terminate()
    p.join(timeout=30)
    print('terminated', p.exitcode)
    with ctx.Pool(2) as pool:
        print(pool.map(sq, range(8)))
