# bisect refuses a negative lo.
import bisect

a = [1, 3, 5]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3))
bisect.insort(a, 4, lo=-1)
