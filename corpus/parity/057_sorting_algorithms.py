# Real program: quicksort, mergesort, insertion sort, heapsort; all checked against sorted().
def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if x < pivot]
    equal = [x for x in xs if x == pivot]
    greater = [x for x in xs if x > pivot]
    return quicksort(less) + equal + quicksort(greater)

def quicksort_inplace(a, lo=0, hi=None):
    if hi is None:
        hi = len(a) - 1
    if lo >= hi:
        return
    pivot = a[hi]
    i = lo
    for j in range(lo, hi):
        if a[j] <= pivot:
            a[i], a[j] = a[j], a[i]
            i += 1
    a[i], a[hi] = a[hi], a[i]
    quicksort_inplace(a, lo, i - 1)
    quicksort_inplace(a, i + 1, hi)

def mergesort(xs, key=lambda v: v):
    if len(xs) <= 1:
        return list(xs)
    mid = len(xs) // 2
    left = mergesort(xs[:mid], key)
    right = mergesort(xs[mid:], key)
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out

def insertion_sort(a):
    a = a[:]
    for i in range(1, len(a)):
        cur = a[i]
        j = i - 1
        while j >= 0 and a[j] > cur:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = cur
    return a

def heapsort(a):
    a = a[:]
    n = len(a)
    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return
    for start in range((n - 2) // 2, -1, -1):
        sift(start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a

def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        yield seed

gen = lcg(2024)
data = [next(gen) % 1000 - 500 for _ in range(300)]
print(data[:12])
ref = sorted(data)
print(quicksort(data) == ref, mergesort(data) == ref, insertion_sort(data) == ref, heapsort(data) == ref)
copy = data[:]
quicksort_inplace(copy)
print(copy == ref, copy[:10], copy[-10:])
words = "delta alpha echo bravo charlie foxtrot golf hotel india alpha".split()
print(quicksort(words), heapsort(words)[:3])
recs = [("x", 3), ("y", 1), ("z", 3), ("w", 2), ("v", 1)]
print(mergesort(recs, key=lambda r: r[1]), sorted(recs, key=lambda r: r[1]) == mergesort(recs, key=lambda r: r[1]))
print(quicksort([]), mergesort([1]), heapsort([2, 1]), insertion_sort([3, 3, 1]))
print(quicksort([2.5, -1, 3, 0.5]), mergesort(list("sorting")))

def count_inversions(xs):
    if len(xs) <= 1:
        return xs, 0
    mid = len(xs) // 2
    left, a = count_inversions(xs[:mid])
    right, b = count_inversions(xs[mid:])
    merged, inv = [], a + b
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            inv += len(left) - i
            j += 1
    merged += left[i:] + right[j:]
    return merged, inv

print("inversions", count_inversions(data)[1], count_inversions([5, 4, 3, 2, 1])[1])
