# datetime.tzinfo and timezone: fixed offsets and their names and reprs,
# utc, min/max, argument checks, a user tzinfo subclass with DST rules,
# fromutc, astimezone between fixed zones, utcoffset/dst/tzname checks.
from datetime import datetime, time, timedelta, timezone, tzinfo, UTC


def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


print(repr(timezone.utc), str(timezone.utc), UTC is timezone.utc, repr(timezone.min), repr(timezone.max))
for td in [timedelta(hours=5, minutes=30), timedelta(hours=-5), timedelta(seconds=1),
           timedelta(hours=-5, minutes=-30, seconds=-15, microseconds=-7), timedelta(minutes=-1),
           timedelta(hours=23, minutes=59, seconds=59, microseconds=999999)]:
    tz = timezone(td)
    print(repr(tz), str(tz), tz.tzname(None), tz.utcoffset(None), tz.dst(None))
named = timezone(timedelta(hours=5, minutes=30), 'IST')
print(repr(named), str(named), named.tzname(None))
print('utc singleton', timezone(timedelta(0)) is timezone.utc, timezone(timedelta(0), 'UTC') is timezone.utc,
      repr(timezone(timedelta(0), 'UTC')))
show('timezone(1)', lambda: timezone(1))
show('timezone(24h)', lambda: timezone(timedelta(hours=24)))
show('timezone(-24h)', lambda: timezone(timedelta(hours=-24)))
show('timezone(-24h + 1us)', lambda: timezone(-timedelta(hours=24) + timedelta(microseconds=1)))
show('timezone(td, 3)', lambda: timezone(timedelta(hours=5), 3))
show('timezone(td, None)', lambda: timezone(timedelta(0), None))
print('eq', timezone.utc == timezone(timedelta(0), 'x'), named == timezone(timedelta(hours=5, minutes=30)),
      named != timezone.utc, timezone.utc == 0)
print('hash', hash(named) == hash(timezone(timedelta(hours=5, minutes=30))))
show('utcoffset(5)', lambda: timezone.utc.utcoffset(5))
show('tzname("x")', lambda: timezone.utc.tzname('x'))
show('fromutc(5)', lambda: timezone.utc.fromutc(5))
show('fromutc naive', lambda: timezone.utc.fromutc(datetime(2020, 1, 1)))
show('fromutc other tz', lambda: named.fromutc(datetime(2020, 1, 1, tzinfo=timezone.utc)))
show('fromutc ok', lambda: named.fromutc(datetime(2020, 1, 1, tzinfo=named)))
show('tzinfo().utcoffset', lambda: tzinfo().utcoffset(None))
show('tzinfo().dst', lambda: tzinfo().dst(None))
show('tzinfo().tzname', lambda: tzinfo().tzname(None))
show('tzinfo().fromutc naive', lambda: tzinfo().fromutc(datetime(2020, 1, 1)))


class Eastern(tzinfo):
    """US Eastern time with the 2007+ DST rules (second Sunday of March to
    first Sunday of November, at 2:00)."""

    def _dst_bounds(self, year):
        start = datetime(year, 3, 8, 2)
        start += timedelta(days=(6 - start.weekday()) % 7)
        end = datetime(year, 11, 1, 2)
        end += timedelta(days=(6 - end.weekday()) % 7)
        return start, end

    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)

    def dst(self, dt):
        if dt is None:
            return timedelta(0)
        start, end = self._dst_bounds(dt.year)
        naive = dt.replace(tzinfo=None)
        if start + timedelta(hours=1) <= naive < end - timedelta(hours=1):
            return timedelta(hours=1)
        if end - timedelta(hours=1) <= naive < end:
            return timedelta(0) if dt.fold else timedelta(hours=1)
        if start <= naive < start + timedelta(hours=1):
            return timedelta(hours=1) if dt.fold else timedelta(0)
        return timedelta(0)

    def tzname(self, dt):
        return 'EDT' if self.dst(dt) else 'EST'

    def __repr__(self):
        return 'Eastern()'


et = Eastern()
for u in [datetime(2021, 1, 15, 12, tzinfo=timezone.utc), datetime(2021, 7, 4, 16, tzinfo=timezone.utc),
          datetime(2021, 3, 14, 6, 59, tzinfo=timezone.utc), datetime(2021, 3, 14, 7, 0, tzinfo=timezone.utc),
          datetime(2021, 11, 7, 5, 30, tzinfo=timezone.utc), datetime(2021, 11, 7, 6, 30, tzinfo=timezone.utc)]:
    local = u.astimezone(et)
    print('utc', u, '-> eastern', local, local.tzname(), local.fold, local.dst(), '-> back', local.astimezone(timezone.utc))
amb0 = datetime(2021, 11, 7, 1, 30, tzinfo=et)
amb1 = amb0.replace(fold=1)
print('ambiguous', amb0.utcoffset(), amb1.utcoffset(), amb0 == amb1, amb0.astimezone(timezone.utc), amb1.astimezone(timezone.utc))
print('inter-zone eq in fold', amb1 == amb1.astimezone(timezone.utc), amb0 == amb0.astimezone(timezone.utc))
print('timestamps', amb0.timestamp(), amb1.timestamp())

# astimezone between fixed zones
x = datetime(2020, 6, 1, 23, 30, tzinfo=timezone(timedelta(hours=-7)))
for tz in [timezone.utc, named, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)), x.tzinfo]:
    print('astimezone', x.astimezone(tz), x.astimezone(tz) == x)
print('same tz is self', x.astimezone(x.tzinfo) is x)
show('astimezone(5)', lambda: x.astimezone(5))
show('astimezone overflow', lambda: datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))).astimezone(timezone.utc))


class Broken(tzinfo):
    def __init__(self, off, name):
        self.off, self.name = off, name

    def utcoffset(self, dt):
        return self.off

    def dst(self, dt):
        return self.off

    def tzname(self, dt):
        return self.name


show('utcoffset int', lambda: datetime(2020, 1, 1, tzinfo=Broken(5, 'x')).utcoffset())
show('utcoffset 25h', lambda: datetime(2020, 1, 1, tzinfo=Broken(timedelta(hours=25), 'x')).utcoffset())
show('dst 25h', lambda: datetime(2020, 1, 1, tzinfo=Broken(timedelta(hours=25), 'x')).dst())
show('tzname int', lambda: datetime(2020, 1, 1, tzinfo=Broken(None, 5)).tzname())
show('time utcoffset int', lambda: time(1, tzinfo=Broken(5, 'x')).utcoffset())
show('utcoffset None', lambda: datetime(2020, 1, 1, tzinfo=Broken(None, None)).utcoffset())
show('isoformat None offset', lambda: datetime(2020, 1, 1, tzinfo=Broken(None, None)).isoformat())
show('None offset vs naive ==', lambda: datetime(2020, 1, 1, tzinfo=Broken(None, None)) == datetime(2020, 1, 1))
show('odd offset', lambda: datetime(2020, 1, 1, tzinfo=Broken(timedelta(hours=1, seconds=30, microseconds=5), 'odd')).isoformat())
