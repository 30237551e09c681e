# datetime.timedelta: normalisation of every keyword (ints and floats,
# half-to-even rounding), repr/str, arithmetic with timedeltas, ints and
# floats (* / // % divmod), total_seconds, comparisons, hash equality,
# min/max/resolution, overflow and type errors.
from datetime import timedelta


def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


show('timedelta()', lambda: timedelta())
show('timedelta(1, 2, 3)', lambda: timedelta(1, 2, 3))
show('weeks=1, days=-1', lambda: timedelta(weeks=1, days=-1))
show('hours=-1, seconds=5', lambda: timedelta(hours=-1, seconds=5))
show('microseconds=-1', lambda: timedelta(microseconds=-1))
show('seconds=86400 * 3 + 7', lambda: timedelta(seconds=86400 * 3 + 7))
show('milliseconds=1, microseconds=-1000', lambda: timedelta(milliseconds=1, microseconds=-1000))
show('minutes=90', lambda: timedelta(minutes=90))
show('days=1.5, seconds=0.5, microseconds=0.5', lambda: timedelta(days=1.5, seconds=0.5, microseconds=0.5))
for us in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999, 1e-7]:
    show('microseconds=%r' % us, lambda: timedelta(microseconds=us))
show('seconds=0.1', lambda: timedelta(seconds=0.1))
show('days=0.1', lambda: timedelta(days=0.1))
show('mix of floats', lambda: timedelta(weeks=1.1, days=-0.3, hours=7.7, minutes=-0.1234, seconds=1e-7, milliseconds=3.3333))
show('hours=1/3', lambda: timedelta(hours=1 / 3))
show('days=True', lambda: timedelta(days=True))

# str
for td in [timedelta(0), timedelta(1), timedelta(-1), timedelta(2, 5), timedelta(-2, 5),
           timedelta(microseconds=-1), timedelta(3, 5, 7), timedelta(hours=100),
           timedelta(seconds=59, microseconds=10), timedelta(days=-999999999)]:
    print('str', repr(td), '|', str(td), '|', td.days, td.seconds, td.microseconds, td.total_seconds())

# arithmetic
a, b = timedelta(days=2, hours=3), timedelta(hours=7, microseconds=5)
show('a + b', lambda: a + b)
show('a - b', lambda: a - b)
show('b - a', lambda: b - a)
show('-a', lambda: -a)
show('+b', lambda: +b)
show('abs(-a)', lambda: abs(-a))
show('a * 3', lambda: a * 3)
show('3 * a', lambda: 3 * a)
show('a * -1', lambda: a * -1)
show('a * 1.5', lambda: a * 1.5)
show('0.3 * timedelta(days=1)', lambda: 0.3 * timedelta(days=1))
show('timedelta(microseconds=5) * 0.5', lambda: timedelta(microseconds=5) * 0.5)
show('timedelta(microseconds=7) * 0.5', lambda: timedelta(microseconds=7) * 0.5)
show('a / 7', lambda: a / 7)
show('timedelta(microseconds=5) / 2', lambda: timedelta(microseconds=5) / 2)
show('timedelta(microseconds=7) / 2', lambda: timedelta(microseconds=7) / 2)
show('timedelta(seconds=1) / 3.0', lambda: timedelta(seconds=1) / 3.0)
show('a / b', lambda: a / b)
show('a // b', lambda: a // b)
show('a // 7', lambda: a // 7)
show('a % b', lambda: a % b)
show('divmod(a, b)', lambda: divmod(a, b))
show('divmod(7s, -2s)', lambda: divmod(timedelta(seconds=7), timedelta(seconds=-2)))
show('-a // b', lambda: -a // b)
show('-a % b', lambda: -a % b)
show('a / 0', lambda: a / 0)
show('a / 0.0', lambda: a / 0.0)
show('a // 0', lambda: a // 0)
show('a % timedelta(0)', lambda: a % timedelta(0))
show('a / timedelta(0)', lambda: a / timedelta(0))
show('a * nan', lambda: a * float('nan'))
show('a * inf', lambda: a * float('inf'))
show('timedelta.max + resolution', lambda: timedelta.max + timedelta.resolution)
show('timedelta.min - resolution', lambda: timedelta.min - timedelta.resolution)
show('days=10**9', lambda: timedelta(days=10**9))
show('days=1e9', lambda: timedelta(days=1e9))
show('seconds=inf', lambda: timedelta(seconds=float('inf')))
show('seconds=nan', lambda: timedelta(seconds=float('nan')))
show("timedelta('1')", lambda: timedelta('1'))
show("timedelta(hours=[1])", lambda: timedelta(hours=[1]))

# comparisons and hashing
print('cmp', a > b, a < b, a == timedelta(hours=51), a != b, a >= a, b <= a)
print('eq other', a == 1, a != 'x', timedelta(0) == 0)
print('hash', hash(timedelta(1)) == hash(timedelta(hours=24)), hash(a) == hash(timedelta(seconds=183600)))
print('dict', {timedelta(hours=24): 'day'}[timedelta(1)])
print('bool', bool(timedelta(0)), bool(timedelta(microseconds=1)), bool(-timedelta(1)))
print('sorted', sorted([timedelta(1), timedelta(-1), timedelta(0), timedelta(seconds=1)]))
print('sum', sum([timedelta(hours=h) for h in range(10)], timedelta()))
print('limits', repr(timedelta.min), repr(timedelta.max), repr(timedelta.resolution))
print('total_seconds', timedelta.max.total_seconds(), timedelta(microseconds=1).total_seconds(), timedelta(days=-1, seconds=1).total_seconds())
