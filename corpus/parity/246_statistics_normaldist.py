# statistics.NormalDist: construction, from_samples, the distribution
# functions (pdf, cdf, inv_cdf over its whole range, overlap, quantiles,
# zscore), properties, arithmetic, equality, hash, repr, pickling and
# seeded samples.
import pickle
from statistics import NormalDist, StatisticsError


def show(label, f):
    try:
        r = f()
        print(label, '->', type(r).__name__, repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


nd = NormalDist(1.5, 2.25)
print(nd, repr(NormalDist()), NormalDist(3, 0))
print('props', nd.mean, nd.median, nd.mode, nd.stdev, nd.variance)
show('NormalDist(0, -1)', lambda: NormalDist(0, -1))
show('NormalDist("a")', lambda: NormalDist('a'))
show('from_samples', lambda: NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
show('from_samples ints', lambda: NormalDist.from_samples(iter([1, 2, 3, 4, 5])))
show('from_samples one', lambda: NormalDist.from_samples([1]))

std = NormalDist()
for x in [-3.0, -1.0, 0.0, 0.5, 1.0, 2.5]:
    print('pdf/cdf', x, nd.pdf(x), std.pdf(x), nd.cdf(x), std.cdf(x))
for p in [1e-300, 1e-20, 1e-10, 0.001, 0.01, 0.02425, 0.025, 0.05, 0.1, 0.25, 0.3,
          0.5, 0.6, 0.75, 0.9, 0.925, 0.975, 0.97575, 0.99, 0.999999, 1 - 1e-16]:
    print('inv_cdf', p, std.inv_cdf(p), nd.inv_cdf(p))
print('round trip', [round(std.cdf(std.inv_cdf(p)), 12) for p in (0.1, 0.5, 0.9)])
print('quantiles', std.quantiles(), nd.quantiles(5), std.quantiles(1))
print('zscore', nd.zscore(3.0), nd.zscore(1.5), std.zscore(-2))
print('overlap', nd.overlap(std), std.overlap(nd), std.overlap(NormalDist(0, 1)),
      NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)), std.overlap(NormalDist(5, 1)))

# arithmetic with constants and with other distributions
a, b = NormalDist(10, 3), NormalDist(4, 4)
print('add', a + b, a + 5, 5 + a, a - b, a - 5, 5 - a)
print('mul', a * 2, 2 * a, a * -2, a / 4, a / -4, -a, +a)
print('eq', a == NormalDist(10, 3), a == NormalDist(10.0, 3.0), a == b, a == 10, a != b)
print('hash', hash(a) == hash(NormalDist(10.0, 3.0)), len({a, NormalDist(10, 3), b}))
show('a + "x"', lambda: a + 'x')
show('overlap(1)', lambda: a.overlap(1))

# zero sigma
z = NormalDist(1, 0)
show('pdf zero sigma', lambda: z.pdf(1))
show('cdf zero sigma', lambda: z.cdf(1))
show('inv_cdf zero sigma', lambda: z.inv_cdf(0.5))
show('zscore zero sigma', lambda: z.zscore(1))
show('overlap zero sigma', lambda: z.overlap(std))
show('inv_cdf(0)', lambda: std.inv_cdf(0))
show('inv_cdf(1)', lambda: std.inv_cdf(1.0))
show('inv_cdf(-0.5)', lambda: std.inv_cdf(-0.5))

# pickle
c = pickle.loads(pickle.dumps(nd))
print('pickle', c, c == nd, type(c).__name__)

# seeded samples are reproducible
s1 = nd.samples(5, seed=42)
s2 = nd.samples(5, seed=42)
print('samples', s1, s1 == s2, len(nd.samples(3)))
print('samples str seed', NormalDist(0, 1).samples(3, seed='ftl'))
