# datetime.time: construction and errors, fold, tzinfo, repr/str,
# isoformat with timespec, fromisoformat, strftime, replace, comparisons
# (naive/aware rules), utcoffset/dst/tzname.
from datetime import time, timedelta, timezone


def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


print(repr(time.min), repr(time.max), repr(time.resolution))
for t in [time(), time(12, 30), time(0, 0, 5), time(0, 0, 0, 5), time(23, 59, 59, 999999),
          time(12, 30, 5, 100, tzinfo=timezone.utc, fold=1), time(1, 2, 3, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))]:
    print(repr(t), str(t), t.hour, t.minute, t.second, t.microsecond, t.tzinfo, t.fold, bool(t))
show('time(24)', lambda: time(24))
show('time(0, 60)', lambda: time(0, 60))
show('time(0, 0, 60)', lambda: time(0, 0, 60))
show('time(0, 0, 0, 1000000)', lambda: time(0, 0, 0, 1000000))
show('time(-1)', lambda: time(-1))
show('time(fold=2)', lambda: time(fold=2))
show('time(tzinfo=1)', lambda: time(tzinfo=1))
show('time(1.5)', lambda: time(1.5))

t = time(1, 2, 3, 4567)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds', 'x']:
    show('isoformat(%r)' % spec, lambda: t.isoformat(spec))
show('time(1, 2, 3).isoformat(microseconds)', lambda: time(1, 2, 3).isoformat(timespec='microseconds'))
show('isoformat(5)', lambda: t.isoformat(5))

for s in ['12:30', '12:30:45.123', '12:30:45.1234567', '12:30:45+05:30', '12:30:45Z', 'T12:30',
          '1230', '12', '123045', '12:30:45,5', '12,5', '12:30:45.123+05:30:15.5', '12:30:45-0800',
          '24:00', '12:60', 'x', '', '12:30:45.', '12:3045', '12:30Z+', '12:30:45 +05:00',
          '12:30:45+5', '12:30:45+05:0']:
    show('fromisoformat(%r)' % s, lambda: time.fromisoformat(s))
show('fromisoformat(None)', lambda: time.fromisoformat(None))

tz = timezone(timedelta(hours=5, minutes=30), 'IST')
a = time(13, 2, 3, 45, tzinfo=tz)
print(repr(a.strftime('%H|%M|%S|%f|%p|%I|%Y|%m|%d|%j|%z|%Z|%%')))
print(repr(time(1, 2, 3).strftime('%H|%M|%S|%f|%p|%Y|%z|%Z|%j|%a')))
print(repr(format(a, '%H:%M')), repr(format(a, '')), repr(f'{a:%I %p}'))
print('offsets', a.utcoffset(), a.dst(), a.tzname(), time(1).utcoffset(), time(1).tzname())

show('replace(hour=5)', lambda: a.replace(hour=5))
show('replace(tzinfo=None)', lambda: a.replace(tzinfo=None))
show('replace(fold=1)', lambda: a.replace(fold=1))
show('replace(hour=25)', lambda: a.replace(hour=25))

# comparisons
u = timezone.utc
print('naive', time(1) < time(2), time(1, 30) == time(1, 30), time(1) != time(1, 0, 1), time(5) >= time(5))
print('fold ignored', time(1, fold=1) == time(1))
print('aware', time(12, tzinfo=timezone(timedelta(hours=2))) == time(10, tzinfo=u),
      time(12, tzinfo=timezone(timedelta(hours=2))) < time(11, tzinfo=u),
      time(1, tzinfo=u) == time(1, tzinfo=timezone(timedelta(0), 'Z')))
print('mixed ==', time(1) == time(1, tzinfo=u), time(1) != time(1, tzinfo=u))
show('mixed <', lambda: time(1) < time(1, tzinfo=u))
print('other', time(1) == 1, time(1) != 'x')
print('hash', hash(time(12, tzinfo=timezone(timedelta(hours=2)))) == hash(time(10, tzinfo=u)),
      hash(time(1, fold=1)) == hash(time(1)))
print('sorted', sorted([time(3), time(1, 30), time(0), time(1, 29, 59, 999999)]))
