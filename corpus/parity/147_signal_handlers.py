# signal.signal: Python handlers run by the main thread (os.kill to itself,
# raise_signal, an alarm that interrupts time.sleep, which then sleeps on),
# a handler's exception raised where the main thread was, SIG_IGN/SIG_DFL,
# default_int_handler, the errors for bad arguments, and the refusal in a
# thread other than the main one.
import signal, os, time, sys
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGUSR1))
got = []
def h(signum, frame):
    got.append(signum)
old = signal.signal(signal.SIGUSR1, h)
print('old', old, signal.getsignal(signal.SIGUSR1) is h)
os.kill(os.getpid(), signal.SIGUSR1)
for i in range(1000):
    if got: break
    time.sleep(0.001)
print('got', got)
signal.raise_signal(signal.SIGUSR1)
print('got', got)
# sleep is interrupted, handler runs, sleep resumes
signal.signal(signal.SIGALRM, lambda s, f: got.append('alarm'))
signal.alarm(1)
t = time.monotonic()
time.sleep(1.5)
print('slept on', time.monotonic() - t >= 1.4, got)
def boom(s, f):
    raise RuntimeError('from handler %d' % s)
signal.signal(signal.SIGUSR2, boom)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    for i in range(100000):
        pass
    time.sleep(1)
except RuntimeError as e:
    print('caught', e)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print('KeyboardInterrupt', repr(e))
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1), signal.signal(signal.SIGUSR1, signal.SIG_DFL))
for bad in [(0, signal.SIG_DFL), (signal.SIGUSR1, 'x'), (signal.SIGKILL, h), (99, h)]:
    try:
        signal.signal(*bad)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
print(signal.strsignal(signal.SIGTERM), signal.NSIG)
import threading
def t():
    try:
        signal.signal(signal.SIGUSR1, h)
    except ValueError as e:
        print('thread:', e)
th = threading.Thread(target=t); th.start(); th.join()
