# The Thread API: names (default "Thread-..."), custom names, args/kwargs,
# ident None before start and an int after, current_thread() inside a thread
# is that Thread, get_ident() matches ident, main_thread(), join(timeout) on
# a blocked thread, start twice / join before start / join self errors, and
# active_count()/enumerate() while N workers are held on an Event.
import threading

main = threading.main_thread()
print("main_thread is current_thread:", main is threading.current_thread())
print("main name:", main.name)
print("main ident is get_ident():", main.ident == threading.get_ident())
print("main alive:", main.is_alive())
print("get_ident is int:", isinstance(threading.get_ident(), int))

t = threading.Thread(target=print)
print("default name starts with Thread-:", t.name.startswith("Thread-"))
print("ident before start:", t.ident)
print("alive before start:", t.is_alive())
try:
    t.join()
except RuntimeError as e:
    print(type(e).__name__, e)

out = {}


def record(a, b, c=0, *, d="dflt"):
    me = threading.current_thread()
    out["args"] = (a, b, c, d)
    out["me"] = me
    out["ident ok"] = me.ident == threading.get_ident()
    out["not main"] = me is not threading.main_thread()
    out["alive inside"] = me.is_alive()
    out["name inside"] = me.name


w = threading.Thread(target=record, args=(1, 2), kwargs={"c": 3, "d": "kw"}, name="worker-1")
w.start()
w.join()
print("args/kwargs:", out["args"])
print("current_thread inside is the Thread:", out["me"] is w)
print("ident matches get_ident inside:", out["ident ok"])
print("worker is not main:", out["not main"])
print("alive inside:", out["alive inside"], "alive after join:", w.is_alive())
print("name inside:", out["name inside"])
print("ident after start is int:", isinstance(w.ident, int))
print("ident differs from main:", w.ident != main.ident)
print("join returns:", w.join())

try:
    w.start()
except RuntimeError as e:
    print(type(e).__name__, e)

w2 = threading.Thread(target=record, args=[5, 6])
w2.name = "renamed"
w2.start()
w2.join()
print("list args, no kwargs:", out["args"], out["name inside"])


def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        out["self join"] = type(e).__name__ + " " + str(e)


js = threading.Thread(target=join_self)
js.start()
js.join()
print(out["self join"])

# Subclass overriding run(); Thread.__init__ keywords still work.


class Squarer(threading.Thread):
    def __init__(self, n, **kw):
        super().__init__(**kw)
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * self.n


sq = [Squarer(i, name="sq%d" % i) for i in range(5)]
for s in sq:
    s.start()
for s in sq:
    s.join()
print("subclass results:", [s.result for s in sq], [s.name for s in sq])
print("subclass default name:", Squarer(9).name.startswith("Thread-"))

# N workers held on an Event: active_count() and enumerate() are exact here.
N = 4
gate = threading.Event()
inside = threading.Semaphore(0)


def held():
    inside.release()
    gate.wait()


hs = [threading.Thread(target=held, name="held-%d" % i) for i in range(N)]
for h in hs:
    h.start()
for i in range(N):
    inside.acquire()
print("active_count while held:", threading.active_count())
names = sorted(x.name for x in threading.enumerate())
print("enumerate while held:", names)
print("main in enumerate:", main in threading.enumerate())
print("all held in enumerate:", all(h in threading.enumerate() for h in hs))

hs[0].join(timeout=0.01)
print("join(timeout) on a blocked thread, alive:", hs[0].is_alive())
print("join(0) alive:", hs[1].join(0) is None and hs[1].is_alive())
gate.set()
for h in hs:
    h.join()
print("after release alive:", [h.is_alive() for h in hs])
print("active_count after join:", threading.active_count())
print("enumerate after join:", [x.name for x in threading.enumerate()])
