# Two interpreters talk through queues: a worker in a thread of its own
# (call_in_thread) squares what it gets until it gets None; a blocked get
# is woken by the put.
from concurrent import interpreters


def worker(inbox, outbox):
    while True:
        n = inbox.get()
        if n is None:
            outbox.put("done")
            return
        outbox.put(n * n)


if __name__ == "__main__":
    inbox = interpreters.create_queue()
    outbox = interpreters.create_queue()
    interp = interpreters.create()
    t = interp.call_in_thread(worker, inbox, outbox)
    results = []
    for i in range(10):
        inbox.put(i)
        results.append(outbox.get(timeout=30))
    inbox.put(None)
    print(results)
    print(outbox.get(timeout=30))
    t.join(30)
    print(t.is_alive())

    # The queues themselves cross: the other side gets the same queue.
    interp.prepare_main(reply=outbox)
    interp.exec("reply.put(('from', 'the other side'))")
    print(outbox.get(timeout=30))
    interp.close()
