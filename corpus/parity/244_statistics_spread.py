# statistics: variance, pvariance, stdev, pstdev (exact sums, correctly
# rounded square roots), the xbar/mu arguments, quantiles with both
# methods, and their errors.
from fractions import Fraction as F
from statistics import pstdev, pvariance, quantiles, stdev, variance


def show(label, f):
    try:
        r = f()
        print(label, '->', type(r).__name__, repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


data_sets = [
    ('ints', [1, 2, 4]),
    ('ints2', [2, 4, 4, 4, 5, 5, 7, 9]),
    ('floats', [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]),
    ('fracs', [F(1, 2), F(3, 4), 1]),
    ('mixed', [1, 2.5, F(1, 2)]),
    ('big', [1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3, 1e9 + 0.4]),
    ('tiny', [1e-300, 2e-300, 4e-300]),
    ('const', [3.3, 3.3, 3.3]),
    ('tenths', [0.1 * i for i in range(1, 21)]),
]
for name, data in data_sets:
    show('variance ' + name, lambda: variance(data))
    show('pvariance ' + name, lambda: pvariance(data))
    show('stdev ' + name, lambda: stdev(data))
    show('pstdev ' + name, lambda: pstdev(data))

# hand-given means
show('variance xbar float', lambda: variance([1, 2, 3, 4], 2.5))
show('variance xbar int', lambda: variance([1, 2, 3, 4], 2))
show('pvariance mu int', lambda: pvariance([1, 2, 3, 4], 2))
show('stdev xbar', lambda: stdev([1, 2], 1.5))
show('pstdev mu', lambda: pstdev([1, 2], 1.5))
show('variance iterator', lambda: variance(iter([1.5, 2.5, 2.5, 2.75, 3.25, 4.75])))
show('variance generator', lambda: variance(x / 4 for x in range(9)))

# non-finite data
show('variance nan', lambda: variance([1, float('nan'), 3]))
show('pvariance inf', lambda: pvariance([1, float('inf'), 3]))

# errors
show('variance one', lambda: variance([1]))
show('variance []', lambda: variance([]))
show('pvariance []', lambda: pvariance([]))
show('stdev one', lambda: stdev([1]))
show('pstdev []', lambda: pstdev([]))
show("variance ['a']", lambda: variance(['a', 'b']))

# quantiles
for n in (1, 2, 4, 5, 10):
    show('quantiles n=%d' % n, lambda: quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=n))
show('quantiles inclusive', lambda: quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4, method='inclusive'))
show('quantiles exclusive', lambda: quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4, method='exclusive'))
show('quantiles deciles incl', lambda: quantiles([0.5, 1.5, 2.25, 9.0], n=10, method='inclusive'))
show('quantiles deciles excl', lambda: quantiles([0.5, 1.5, 2.25, 9.0], n=10))
show('quantiles two points', lambda: quantiles([1, 2]))
show('quantiles fracs', lambda: quantiles([F(1, 3), F(1, 2), F(2, 3)], n=3))
show('quantiles one point', lambda: quantiles([1]))
show('quantiles n=0', lambda: quantiles([1, 2], n=0))
show('quantiles bad method', lambda: quantiles([1, 2, 3], method='x'))
