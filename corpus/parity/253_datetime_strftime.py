# datetime strftime: every directive glibc knows in the C locale (dates,
# times, week numbers, ISO year/week, composites), the flags - _ 0 ^ #
# and widths, %z/%Z/%f from the object, unknown directives, small years.
from datetime import date, datetime, time, timedelta, timezone

dts = [datetime(2020, 1, 5, 13, 4, 9, 12345, tzinfo=timezone(timedelta(hours=5, minutes=30))),
       datetime(5, 11, 30),
       datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-1), 'X%Y')),
       datetime(2021, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=-5, minutes=-30, seconds=-7, microseconds=-5))),
       datetime(2018, 12, 31, 12)]
single = 'aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%'
for d in dts:
    print('==', repr(d))
    for c in single:
        if c == 's':
            continue        # %s is local time
        print('  %' + c, repr(d.strftime('%' + c)))
flags = ['%-d', '%-m', '%_d', '%0e', '%^a', '%^B', '%#a', '%10Y', '%-I', '%5d', '%Ey', '%Oy',
         '%EY', '%Od', '%', 'abc%', '%f %3f', '%:z', '%-z', '%_Z', '%-f', '%10a', '%-10a', '%010a',
         '%^p', '%#p', '%#b', '%_5H', '%-5H', '%05e', '%3j', '%-j', '%^c', '%10D', '%Ez', '%^P',
         '%#P', '%_y', '%-y', '%-C', '%4C', '%_Y', '%-Y', '%Q', '%E', '%O', '%+', '%%%z%%', '%-%',
         '%5%', '%_', '%1', '%E%', 'plain text', '', '%Y%m%d%H%M%S']
d = dts[0]
for f in flags:
    print('flags', repr(f), repr(d.strftime(f)))
for y in [1, 5, 99, 150, 999, 1000, 9999]:
    print('year', y, repr(date(y, 3, 4).strftime('%Y|%y|%C|%G|%g|%F|%c|%x|%D')))
# week numbers around the new year
for x in [date(2020, 12, 31), date(2021, 1, 1), date(2021, 1, 3), date(2021, 1, 4), date(2018, 12, 31),
          date(2019, 12, 29), date(2016, 1, 1), date(2017, 1, 1), date(2017, 1, 2)]:
    print('weeks', x, x.strftime('%U %W %V %G %g %j %u %w %a'))
# time and date objects
t = time(13, 2, 3, 45, tzinfo=timezone.utc)
print(repr(t.strftime('%H %I %M %S %f %p %z %Z %Y-%m-%d %j %a %U')))
print(repr(date(2020, 1, 1).strftime('%z|%Z|%f|%H|%M|%S|%p')))
print(repr(format(d, '%Y')), repr(f'{d:%d.%m.%Y %H:%M}'), repr(format(d, '')))
