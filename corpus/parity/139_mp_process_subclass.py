# Subclassing multiprocessing.Process: __init__ keeps state that is pickled
# into the spawned child, run() is what the child executes, and run() can
# also be called directly in the parent (seed 001's CustomProcess).
import multiprocessing


class Squarer(multiprocessing.Process):
    def __init__(self, numbers, out, label='sq'):
        super().__init__()
        self.numbers = numbers
        self.out = out
        self.label = label

    def run(self):
        me = multiprocessing.current_process()
        result = [n * n for n in self.numbers]
        self.out.put((self.label, me.name, type(me).__name__, result))


class Failing(multiprocessing.Process):
    def run(self):
        raise RuntimeError('run failed on purpose')


class WithTarget(multiprocessing.Process):
    # run() not overridden: the base run() calls the target.
    def describe(self):
        return 'WithTarget(%s)' % self.name


class Counter(multiprocessing.Process):
    def __init__(self, out, limit):
        multiprocessing.Process.__init__(self, name='counter-%d' % limit)
        self.out = out
        self.limit = limit
        self.total = 0

    def run(self):
        for i in range(self.limit):
            self.total += i
        self.out.put(self.total)


def target(out, word):
    out.put(word.upper())


if __name__ == '__main__':
    multiprocessing.set_start_method('spawn')
    q = multiprocessing.Queue()

    s = Squarer([1, 2, 3, 4], q)
    print(type(s).__name__, isinstance(s, multiprocessing.Process), s.name)
    s.start()
    s.join(timeout=10)
    print(q.get(timeout=10), s.exitcode)

    # Calling run() in the parent runs it here, in MainProcess.
    s2 = Squarer([5, 6], q, label='direct')
    s2.run()
    print(q.get(timeout=10))

    # Several subclass instances at once; results sorted.
    many = [Squarer([i, i + 1], q, label='m%d' % i) for i in range(3)]
    for p in many:
        p.start()
    results = sorted(q.get(timeout=10) for _ in many)
    for p in many:
        p.join(timeout=10)
    for r in results:
        print(r)
    print([p.exitcode for p in many])

    # An exception in run() gives exitcode 1.
    f = Failing()
    f.start()
    f.join(timeout=10)
    print('failing', f.exitcode)

    w = WithTarget(target=target, args=(q, 'hello'))
    w.start()
    print(q.get(timeout=10), w.describe().startswith('WithTarget(WithTarget-'))
    w.join(timeout=10)
    print(w.exitcode)

    # State changed in the child stays in the child.
    c = Counter(q, 10)
    c.start()
    print(c.name, q.get(timeout=10))
    c.join(timeout=10)
    print('parent copy total', c.total, c.exitcode)
