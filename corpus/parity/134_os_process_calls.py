# os's process calls without a child: kill with signal 0 (does the process
# exist?), waitpid with no children, the wait-status helpers on statuses of
# the kinds waitpid returns, and the signal numbers.
import os
import signal

print(os.kill(os.getpid(), 0))
print(os.getppid() > 0, os.getppid() != os.getpid())
try:
    os.kill(2**22 + 12345, 0)
except ProcessLookupError as e:
    print('ProcessLookupError', e)
for options in (0, os.WNOHANG):
    try:
        os.waitpid(-1, options)
    except ChildProcessError as e:
        print('ChildProcessError', e)

exited_3 = 3 << 8
killed_by_term = signal.SIGTERM
killed_by_kill = signal.SIGKILL
stopped = (signal.SIGSTOP << 8) | 0x7f
for status in (0, exited_3, killed_by_term, killed_by_kill, stopped):
    row = [os.WIFEXITED(status), os.WIFSIGNALED(status), os.WIFSTOPPED(status)]
    if os.WIFEXITED(status):
        row.append(os.WEXITSTATUS(status))
    if os.WIFSIGNALED(status):
        row.append(os.WTERMSIG(status))
    if os.WIFSTOPPED(status):
        row.append(os.WSTOPSIG(status))
    try:
        row.append(os.waitstatus_to_exitcode(status))
    except ValueError as e:
        row.append('ValueError: ' + str(e))
    print(status, row)
print(int(signal.SIGTERM), int(signal.SIGKILL), int(signal.SIGINT), os.WNOHANG)
for bad in [lambda: os.kill(os.getpid(), 'x'), lambda: os.kill(2**40, 0), lambda: os.WIFEXITED(), lambda: os.WTERMSIG(1, 2)]:
    try:
        bad()
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
