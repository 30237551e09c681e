# datetime ISO 8601: isoformat with sep and timespec (naive and aware,
# odd offsets), fromisoformat over the forms CPython 3.11 accepts (basic
# and extended, ISO weeks, fractions of any length, Z, offsets with
# seconds) and the ones it refuses, and round trips.
from datetime import datetime, timedelta, timezone


def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


dt = datetime(2020, 1, 1, 12, 30, 45, 123456)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
    print(spec, dt.isoformat(timespec=spec), dt.replace(microsecond=0).isoformat(' ', spec))
show('timespec x', lambda: dt.isoformat(timespec='x'))
show("sep 'ab'", lambda: dt.isoformat(sep='ab'))
show('sep 5', lambda: dt.isoformat(5))
print(dt.isoformat('\u00e9'), dt.isoformat(sep='_'))
for off in [timedelta(0), timedelta(hours=5, seconds=3), timedelta(hours=-3, minutes=-30),
            timedelta(minutes=1, microseconds=7), timedelta(hours=-23, minutes=-59)]:
    a = dt.replace(tzinfo=timezone(off))
    print('aware', a.isoformat(), str(a), a.isoformat(timespec='hours'))

for s in ['2020-01-01', '20200101', '2020-01-01T12', '2020-01-01T12:30', '2020-01-01 12:30:45.5',
          '2020-01-01T12:30:45.123456789', '2020-01-01T12:30:45+0530', '2020-01-01T12:30:45-05',
          '2020-01-01T12:30:45Z', '20200101T123045Z', '2020-W01-3T10:00', '2020W013T10',
          '2020-W01T10:00', '2020W01T10', '2020-W53-7 23:59:59', '2020-01-01X12:00',
          '2020-01-01T12:30:45+05:30:15.123', '2020-01-01T12:30:45+00:00', '2020-01-01T12:30:45-00:00',
          '2020-01-01T1230', '2020-01-01T123045.5', '2020-01-01T12:30:45.5Z',
          '2020-01-01T12:30:45 +05:00', '2020-01-01T12,5', '2020-01-01T12:30:45,25',
          '2020-01-01T24:00', '2020-01-01T', '2020-01-01 ', '2020-01-0112:30', '2020-1-1', '',
          '2020-02-30', '2020-01-01T25:00', '2020-01-01T12:30:45.', '2020-01-01T12:30:45+25:00',
          '2020-01-01T12:3045', '2020-01-01T12:30:45+05:0', '2020-01-01T12:30:45+5',
          '2020-01-01T12:30Z0', 'x', '2020-W54-1T00', '0000-01-01T00:00', '9999-12-31T23:59:59.999999']:
    show(repr(s), lambda: datetime.fromisoformat(s))
show('fromisoformat(None)', lambda: datetime.fromisoformat(None))

# round trips
for x in [datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59, 999999),
          datetime(2021, 6, 30, 1, 2, 3, 400000, tzinfo=timezone(timedelta(hours=-9, minutes=-30))),
          datetime(2021, 6, 30, tzinfo=timezone(timedelta(seconds=-1, microseconds=10)))]:
    back = datetime.fromisoformat(x.isoformat())
    print('round trip', back == x, repr(back))
