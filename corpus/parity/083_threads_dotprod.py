# dotprod_mutex.c (seed 000) in Python: NUMTHRDS threads each compute the dot
# product of their slice and add it into a shared sum under a Lock. The
# values are small binary fractions so every partial sum is exact and the
# total does not depend on the order the threads add in.
import threading

NUMTHRDS = 4
VECLEN = 1000


class DotData:
    def __init__(self, a, b, veclen):
        self.a = a
        self.b = b
        self.veclen = veclen
        self.sum = 0.0


n = NUMTHRDS * VECLEN
a = [float(i % 7) for i in range(n)]
b = [(i % 5) + 0.5 for i in range(n)]
dotstr = DotData(a, b, VECLEN)
mutexsum = threading.Lock()
partials = [None] * NUMTHRDS


def dotprod(offset):
    length = dotstr.veclen
    start = offset * length
    end = start + length
    x = dotstr.a
    y = dotstr.b
    mysum = 0.0
    for i in range(start, end):
        mysum += x[i] * y[i]
    with mutexsum:
        dotstr.sum += mysum
        partials[offset] = (start, end, mysum)


call_thd = []
for i in range(NUMTHRDS):
    t = threading.Thread(target=dotprod, args=(i,))
    call_thd.append(t)
    t.start()
for t in call_thd:
    t.join()

for offset in range(NUMTHRDS):
    start, end, mysum = partials[offset]
    print("Thread %d did %d to %d:  mysum=%f" % (offset, start, end, mysum))
print("Sum =  %f " % dotstr.sum)
serial = 0.0
for i in range(n):
    serial += a[i] * b[i]
print("matches serial:", serial == dotstr.sum)

# The all-ones version of the original program.
ones = [1.0] * n
dotstr = DotData(ones, ones, VECLEN)
call_thd = [threading.Thread(target=dotprod, args=(i,)) for i in range(NUMTHRDS)]
for t in call_thd:
    t.start()
for t in call_thd:
    t.join()
print("Sum =  %f " % dotstr.sum)
print([p[2] for p in partials])
