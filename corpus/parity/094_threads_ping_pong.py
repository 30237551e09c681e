# Turn-taking with a Condition: threads print from inside the workers, but
# a shared `turn` variable and wait_for/notify_all force a single order, so
# the output is the same under any schedule. Also a round-robin of three
# threads and a countdown handed between two threads.
import threading

cond = threading.Condition()
state = {"turn": "ping", "rounds": 0}
ROUNDS = 5


def player(me, other):
    for i in range(ROUNDS):
        with cond:
            cond.wait_for(lambda: state["turn"] == me)
            print(me, i)
            state["turn"] = other
            state["rounds"] += 1
            cond.notify_all()


pong = threading.Thread(target=player, args=("pong", "ping"))
ping = threading.Thread(target=player, args=("ping", "pong"))
pong.start()  # started first, but must wait for its turn
ping.start()
ping.join()
pong.join()
print("rounds played:", state["rounds"])

# Round-robin over three threads: thread k acts when step % 3 == k.
rr = threading.Condition(threading.RLock())
step = [0]
trace = []
LIMIT = 12


def rotor(k):
    while True:
        with rr:
            rr.wait_for(lambda: step[0] >= LIMIT or step[0] % 3 == k)
            if step[0] >= LIMIT:
                return
            trace.append("%s%d" % ("abc"[k], step[0]))
            step[0] += 1
            rr.notify_all()


rotors = [threading.Thread(target=rotor, args=(k,)) for k in (2, 0, 1)]
for r in rotors:
    r.start()
for r in rotors:
    r.join()
print("round robin:", " ".join(trace))

# A countdown passed back and forth; each side records what it saw.
box = {"n": 9, "owner": 0}
seen = {0: [], 1: []}
bc = threading.Condition()


def counter(me):
    while True:
        with bc:
            bc.wait_for(lambda: box["owner"] == me or box["n"] < 0)
            if box["n"] < 0:
                return
            seen[me].append(box["n"])
            box["n"] -= 1
            box["owner"] = 1 - me
            bc.notify_all()


cs = [threading.Thread(target=counter, args=(m,)) for m in (0, 1)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print("side 0 saw:", seen[0])
print("side 1 saw:", seen[1])
