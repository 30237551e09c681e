"""Binary min-heaps kept in plain lists (priority queues).

ftl's `heapq`, frozen into the binary. A heap is a list where every item
is no larger than its children (items 2k+1 and 2k+2 under item k), so
heap[0] is the smallest.

Covers CPython 3.11's module: heappush, heappop, heapify, heapreplace,
heappushpop, merge (key=, reverse=), nlargest and nsmallest (key=), and
the max-heap helpers merge uses (_heapify_max, _heappop_max,
_heapreplace_max, _siftdown_max, _siftup_max), with the C module's
argument type checks and messages ("heappush() argument 1 must be list,
not int", IndexError "index out of range").

The results are CPython's for the same input, ties and comparison order
included: items are compared with `<` only; a push sifts the new item up
towards the root; a pop or replace moves the hole at the root down to a
leaf along the smaller children, then sifts the item placed there back
up; heapify does that for every parent from the last one back to the
root; nlargest/nsmallest keep n decorated (item, order) entries in a heap
of the opposite kind so that ties keep their input order, and take the
shortcuts min()/max() for n == 1 and sorted() when n covers a sized
input; merge keeps one [value, order, iterator] entry per input in a heap.

Left out: the C module's "list changed size during iteration" checks (a
comparison that mutates the heap), and its cache-friendly visiting order
in heapify for large lists (same result, other comparison order).
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _must_be_list(name, heap, what='argument 1'):
    if not isinstance(heap, list):
        raise TypeError("%s() %s must be list, not %s"
                        % (name, what, type(heap).__name__))


def heappush(heap, item):
    """Adds item to the heap."""
    if not isinstance(heap, list):
        _must_be_list('heappush', heap)
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Removes and returns the smallest item of the heap."""
    if not isinstance(heap, list):
        _must_be_list('heappop', heap, 'argument')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return smallest
    return last


def heapreplace(heap, item):
    """Removes and returns the smallest item, then adds item (which may
    be smaller than what it returns).
    """
    if not isinstance(heap, list):
        _must_be_list('heapreplace', heap)
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item):
    """Adds item, then removes and returns the smallest item; faster than
    heappush() then heappop().
    """
    if not isinstance(heap, list):
        _must_be_list('heappushpop', heap)
    if heap and heap[0] < item:
        smallest = heap[0]
        heap[0] = item
        _siftup(heap, 0)
        return smallest
    return item


def heapify(x):
    """Makes the list a heap, in place, in linear time."""
    if not isinstance(x, list):
        _must_be_list('heapify', x, 'argument')
    for i in range(len(x) // 2 - 1, -1, -1):
        _siftup(x, i)


def _siftdown(heap, startpos, pos):
    # The item at pos moves up towards startpos past every parent it is
    # smaller than.
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if item < parent:
            heap[pos] = parent
            pos = parentpos
        else:
            break
    heap[pos] = item


def _siftup(heap, pos):
    # The hole at pos moves down to a leaf, each time taking the smaller
    # child's place (the right one unless the left is strictly smaller);
    # the item that was at pos then fills the leaf and moves back up.
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, startpos, pos)


# Max-heap versions (a[k] >= its children), used by merge(reverse=True) and
# nsmallest. They also compare with `<` only.

def _heappop_max(heap):
    """heappop() for a max-heap."""
    if not isinstance(heap, list):
        _must_be_list('_heappop_max', heap, 'argument')
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _siftup_max(heap, 0)
        return largest
    return last


def _heapreplace_max(heap, item):
    """heapreplace() for a max-heap."""
    if not isinstance(heap, list):
        _must_be_list('_heapreplace_max', heap)
    if not heap:
        raise IndexError('index out of range')
    largest = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return largest


def _heapify_max(x):
    """heapify() for a max-heap."""
    if not isinstance(x, list):
        _must_be_list('_heapify_max', x, 'argument')
    for i in range(len(x) // 2 - 1, -1, -1):
        _siftup_max(x, i)


def _siftdown_max(heap, startpos, pos):
    'Maxheap variant of _siftdown'
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < item:
            heap[pos] = parent
            pos = parentpos
        else:
            break
    heap[pos] = item


def _siftup_max(heap, pos):
    'Maxheap variant of _siftup'
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < endpos:
        right = child + 1
        if right < endpos and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown_max(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted stream, lazily (sorted by key,
    largest first with reverse=True); equal items keep input order.
    """
    # One entry per live input: [value, order, iterator], or with a key
    # [key(value), order, value, iterator]. order is the input's position
    # (negated for reverse=True), so equal values come out in input order.
    if reverse:
        make_heap = _heapify_max
        pop = _heappop_max
        replace = _heapreplace_max
        direction = -1
    else:
        make_heap = heapify
        pop = heappop
        replace = heapreplace
        direction = 1

    heap = []
    if key is None:
        order = 0
        for iterable in iterables:
            it = iter(iterable)
            for value in it:
                heap.append([value, order * direction, it])
                break
            order += 1
        make_heap(heap)
        while len(heap) > 1:
            entry = heap[0]
            value = entry[0]
            it = entry[2]
            yield value
            for value in it:
                entry[0] = value
                replace(heap, entry)
                break
            else:
                pop(heap)
        if heap:
            entry = heap[0]
            yield entry[0]
            yield from entry[2]
        return

    order = 0
    for iterable in iterables:
        it = iter(iterable)
        for value in it:
            heap.append([key(value), order * direction, value, it])
            break
        order += 1
    make_heap(heap)
    while len(heap) > 1:
        entry = heap[0]
        it = entry[3]
        yield entry[2]
        for value in it:
            entry[0] = key(value)
            entry[2] = value
            replace(heap, entry)
            break
        else:
            pop(heap)
    if heap:
        entry = heap[0]
        yield entry[2]
        yield from entry[3]


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first: sorted(iterable, key=key)[:n]."""
    if n == 1:
        it = iter(iterable)
        missing = object()
        if key is None:
            result = min(it, default=missing)
        else:
            result = min(it, default=missing, key=key)
        return [] if result is missing else [result]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]

    # Keep the n smallest so far in a max-heap of (item, order) or
    # (key, order, item) entries; its root is the one to beat.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(n), it)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for elem in it:
            if elem < top:
                _heapreplace_max(result, (elem, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [entry[0] for entry in result]

    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(result, (k, order, elem))
            top = result[0][0]
            order += 1
    result.sort()
    return [entry[2] for entry in result]


def nlargest(n, iterable, key=None):
    """The n largest items, largest first:
    sorted(iterable, key=key, reverse=True)[:n].
    """
    if n == 1:
        it = iter(iterable)
        missing = object()
        if key is None:
            result = max(it, default=missing)
        else:
            result = max(it, default=missing, key=key)
        return [] if result is missing else [result]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]

    # Keep the n largest so far in a min-heap; orders count down so that,
    # sorted in reverse, equal items keep their input order.
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for elem in it:
            if top < elem:
                heapreplace(result, (elem, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [entry[0] for entry in result]

    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(result, (k, order, elem))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [entry[2] for entry in result]
