# datetime.date: construction and its errors, ordinals, weekdays, ISO
# calendar, isoformat/fromisoformat, ctime, strftime/format, replace,
# arithmetic with timedelta, comparisons, min/max, subclasses.
from datetime import date, timedelta, MINYEAR, MAXYEAR


def show(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__ + ':', e)


print(MINYEAR, MAXYEAR, repr(date.min), repr(date.max), repr(date.resolution))
d = date(2024, 2, 29)
print(repr(d), str(d), d.year, d.month, d.day, d.isoformat(), d.ctime())
show('date(2020, 13, 1)', lambda: date(2020, 13, 1))
show('date(2020, 0, 1)', lambda: date(2020, 0, 1))
show('date(2021, 2, 29)', lambda: date(2021, 2, 29))
show('date(2020, 4, 31)', lambda: date(2020, 4, 31))
show('date(0, 1, 1)', lambda: date(0, 1, 1))
show('date(10000, 1, 1)', lambda: date(10000, 1, 1))
show('date(2020.0, 1, 1)', lambda: date(2020.0, 1, 1))
show("date('2020', 1, 1)", lambda: date('2020', 1, 1))
show('date(2020, None, 1)', lambda: date(2020, None, 1))
show('date(2020, 1)', lambda: date(2020, 1))
show('date(year=2020, month=5, day=17)', lambda: date(year=2020, month=5, day=17))

# ordinals and weekdays
for y, m, dd in [(1, 1, 1), (1, 12, 31), (2, 1, 1), (100, 3, 1), (400, 12, 31), (1600, 2, 29),
                 (1900, 3, 1), (1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (9999, 12, 31)]:
    x = date(y, m, dd)
    o = x.toordinal()
    print('ordinal', x, o, repr(date.fromordinal(o)), x.weekday(), x.isoweekday(), x.ctime())
show('fromordinal(0)', lambda: date.fromordinal(0))
show('fromordinal(3652060)', lambda: date.fromordinal(3652060))
show('fromordinal(5.0)', lambda: date.fromordinal(5.0))

# ISO calendar
for x in [date(2019, 12, 30), date(2020, 1, 1), date(2020, 12, 31), date(2021, 1, 3), date(2021, 1, 4),
          date(2026, 12, 31), date(2027, 1, 1), date(1, 1, 1), date(9999, 12, 31)]:
    ic = x.isocalendar()
    print('isocalendar', x, ic, ic.year, ic.week, ic.weekday, ic[0], tuple(ic), ic == tuple(ic), len(ic))
    y, w, wd = ic
    print('  back', repr(date.fromisocalendar(y, w, wd)))
show('fromisocalendar(2020, 53, 7)', lambda: date.fromisocalendar(2020, 53, 7))
show('fromisocalendar(2021, 53, 1)', lambda: date.fromisocalendar(2021, 53, 1))
show('fromisocalendar(2020, 0, 1)', lambda: date.fromisocalendar(2020, 0, 1))
show('fromisocalendar(2020, 1, 8)', lambda: date.fromisocalendar(2020, 1, 8))
show('fromisocalendar(0, 1, 1)', lambda: date.fromisocalendar(0, 1, 1))
show('fromisocalendar(10000, 1, 1)', lambda: date.fromisocalendar(10000, 1, 1))

# ISO strings
for s in ['2020-01-02', '20200102', '2020-W01', '2020W01', '2020-W01-1', '2020W011', '2020-W53-7',
          '2020010101', '2020-1-01', '2020-01-1', '2020/01/01', '2020-02-30', '0000-01-01',
          '2020-00-01', '2020-W54', '2021-W53', 'x', '', '2020-01-02T00:00']:
    show('fromisoformat(%r)' % s, lambda: date.fromisoformat(s))
show('fromisoformat(5)', lambda: date.fromisoformat(5))

# formatting
print(repr(d.strftime('%Y-%m-%d %a %A %b %B %j %U %W %w %u %y %C %G %V %g')))
print(repr(d.strftime('%H:%M:%S %f [%z] [%Z] %% %p %I')))
print(repr(d.strftime('%c | %x | %X | %D | %F | %e | %-d | %-m')))
print(repr(format(d, '%d/%m/%Y')), repr(format(d, '')), repr(f'{d}'), repr(f'{d:%A}'))
show('strftime(5)', lambda: d.strftime(5))
show('__format__(5)', lambda: d.__format__(5))

# replace
show('replace(day=1)', lambda: d.replace(day=1))
show('replace(year=2023)', lambda: d.replace(year=2023))
show('replace(month=13)', lambda: d.replace(month=13))
show('replace(year=None)', lambda: d.replace(year=None))

# arithmetic
show('d + 1 day', lambda: d + timedelta(1))
show('1 day + d', lambda: timedelta(1) + d)
show('d - 60 days', lambda: d - timedelta(60))
show('d + 23 hours', lambda: d + timedelta(hours=23))
show('d - 1 hour', lambda: d - timedelta(hours=1))
show('d - date(2000, 1, 1)', lambda: d - date(2000, 1, 1))
show('date(2000, 1, 1) - d', lambda: date(2000, 1, 1) - d)
show('date.max + 1 day', lambda: date.max + timedelta(1))
show('date.min - 1 day', lambda: date.min - timedelta(1))
show('d + 10**6 days', lambda: d + timedelta(10**6))

# comparisons
e = date(2024, 3, 1)
print('cmp', d < e, d <= e, d > e, d >= e, d == e, d != e, d == date(2024, 2, 29))
print('other', d == 1, d != '2024-02-29')
print('hash', hash(d) == hash(date(2024, 2, 29)), len({d, date(2024, 2, 29), e}))
print('sorted', sorted([e, d, date.min, date.max]))


class Birthday(date):
    def age_on(self, other):
        return other.year - self.year


b = Birthday(1990, 6, 15)
print(repr(b), type(b + timedelta(1)).__name__, repr(b.replace(year=1991)), b.age_on(d))
print(type(Birthday.fromordinal(5)).__name__, type(Birthday.fromisoformat('2020-01-01')).__name__,
      type(Birthday.fromisocalendar(2020, 1, 1)).__name__)
