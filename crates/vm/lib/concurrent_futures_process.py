"""concurrent.futures.process: the process pool's names, where CPython has
them (the code is in `concurrent.futures`, `lib/concurrent_futures.py`)."""

from concurrent.futures import (ProcessPoolExecutor, BrokenProcessPool,
                                EXTRA_QUEUED_CALLS)
