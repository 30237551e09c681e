"""What the workloads share: their calling convention, a percentile, and
running work in threads or in interpreters (PEP 734).

Not a workload (the bench skips files whose name starts with ``_``): each
workload imports it from its own directory, which CPython 2 and 3 and ftl
all search first. Written in the Python 2/3 common subset.

The convention: ``WORKLOAD.py SIZE EXECUTOR WORKERS``, where EXECUTOR is
one of the workload's executors and ``serial`` takes WORKERS = 1. A wrong
call prints what is wrong and the usage line to stderr and exits with
status 2.
"""
import sys
import time

# The finest clock there is (Python 2 has no perf_counter).
perf = getattr(time, "perf_counter", time.time)


def usage_error(program, usage, message):
    sys.stderr.write("%s: %s\n" % (program, message))
    sys.stderr.write("usage: %s %s\n" % (program, usage))
    sys.exit(2)


def parse_args(argv, executors, fixed_workers=None):
    """(size, executor, workers) from argv, or a usage error.

    executors: the executor names the workload supports. fixed_workers:
    the one worker count it takes, when it takes only one.
    """
    program = argv[0].split("/")[-1]
    workers_usage = "WORKERS" if fixed_workers is None else str(fixed_workers)
    usage = "SIZE {%s} %s" % ("|".join(executors), workers_usage)
    if len(argv) != 4:
        usage_error(program, usage, "expected 3 arguments, got %d" % (len(argv) - 1))
    try:
        size = int(argv[1])
        workers = int(argv[3])
    except ValueError:
        usage_error(program, usage, "SIZE and WORKERS must be integers")
    executor = argv[2]
    if executor not in executors:
        usage_error(program, usage, "unknown or unsupported executor %r" % executor)
    if workers < 1:
        usage_error(program, usage, "WORKERS must be at least 1")
    if executor == "serial" and workers != 1:
        usage_error(program, usage, "the serial executor takes WORKERS = 1")
    if fixed_workers is not None and workers != fixed_workers:
        usage_error(program, usage, "WORKERS must be %d" % fixed_workers)
    return size, executor, workers


def percentile(sorted_values, q):
    """Nearest-rank percentile (q in 0..100) of a sorted, non-empty list."""
    n = len(sorted_values)
    rank = (q * n + 99) // 100  # ceil(q * n / 100)
    if rank < 1:
        rank = 1
    if rank > n:
        rank = n
    return sorted_values[rank - 1]


def in_threads(work, workers):
    """Runs work(k) for k = 0 .. workers-1, each in a thread of its own,
    all started before any is joined; returns their results in order."""
    import threading
    results = [None] * workers

    def body(k):
        results[k] = work(k)

    threads = [threading.Thread(target=body, args=(k,)) for k in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def in_interpreters(func, arg_tuples):
    """Runs func(*args) for each args of arg_tuples, each in an interpreter
    of its own (PEP 734's concurrent.interpreters: its own modules, objects
    and GIL) on a thread of its own, all started before any is joined;
    returns their results in order. func and its arguments are pickled, so
    func must be a module-level function (of __main__ or a module)."""
    from concurrent import interpreters
    results = interpreters.create_queue()
    interps = [interpreters.create() for _ in arg_tuples]
    threads = [interp.call_in_thread(_put_result, results, k, func, args)
               for k, (interp, args) in enumerate(zip(interps, arg_tuples))]
    for t in threads:
        t.join()
    out = [None] * len(arg_tuples)
    for _ in arg_tuples:
        k, ok, value = results.get()
        if not ok:
            raise RuntimeError("interpreter %d failed: %s" % (k, value))
        out[k] = value
    for interp in interps:
        interp.close()
    return out


def _put_result(results, k, func, args):
    # Runs in a worker interpreter: (k, True, result) or (k, False, error).
    try:
        value = func(*args)
    except BaseException as e:
        results.put((k, False, "%s: %s" % (type(e).__name__, e)))
        raise
    results.put((k, True, value))
