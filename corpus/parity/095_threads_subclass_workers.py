# Thread subclasses: __init__ calling super().__init__(), run() storing a
# result on the instance, extra methods, class attributes shared by all
# instances (updated under a class-level Lock), and a two-stage pipeline of
# subclassed threads linked by Events.
import threading


class Fib(threading.Thread):
    finished = 0
    lock = threading.Lock()

    def __init__(self, n):
        super().__init__(name="fib-%d" % n)
        self.n = n
        self.value = None

    def fib(self, k):
        a, b = 0, 1
        for i in range(k):
            a, b = b, a + b
        return a

    def run(self):
        self.value = self.fib(self.n)
        with Fib.lock:
            Fib.finished += 1


workers = [Fib(n) for n in (10, 50, 90, 200)]
print("before start:", [w.value for w in workers], Fib.finished)
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w.name, w.value)
print("finished:", Fib.finished)
print("isinstance Thread:", all(isinstance(w, threading.Thread) for w in workers))


class Stage(threading.Thread):
    """Waits for `inbox`, transforms the shared data, then sets `outbox`."""

    def __init__(self, label, data, inbox, outbox, fn):
        super().__init__()
        self.label = label
        self.data = data
        self.inbox = inbox
        self.outbox = outbox
        self.fn = fn

    def run(self):
        self.inbox.wait()
        for i in range(len(self.data)):
            self.data[i] = self.fn(self.data[i])
        self.data.append(self.label)
        self.outbox.set()


data = [1, 2, 3, 4]
e0, e1, e2 = threading.Event(), threading.Event(), threading.Event()
second = Stage("doubled", data, e1, e2, lambda v: v * 2 if isinstance(v, int) else v.upper())
first = Stage("squared", data, e0, e1, lambda v: v * v)
second.start()
first.start()
e0.set()
print("pipeline done:", e2.wait(5))
first.join()
second.join()
print("pipeline data:", data)


class Accumulate(threading.Thread):
    """run() calls the parent run() (which calls the target), then adds."""

    def run(self):
        super().run()
        with Fib.lock:
            out.append("after target")


out = []
a = Accumulate(target=out.append, args=("target ran",))
a.start()
a.join()
print("super().run():", out)
