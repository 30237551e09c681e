"""Float: build n points from sin/cos, normalize each, fold them with max.

The floating-point benchmark first used by Factor: Point(i) has
x = sin(i), y = 3 cos(i), z = x*x/2; every point is scaled to unit length,
then the points are combined by a component-wise maximum.
Usage: float.py [points]
"""
# bench: kind single
# bench: executors serial
# bench: size 800000 quick 150000 smoke 5000
# (the bench runs it as NAME.py SIZE serial 1; only SIZE is read. The
# parity corpus runs it as corpus/parity/bench_float.py, a link here.)
import sys
from math import sin, cos, sqrt


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "Point(x=%.6f, y=%.6f, z=%.6f)" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    # A checksum over all normalized points (before the fold mutates the
    # first one) shows every point was computed.
    total = 0.0
    for p in points:
        total += p.x + p.y + p.z
    return maximize(points), total


def main(n):
    best, total = benchmark(n)
    print(best)
    print("sum %.6f" % total)


if __name__ == '__main__':
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
