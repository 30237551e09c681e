# heapq.heappop on an empty heap.
import heapq

h = [5, 1, 3]
heapq.heapify(h)
while h:
    print(heapq.heappop(h))
heapq.heappop(h)
