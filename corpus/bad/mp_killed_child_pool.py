# A ProcessPoolExecutor worker killed by a signal breaks the pool: the
# pending future raises BrokenProcessPool instead of hanging.
import os
import signal
from concurrent.futures import ProcessPoolExecutor


def suicide():
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=1) as ex:
        ex.submit(suicide).result(timeout=60)
