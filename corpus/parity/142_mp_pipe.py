# multiprocessing.Pipe between processes: a duplex echo server in a child,
# objects and raw bytes both ways, poll with a timeout, a one-way pipe,
# EOFError once the other end is closed, and send_bytes/recv_bytes_into
# with offsets.
import multiprocessing


def echo(conn):
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            break
        if msg == 'stop':
            conn.send('bye')
            break
        conn.send(('echo', msg))
    conn.close()


def produce(w, n):
    for i in range(n):
        w.send_bytes(('chunk-%d' % i).encode())
    w.send_bytes(b'0123456789', 2, 5)
    w.close()


if __name__ == '__main__':
    parent, child = multiprocessing.Pipe()
    p = multiprocessing.Process(target=echo, args=(child,))
    p.start()
    child.close()
    for msg in [1, 'two', [3, 4], {'five': 5}, (None, True), b'\x00\xff', 2 ** 80]:
        parent.send(msg)
        print(parent.poll(10), parent.recv())
    print('poll on silence', parent.poll(0.05))
    parent.send('stop')
    print(parent.recv())
    p.join(timeout=30)
    print('echo exit', p.exitcode)
    try:
        parent.recv()
    except EOFError:
        print('EOFError after the child closed')
    parent.close()
    print('closed', parent.closed)
    try:
        parent.send(1)
    except OSError as e:
        print('OSError', e)

    r, w = multiprocessing.Pipe(duplex=False)
    print('readable/writable', r.readable, r.writable, w.readable, w.writable)
    p = multiprocessing.Process(target=produce, args=(w, 3))
    p.start()
    w.close()
    for _ in range(3):
        print(r.recv_bytes())
    buf = bytearray(10)
    n = r.recv_bytes_into(buf, 4)
    print(n, bytes(buf))
    p.join(timeout=30)
    try:
        r.recv_bytes()
    except EOFError:
        print('EOFError at the end of the one-way pipe')
    print('producer exit', p.exitcode)
