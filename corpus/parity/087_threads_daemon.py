# Daemon threads: the daemon flag and its inheritance (a thread created from
# a daemon thread is a daemon unless told otherwise), the error for setting
# it after start(), and daemon threads that never finish -- one blocked on
# an Event that is never set, one sleeping in a loop -- which must not keep
# the program from exiting (with status 0) when the main thread ends.
import threading
import time

print("main is daemon:", threading.current_thread().daemon)
print("main_thread daemon:", threading.main_thread().daemon)
print("default daemon:", threading.Thread(target=print).daemon)
print("daemon=True:", threading.Thread(target=print, daemon=True).daemon)
print("daemon=False:", threading.Thread(target=print, daemon=False).daemon)

t = threading.Thread(target=print)
t.daemon = True
print("set before start:", t.daemon)
t.daemon = False
print("cleared before start:", t.daemon)

seen = {}


def inspect(tag):
    me = threading.current_thread()
    child = threading.Thread(target=print)
    forced = threading.Thread(target=print, daemon=False)
    seen[tag] = (me.daemon, child.daemon, forced.daemon)


d = threading.Thread(target=inspect, args=("from daemon",), daemon=True)
n = threading.Thread(target=inspect, args=("from non-daemon",))
d.start()
n.start()
d.join()
n.join()
for tag in sorted(seen):
    print(tag, "-> self, child, child(daemon=False):", seen[tag])

# Setting the flag on a started thread raises RuntimeError.
hold = threading.Event()
r = threading.Thread(target=hold.wait)
r.start()
try:
    r.daemon = True
except RuntimeError as e:
    print(type(e).__name__, e)
print("flag unchanged:", r.daemon)
hold.set()
r.join()

# Daemon threads that never finish.
never = threading.Event()
started = []
started_lock = threading.Lock()
both_started = threading.Event()


def mark(name):
    with started_lock:
        started.append(name)
        if len(started) == 2:
            both_started.set()


def blocked_forever():
    mark("blocked")
    never.wait()
    print("never printed: event was set")


def sleeper():
    mark("sleeper")
    while True:
        time.sleep(0.001)


b = threading.Thread(target=blocked_forever, name="blocked", daemon=True)
s = threading.Thread(target=sleeper, name="sleeper", daemon=True)
b.start()
s.start()
print("daemons started:", both_started.wait(5), sorted(started))
b.join(0.01)
print("blocked daemon alive after join(0.01):", b.is_alive())
print("sleeper daemon alive:", s.is_alive())
print("active threads:", threading.active_count())
print("enumerate names:", sorted(x.name for x in threading.enumerate()))
print("main thread ends now")
