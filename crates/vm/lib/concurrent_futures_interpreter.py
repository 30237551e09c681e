"""concurrent.futures.interpreter: the interpreter pool's names, where
CPython 3.14 has them (the code is in `concurrent.futures`,
`lib/concurrent_futures.py`)."""

from concurrent.futures import InterpreterPoolExecutor, BrokenInterpreterPool
