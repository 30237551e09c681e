# datetime.datetime: construction and errors, fields, combine, date()/
# time()/timetz(), replace, arithmetic with timedelta and between
# datetimes (naive and aware), comparisons including the naive/aware
# rules and date/datetime mixing, hash equality, min/max, subclasses.
from datetime import date, datetime, time, timedelta, timezone


def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


print(repr(datetime.min), repr(datetime.max), repr(datetime.resolution))
utc = timezone.utc
plus2 = timezone(timedelta(hours=2))
dt = datetime(2024, 2, 29, 13, 45, 30, 123456)
print(repr(dt), str(dt), dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.microsecond, dt.tzinfo, dt.fold)
for x in [datetime(2020, 1, 1), datetime(2020, 1, 1, 0, 0, 5), datetime(2020, 1, 1, 0, 0, 0, 5),
          datetime(2020, 1, 1, 5, tzinfo=plus2, fold=1), datetime(2020, 1, 1, 12, tzinfo=utc)]:
    print(repr(x), '|', str(x))
show('datetime(2020, 1, 1, 25)', lambda: datetime(2020, 1, 1, 25))
show('datetime(2020, 1, 1, 0, 60)', lambda: datetime(2020, 1, 1, 0, 60))
show('datetime(2020, 2, 30)', lambda: datetime(2020, 2, 30))
show('datetime(2020, 1, 1, fold=3)', lambda: datetime(2020, 1, 1, fold=3))
show('datetime(2020, 1, 1, tzinfo=1)', lambda: datetime(2020, 1, 1, tzinfo=1))
show('datetime(2020, 1)', lambda: datetime(2020, 1))
show('datetime(2020, 1, 1, 1.5)', lambda: datetime(2020, 1, 1, 1.5))

# parts and combine
print(repr(dt.date()), repr(dt.time()), repr(dt.timetz()))
a = datetime(2020, 5, 17, 8, 0, tzinfo=plus2, fold=1)
print(repr(a.date()), repr(a.time()), repr(a.timetz()))
show('combine', lambda: datetime.combine(date(2020, 1, 1), time(1, 2, 3, 4)))
show('combine tz', lambda: datetime.combine(date(2020, 1, 1), time(1, tzinfo=utc)))
show('combine tz=None', lambda: datetime.combine(date(2020, 1, 1), time(1, tzinfo=utc), tzinfo=None))
show('combine tz=plus2', lambda: datetime.combine(date(2020, 1, 1), time(1), plus2))
show('combine datetime', lambda: datetime.combine(datetime(2020, 1, 1, 5), time(1)))
show('combine(5, time())', lambda: datetime.combine(5, time()))
show('combine(date, 5)', lambda: datetime.combine(date(2020, 1, 1), 5))

# replace
show('replace(hour=0)', lambda: dt.replace(hour=0))
show('replace(tzinfo=utc)', lambda: dt.replace(tzinfo=utc))
show('replace(fold=1)', lambda: dt.replace(fold=1))
show('replace(month=13)', lambda: dt.replace(month=13))
show('replace(tzinfo=5)', lambda: dt.replace(tzinfo=5))
show('aware replace(tzinfo=None)', lambda: a.replace(tzinfo=None))

# arithmetic
show('dt + 1 day 1 us', lambda: dt + timedelta(days=1, microseconds=1))
show('td + dt', lambda: timedelta(hours=23) + dt)
show('dt - 30 days', lambda: dt - timedelta(30))
show('dt - dt', lambda: dt - datetime(2000, 1, 1))
show('early - dt', lambda: datetime(2000, 1, 1) - dt)
show('aware + td keeps tz', lambda: a + timedelta(hours=20))
show('aware - aware same tz', lambda: a - datetime(2020, 5, 17, tzinfo=plus2))
show('aware - aware other tz', lambda: datetime(2020, 1, 1, 12, tzinfo=plus2) - datetime(2020, 1, 1, 10, tzinfo=utc))
show('naive - aware', lambda: dt - a)
show('max + 1us', lambda: datetime.max + timedelta(microseconds=1))
show('min - 1us', lambda: datetime.min - timedelta(microseconds=1))

# comparisons
b = datetime(2020, 1, 1, 12, tzinfo=plus2)
c = datetime(2020, 1, 1, 10, tzinfo=utc)
print('aware', b == c, b != c, b < c, b <= c, b > datetime(2020, 1, 1, 9, 59, tzinfo=utc))
print('naive', dt > datetime(2024, 2, 29), dt == datetime(2024, 2, 29, 13, 45, 30, 123456))
print('fold ignored same tz', datetime(2020, 1, 1, fold=1) == datetime(2020, 1, 1))
print('naive == aware', datetime(2020, 1, 1) == datetime(2020, 1, 1, tzinfo=utc), datetime(2020, 1, 1) != datetime(2020, 1, 1, tzinfo=utc))
show('naive < aware', lambda: datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=utc))
print('date == datetime', date(2020, 1, 1) == datetime(2020, 1, 1), datetime(2020, 1, 1) != date(2020, 1, 1))
show('date < datetime', lambda: date(2020, 1, 1) < datetime(2020, 1, 1))
show('datetime >= date', lambda: datetime(2020, 1, 1) >= date(2020, 1, 1))
print('other', dt == 1, dt != 'x')
print('hash', hash(b) == hash(c), hash(datetime(2020, 1, 1, fold=1)) == hash(datetime(2020, 1, 1)),
      len({b, c, datetime(2020, 1, 1, 10)}))
print('sorted', sorted([c, datetime(2019, 12, 31, 23, tzinfo=utc), datetime(2020, 1, 1, 11, 30, tzinfo=plus2)]))
print('min/max', min(b, datetime(2020, 1, 1, 9, tzinfo=utc)), max([dt, datetime.max, datetime.min]))


class Stamp(datetime):
    def label(self):
        return self.strftime('%Y%m%d')


s = Stamp(2021, 3, 4, 5, 6)
print(repr(s), s.label(), type(s + timedelta(1)).__name__, type(s.replace(day=5)).__name__,
      type(Stamp.combine(date(2020, 1, 1), time())).__name__, type(Stamp.fromisoformat('2020-01-01')).__name__)
print(type(s - timedelta(1)).__name__, type(s - datetime(2020, 1, 1)).__name__, isinstance(s, date))
