# Exceptions in threads: a target that raises ends only its own thread (the
# traceback goes to stderr as "Exception in thread ..."); the main thread
# goes on, join() returns normally and is_alive() is False afterwards. The
# same for a Thread subclass whose run() raises. Work done before the raise
# is kept, and a thread that catches its own exception can report it.
import threading

log = []
log_lock = threading.Lock()


def note(*items):
    with log_lock:
        log.append(items)


def failing(n):
    note("before", n)
    raise ValueError("bad value %d" % n)


t = threading.Thread(target=failing, args=(7,))
t.start()
t.join()
print("main goes on after a failing target")
print("join returned, alive:", t.is_alive())
print("log:", log)


class Exploding(threading.Thread):
    def __init__(self, label):
        super().__init__()
        self.label = label
        self.reached = False

    def run(self):
        self.reached = True
        note("run", self.label)
        {}["missing " + self.label]


e = Exploding("sub")
e.start()
e.join()
print("subclass run raised, alive:", e.is_alive(), "reached:", e.reached)

# Several failing and succeeding threads mixed: the successes still count.
total = [0]


def mixed(n):
    if n % 3 == 0:
        raise ZeroDivisionError(n)
    with log_lock:
        total[0] += n


ms = [threading.Thread(target=mixed, args=(n,)) for n in range(12)]
for m in ms:
    m.start()
for m in ms:
    m.join()
print("successful sum:", total[0])
print("none alive:", not any(m.is_alive() for m in ms))

# A thread that catches its own exception and hands it back to main.
caught = []


def careful(d, key):
    try:
        caught.append(d[key])
    except KeyError as ex:
        caught.append("KeyError " + str(ex))
    finally:
        caught.append("finally ran")


c = threading.Thread(target=careful, args=({"a": 1}, "b"))
c.start()
c.join()
print("caught:", caught)

# An exception that escapes through nested calls and a finally clause in
# the thread: the finally still runs before the thread dies.
cleanup = []


def inner():
    raise RuntimeError("deep failure")


def outer():
    try:
        inner()
    finally:
        cleanup.append("outer finally")


o = threading.Thread(target=outer, name="outer-thread")
o.start()
o.join()
print("cleanup:", cleanup, "alive:", o.is_alive(), "name:", o.name)

# SystemExit in a thread ends that thread quietly, not the program.
def quitter():
    raise SystemExit(3)


q = threading.Thread(target=quitter)
q.start()
q.join()
print("SystemExit in a thread did not stop main, alive:", q.is_alive())
print("active threads at the end:", threading.active_count())
