"""concurrent.futures.thread: the thread pool's names, where CPython has
them (the code is in `concurrent.futures`, `lib/concurrent_futures.py`)."""

from concurrent.futures import ThreadPoolExecutor, BrokenThreadPool
