# datetime and POSIX timestamps without the local zone: utcfromtimestamp,
# fromtimestamp with a tz (rounding of float timestamps half to even),
# timestamp() of aware datetimes, range errors; pickle round trips of
# every type (CPython's pickle format) and copying.
import copy
import pickle
from datetime import date, datetime, time, timedelta, timezone


def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


for t in [0, 1e9, -1.5, 1.0000005, 1.0000015, 1.0000025, -0.0000005, 86399.9999996, 1700000000.123456,
          -62135596800, 253402300799, 2**31, 1577836800]:
    show('utcfromtimestamp(%r)' % t, lambda: datetime.utcfromtimestamp(t))
    show('fromtimestamp(%r, utc)' % t, lambda: datetime.fromtimestamp(t, timezone.utc))
show('fromtimestamp(-5h zone)', lambda: datetime.fromtimestamp(1e9, timezone(timedelta(hours=-5))))
show('utcfromtimestamp(253402300800)', lambda: datetime.utcfromtimestamp(253402300800))
show('utcfromtimestamp(-62135596801)', lambda: datetime.utcfromtimestamp(-62135596801))
show('fromtimestamp(1e20, utc)', lambda: datetime.fromtimestamp(1e20, timezone.utc))
show('fromtimestamp(nan, utc)', lambda: datetime.fromtimestamp(float('nan'), timezone.utc))
show("fromtimestamp('x', utc)", lambda: datetime.fromtimestamp('x', timezone.utc))
show('fromtimestamp(0, 5)', lambda: datetime.fromtimestamp(0, 5))

for x in [datetime(2020, 1, 1, tzinfo=timezone.utc), datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc),
          datetime(1, 1, 1, tzinfo=timezone.utc), datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc),
          datetime(2000, 2, 29, 12, tzinfo=timezone(timedelta(hours=-8)))]:
    ts = x.timestamp()
    show('timestamp %s %r' % (x, ts), lambda: datetime.fromtimestamp(ts, x.tzinfo) == x)

# pickling: every protocol, fold and tzinfo kept
objs = [date(2020, 5, 17), datetime(2020, 1, 1, 3, 4, 5, 6789, tzinfo=timezone(timedelta(hours=3), 'X'), fold=1),
        datetime(2020, 1, 1, 3, 4, 5, 6789, fold=1), time(3, 4, 5, 6789, fold=1), time(23, 59, tzinfo=timezone.utc),
        timedelta(1, 2, 3), timedelta(-5), timezone.utc, timezone(timedelta(minutes=-90)),
        date(2020, 1, 1).isocalendar(), datetime.max, date.min]
for proto in range(0, 6):
    for o in objs:
        back = pickle.loads(pickle.dumps(o, proto))
        print(proto, repr(back), back == o, getattr(back, 'fold', '-'), type(back).__name__)
print('utc identity', pickle.loads(pickle.dumps(timezone.utc)) is timezone.utc)
print(pickle.dumps(date(2020, 5, 17), 2))
print(pickle.dumps(datetime(2020, 1, 1, 3, 4, 5, 6789, tzinfo=timezone.utc), 2))
print(pickle.dumps(timedelta(1, 2, 3), 2))
print(pickle.dumps(time(3, 4, 5, 6789, fold=1), 4))
for o in objs[:6]:
    print('copy', repr(copy.copy(o)), copy.deepcopy(o) == o)
print('reduce', date(2020, 1, 1).__reduce__(), timedelta(1, 2, 3).__reduce__())
print('reduce_ex', datetime(2020, 1, 1, fold=1).__reduce_ex__(4), datetime(2020, 1, 1, fold=1).__reduce_ex__(2))
print('from state', repr(date(b'\x07\xe4\x01\x01')), repr(datetime(b'\x07\xe4\x81\x01\x00\x00\x00\x00\x00\x05')),
      repr(time(b'\x81\x00\x00\x00\x00\x05', timezone.utc)))
