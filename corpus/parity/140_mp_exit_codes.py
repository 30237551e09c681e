# How a child's end shows in Process.exitcode: a normal return, sys.exit
# with an int, None or a message, os._exit, an uncaught exception,
# terminate() (-SIGTERM), kill() (-SIGKILL), and join with a timeout on a
# child that is still sleeping.
import multiprocessing
import os
import signal
import sys
import time


def ret():
    return 42


def exit_with(code):
    sys.exit(code)


def hard_exit(code):
    os._exit(code)


def raise_error():
    raise KeyError('child failed')


def raise_base():
    raise KeyboardInterrupt


def sleeper(ready, seconds):
    ready.set()
    time.sleep(seconds)


def shown(p):
    # repr without the pids.
    return repr(p).replace(' pid=%d' % p.pid, '').replace(
        ' parent=%d' % os.getpid(), '')


def run(target, *args):
    p = multiprocessing.Process(target=target, args=args)
    p.start()
    p.join(timeout=10)
    return p.exitcode


if __name__ == '__main__':
    multiprocessing.set_start_method('spawn')
    print('return', run(ret))
    print('sys.exit(0)', run(exit_with, 0))
    print('sys.exit(3)', run(exit_with, 3))
    print('sys.exit(None)', run(exit_with, None))
    print('sys.exit(msg)', run(exit_with, 'goodbye from the child'))
    print('sys.exit(255)', run(exit_with, 255))
    print('os._exit(7)', run(hard_exit, 7))
    print('os._exit(0)', run(hard_exit, 0))
    print('KeyError', run(raise_error))
    print('KeyboardInterrupt', run(raise_base))

    # join with a timeout on a sleeping child: it is still alive.
    ready = multiprocessing.Event()
    p = multiprocessing.Process(target=sleeper, args=(ready, 30))
    p.start()
    print('ready', ready.wait(timeout=10))
    p.join(timeout=0.2)
    print('after join(0.2)', p.is_alive(), p.exitcode)
    p.terminate()
    p.join(timeout=10)
    print('terminate', p.is_alive(), p.exitcode, p.exitcode == -signal.SIGTERM)

    ready = multiprocessing.Event()
    p = multiprocessing.Process(target=sleeper, args=(ready, 30))
    p.start()
    print('ready', ready.wait(timeout=10))
    p.kill()
    p.join(timeout=10)
    print('kill', p.is_alive(), p.exitcode, p.exitcode == -signal.SIGKILL)

    # terminate on an already finished process changes nothing.
    p = multiprocessing.Process(target=exit_with, args=(5,))
    p.start()
    p.join(timeout=10)
    p.terminate()
    p.join(timeout=10)
    print('finished then terminate', p.exitcode)

    # repr shows the exit code, or the signal by name.
    p = multiprocessing.Process(target=exit_with, args=(4,), name='four')
    p.start()
    p.join(timeout=10)
    print(shown(p))
    ready = multiprocessing.Event()
    p = multiprocessing.Process(target=sleeper, args=(ready, 30), name='sig')
    p.start()
    ready.wait(timeout=10)
    p.terminate()
    p.join(timeout=10)
    print(shown(p))
