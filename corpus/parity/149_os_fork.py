# os.fork with os.pipe between parent and child (seed 001's pipe), the
# child's exit status through waitpid and the W* helpers, register_at_fork
# callbacks on each side, a child that runs to the end of the program,
# and a child killed by a signal.
import os
import signal
import sys
import time

events = []
os.register_at_fork(before=lambda: events.append('before'),
                    after_in_parent=lambda: events.append('parent'),
                    after_in_child=lambda: events.append('child'))

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, ('child writes; its events: %s' % events).encode())
    os.close(w)
    os._exit(3)
os.close(w)
data = b''
while True:
    chunk = os.read(r, 7)
    if not chunk:
        break
    data += chunk
os.close(r)
print(data.decode())
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), events)

pid = os.fork()
if pid == 0:
    time.sleep(30)
    os._exit(0)
os.kill(pid, signal.SIGTERM)
got, status = os.waitpid(pid, 0)
print('killed', os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM,
      os.waitstatus_to_exitcode(status))

for bad in [dict(), dict(before=1)]:
    try:
        os.register_at_fork(**bad)
    except TypeError as e:
        print('TypeError', e)

print('before the last fork', flush=True)
pid = os.fork()
if pid == 0:
    print('the child runs on to the end')
    sys.exit(5)
print('parent sees', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
