# A child process with a SIGTERM handler: terminate() runs it, the child
# cleans up and exits with its own status (the handler's sys.exit).
import multiprocessing, signal, sys, time

def child(q):
    def on_term(signum, frame):
        q.put(('cleanup', signum))
        sys.exit(7)
    signal.signal(signal.SIGTERM, on_term)
    q.put('ready')
    while True:
        time.sleep(0.05)

if __name__ == '__main__':
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print(q.get(timeout=30))
    p.terminate()
    print(q.get(timeout=30))
    p.join(timeout=30)
    print('exitcode', p.exitcode)
