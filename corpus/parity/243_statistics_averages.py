# statistics: averages and central location with ints, floats, Fractions
# and mixes (results exact, in the data's type), weights, and the
# StatisticsError / TypeError messages.
import statistics
from fractions import Fraction as F
from statistics import (StatisticsError, fmean, geometric_mean, harmonic_mean,
                        mean, median, median_grouped, median_high, median_low,
                        mode, multimode)


def show(label, f):
    try:
        r = f()
        print(label, '->', type(r).__name__, repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


print(issubclass(StatisticsError, ValueError), StatisticsError.__module__)
floats = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5, 0.1, 0.7]
ints = [1, 2, 3, 4, 4, 7, 10]
fracs = [F(1, 2), F(3, 4), F(5, 6), F(7, 8)]
mixed = [1, F(1, 2), 2]
data_sets = [('ints', ints), ('floats', floats), ('fracs', fracs), ('mixed', mixed),
             ('int+float', [1, 2.5, 3]), ('frac+float', [F(1, 2), 0.25]),
             ('bools', [True, False, True]), ('one', [5]), ('two', [1, 2])]
for name, data in data_sets:
    show('mean ' + name, lambda: mean(data))
    show('fmean ' + name, lambda: fmean(data))
    show('median ' + name, lambda: median(data))
    show('median_low ' + name, lambda: median_low(data))
    show('median_high ' + name, lambda: median_high(data))

# exact sums: the mean of many floats is the correctly rounded exact mean
tenths = [0.1] * 10 + [0.2] * 7 + [1e100, -1e100]
show('mean tenths', lambda: mean(tenths))
show('fmean tenths', lambda: fmean(tenths))
show('mean big ints', lambda: mean([10**30, 1, 2]))
show('mean iterator', lambda: mean(iter([1, 2, 3, 4])))
show('mean range', lambda: mean(range(1, 101)))
show('mean generator', lambda: mean(x * 0.5 for x in range(7)))
show('mean nan', lambda: mean([1.0, float('nan')]))
show('mean inf', lambda: mean([1.0, float('inf')]))
show('mean inf-inf', lambda: mean([float('inf'), float('-inf')]))
show('mean []', lambda: mean([]))
show("mean ['a']", lambda: mean(['a', 'b']))
show('mean str+int', lambda: mean([1, 'a']))

# fmean with weights
show('fmean weights', lambda: fmean([3.5, 4.0, 5.25], weights=[1, 2, 3]))
show('fmean iter weights', lambda: fmean(iter([1, 2, 3]), iter([3, 2, 1])))
show('fmean [] ', lambda: fmean([]))
show('fmean bad len', lambda: fmean([1, 2], [1]))
show('fmean zero weights', lambda: fmean([1, 2], [0, 0]))

# geometric and harmonic means
show('geometric_mean', lambda: geometric_mean([54, 24, 36]))
show('geometric_mean floats', lambda: geometric_mean([1.5, 2.5, 10.0]))
show('geometric_mean []', lambda: geometric_mean([]))
show('geometric_mean neg', lambda: geometric_mean([1, -1]))
show('geometric_mean zero', lambda: geometric_mean([0, 4]))
show('harmonic_mean', lambda: harmonic_mean([40, 60]))
show('harmonic_mean weights', lambda: harmonic_mean([40, 60], weights=[5, 30]))
show('harmonic_mean floats', lambda: harmonic_mean([2.5, 3.0, 10.0]))
show('harmonic_mean one', lambda: harmonic_mean([5]))
show('harmonic_mean one frac', lambda: harmonic_mean([F(5, 3)]))
show('harmonic_mean zero', lambda: harmonic_mean([1, 0, 3]))
show('harmonic_mean neg', lambda: harmonic_mean([1, -2]))
show('harmonic_mean neg one', lambda: harmonic_mean([-1]))
show("harmonic_mean ['a']", lambda: harmonic_mean(['a']))
show('harmonic_mean []', lambda: harmonic_mean([]))
show('harmonic_mean bad weights', lambda: harmonic_mean([1, 2], [1]))
show('harmonic_mean zero weights', lambda: harmonic_mean([1, 2], [0, 0]))
show('harmonic_mean neg weight', lambda: harmonic_mean([1, 2], [1, -1]))
show('harmonic_mean fracs', lambda: harmonic_mean([F(1, 2), 3]))

# medians
show('median even', lambda: median([1, 3, 5, 7]))
show('median unsorted', lambda: median([7, 1, 5, 3, 9]))
show('median_low even', lambda: median_low([1, 3, 5, 7]))
show('median_high even', lambda: median_high([1, 3, 5, 7]))
show('median strs', lambda: median_low(['b', 'a', 'd', 'c']))
show('median []', lambda: median([]))
show('median_low []', lambda: median_low([]))
show('median_high []', lambda: median_high([]))
show('median_grouped', lambda: median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
show('median_grouped interval', lambda: median_grouped([52, 52, 53, 54], interval=2))
show('median_grouped default', lambda: median_grouped([52, 52, 53, 54]))
show('median_grouped one', lambda: median_grouped([7]))
show('median_grouped floats', lambda: median_grouped([2.5, 3.5, 3.5, 4.5], 1.0))
show('median_grouped []', lambda: median_grouped([]))
show("median_grouped ['a']", lambda: median_grouped(['a', 'b']))
show("median_grouped interval 'x'", lambda: median_grouped([1, 2], 'x'))

# mode and multimode
show('mode', lambda: mode([1, 1, 2, 3, 3, 3, 3, 4]))
show('mode strs', lambda: mode(['red', 'blue', 'blue', 'red', 'green', 'red', 'red']))
show('mode tie', lambda: mode([1, 1, 2, 2]))
show('mode tie strs', lambda: mode('aabbcc'))
show('mode []', lambda: mode([]))
show('multimode', lambda: multimode('aabbbbccddddeeffffgg'))
show('multimode one', lambda: multimode([1, 1, 2]))
show('multimode []', lambda: multimode([]))
show('multimode iter', lambda: multimode(iter([3, 1, 3, 1, 2])))
