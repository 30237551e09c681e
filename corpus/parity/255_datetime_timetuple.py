# datetime's uses of the time module: timetuple/utctimetuple as
# time.struct_time (fields and dst flags), and strptime's %Z (the names
# 'UTC' and 'GMT' are always known).
from datetime import date, datetime, time, timedelta, timezone, tzinfo


class Summer(tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=2)

    def dst(self, dt):
        return timedelta(hours=1)

    def tzname(self, dt):
        return 'SUMMER'

    def __repr__(self):
        return 'Summer()'


d = date(2024, 2, 29)
tt = d.timetuple()
print(tt)
print(tt.tm_year, tt.tm_mon, tt.tm_mday, tt.tm_yday, tt.tm_wday, tt.tm_isdst, tuple(tt), tt[0], len(tt))
for x in [datetime(2020, 12, 31, 23, 59, 59, 999999), datetime(2020, 1, 1, 12, 30, tzinfo=timezone.utc),
          datetime(2020, 6, 1, 1, 30, tzinfo=timezone(timedelta(hours=5, minutes=30))),
          datetime(2020, 6, 1, 1, 30, tzinfo=Summer()), datetime(1, 1, 1, 0, 0)]:
    print(repr(x))
    print('  timetuple', tuple(x.timetuple()), x.timetuple().tm_isdst)
    print('  utctimetuple', tuple(x.utctimetuple()), x.utctimetuple().tm_isdst)
try:
    datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))).utctimetuple()
except OverflowError as e:
    print('OverflowError:', e)

for s, f in [('UTC', '%Z'), ('gmt', '%Z'), ('2020 UTC', '%Y %Z'), ('12:00 +0100 UTC', '%H:%M %z %Z'),
             ('12:00 GMT -0230', '%H:%M %Z %z'), ('NOPE', '%Z')]:
    try:
        r = datetime.strptime(s, f)
        print(repr(s), repr(f), '->', repr(r), r.tzname())
    except ValueError as e:
        print(repr(s), repr(f), '!!', e)
