"""Basic date and time types.

ftl's datetime module, frozen into the ftl binary. It follows CPython
3.11's C implementation (_datetime): the same classes, signatures,
reprs (``datetime.timedelta(days=1, seconds=5)``), str forms, error
messages and exception types, rounding of floats, ISO 8601 parsing and
pickle format (a pickle written by python3 loads here and the other way
round).

Covered:
* MINYEAR, MAXYEAR, UTC;
* timedelta: normalisation of every keyword (ints and floats, rounded
  half to even like CPython), + - * / // % divmod abs with timedeltas,
  ints and floats, total_seconds, comparisons, hash, min/max/resolution;
* date: today, fromtimestamp, fromordinal, fromisoformat (all the
  3.11 forms: YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]),
  fromisocalendar, toordinal, weekday, isoweekday, isocalendar,
  isoformat, ctime, strftime, __format__, replace, timetuple, arithmetic
  with timedelta, comparisons, hash;
* time and datetime with tzinfo and fold: now, utcnow, fromtimestamp,
  utcfromtimestamp, combine, fromisoformat, strptime, timestamp,
  astimezone, date, time, timetz, replace, isoformat (sep, timespec),
  utcoffset/dst/tzname (checked like CPython), timetuple, utctimetuple,
  arithmetic, naive/aware comparison rules (PEP 495 fold included);
* tzinfo (abstract base, default fromutc) and timezone (fixed offsets,
  names such as 'UTC+05:30', timezone.utc/min/max).

strftime formats every directive itself, as glibc does in the C locale
(%a %A %b %B %c %C %d %D %e %f %F %g %G %h %H %I %j %k %l %m %M %n %p
%P %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%, the flags
- _ 0 ^ # and a field width; an unknown directive is copied as is).
strptime accepts the directives of CPython's _strptime (C locale names)
and matches like its regular expression would, backtracking included.

Local time (naive fromtimestamp/today/now, timestamp() of a naive
datetime, astimezone() to or from local time, %s, %Z in strptime) uses
the time module: time.localtime() returning a struct_time with tm_gmtoff
and tm_zone, time.struct_time (timetuple), time.mktime (%s), time.tzname
and time.daylight (strptime %Z). ftl's time module does not have these
yet; the rest of the module does not need them.

Differences from CPython:
* a hash of a naive date, time or datetime is not CPython's (CPython's
  is randomised per process anyway); equal objects hash equal;
* a format that names one strptime directive twice raises ValueError
  (CPython's re.error);
* strptime and strftime use the C locale's names only.
"""

import time as _time
import math as _math

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059          # date.max.toordinal()
_EPOCH_ORDINAL = 719163        # date(1970, 1, 1).toordinal()
_MAX_DELTA_DAYS = 999999999
_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND

# Stands for "argument not given" where None is a value to refuse.
_MISSING = object()

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTHNAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_MONTHNAMES = (None, "January", "February", "March", "April", "May",
                    "June", "July", "August", "September", "October",
                    "November", "December")
_DAYNAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_DAYNAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                  "Saturday", "Sunday")


# === Calendar arithmetic (proleptic Gregorian, ordinal 1 = 0001-01-01) ====

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    days = 0
    for m in range(1, month):
        days += _DAYS_IN_MONTH[m]
    if month > 2 and _is_leap(year):
        days += 1
    return days


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    """(year, month, day) of ordinal n; years outside 1..9999 come out as
    they are (the caller refuses them)."""
    n -= 1                                  # days since 0001-01-01
    cycles, n = divmod(n, 146097)           # 400-year cycles
    year = 1 + 400 * cycles
    centuries, n = divmod(n, 36524)
    if centuries == 4:                      # Dec 31 closing a 400-year cycle
        return year + 399, 12, 31
    year += 100 * centuries
    quads, n = divmod(n, 1461)              # 4-year runs
    year += 4 * quads
    years, n = divmod(n, 365)
    if years == 4:                          # Dec 31 of the leap year
        return year + 3, 12, 31
    year += years
    month = 1
    while True:
        dim = _days_in_month(year, month)
        if n < dim:
            return year, month, n + 1
        n -= dim
        month += 1


def _iso_week1_monday(year):
    """Ordinal of the Monday starting ISO week 1 of year (the week that
    holds the year's first Thursday)."""
    first = _ymd2ord(year, 1, 1)
    first_weekday = (first + 6) % 7         # Monday is 0
    monday = first - first_weekday
    if first_weekday > 3:
        monday += 7
    return monday


def _iso_calendar(year, month, day):
    today = _ymd2ord(year, month, day)
    monday = _iso_week1_monday(year)
    week, weekday = divmod(today - monday, 7)
    if week < 0:
        year -= 1
        week, weekday = divmod(today - _iso_week1_monday(year), 7)
    elif week >= 52 and today >= _iso_week1_monday(year + 1):
        year += 1
        week = 0
    return year, week + 1, weekday + 1


def _iso_to_ymd(year, week, day):
    """(year, month, day) of an ISO date; a str naming the bad field,
    'week' or 'day', when it is invalid."""
    if week <= 0 or week >= 53:
        valid = False
        if week == 53:
            # Only years starting on a Thursday, or leap years starting on
            # a Wednesday, have a week 53.
            first_weekday = (_ymd2ord(year, 1, 1) + 6) % 7
            if first_weekday == 3 or (first_weekday == 2 and _is_leap(year)):
                valid = True
        if not valid:
            return 'week'
    if day <= 0 or day >= 8:
        return 'day'
    return _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)


# === Argument checks ========================================================

def _index(value):
    """value as an int, as C's "i" argument format takes it."""
    if isinstance(value, int):
        return int(value)
    meth = getattr(type(value), '__index__', None)
    if meth is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return meth(value)


def _check_date_fields(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    fold = _index(fold)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo "
                        "subclass, not type '%s'" % type(tz).__name__)


def _type_name(obj):
    """The name CPython's C types print under: 'datetime.date' for this
    module's own classes, the bare class name for a subclass."""
    cls = type(obj)
    if cls in (date, datetime, time, timedelta, timezone, tzinfo):
        return 'datetime.' + cls.__name__
    return cls.__name__


def _check_utc_offset(name, offset):
    """Validate what tzinfo.utcoffset() or dst() returned."""
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError('offset must be a timedelta strictly between '
                         '-timedelta(hours=24) and timedelta(hours=24).')
    return offset


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, "
                        "not '%s'" % type(name).__name__)
    return name


def _divide_and_round(a, b):
    """a / b rounded half to even, for ints."""
    q, r = divmod(a, b)
    # a/b lies between q and q + 1: r/b is the part past q.
    twice = 2 * r
    if b > 0:
        past_half = twice > b
    else:
        past_half = twice < b
    if past_half or (twice == b and q % 2 == 1):
        q += 1
    return q


def _round_half_away(x):
    """C's round(): to the nearest integer, halves away from zero."""
    r = _math.floor(x)
    frac = x - r
    if frac > 0.5 or (frac == 0.5 and x > 0):
        r += 1
    return r


def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')


def _format_offset(off, sep=':'):
    """'+HH:MM[:SS[.ffffff]]' for a UTC offset; '' for None."""
    if off is None:
        return ''
    if off.days < 0:
        sign = '-'
        off = -off
    else:
        sign = '+'
    hh, rest = divmod(off.seconds, 3600)
    mm, ss = divmod(rest, 60)
    us = off.microseconds
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss or us:
        s += '%s%02d' % (sep, ss)
        if us:
            s += '.%06d' % us
    return s


# === strftime ===============================================================

# Composite directives, as glibc spells them in the C locale.
_STRFTIME_COMPOSITE = {
    'c': '%a %b %e %H:%M:%S %Y',
    'D': '%m/%d/%y',
    'F': '%Y-%m-%d',
    'r': '%I:%M:%S %p',
    'R': '%H:%M',
    'T': '%H:%M:%S',
    'x': '%m/%d/%y',
    'X': '%H:%M:%S',
}


def _strftime_field(conv, tt):
    """The text of one glibc directive for the fields tt, as
    (text, is_number, default width, default pad); None if unknown."""
    year, month, day, hour, minute, second, wday, yday = tt
    if conv == 'a':
        return _DAYNAMES[wday], False, 0, ' '
    if conv == 'A':
        return _FULL_DAYNAMES[wday], False, 0, ' '
    if conv in 'bh':
        return _MONTHNAMES[month], False, 0, ' '
    if conv == 'B':
        return _FULL_MONTHNAMES[month], False, 0, ' '
    if conv == 'C':
        return str(year // 100), True, 1, '0'
    if conv == 'd':
        return str(day), True, 2, '0'
    if conv == 'e':
        return str(day), True, 2, ' '
    if conv == 'g':
        return str(_iso_calendar(year, month, day)[0] % 100), True, 2, '0'
    if conv == 'G':
        return str(_iso_calendar(year, month, day)[0]), True, 1, '0'
    if conv == 'H':
        return str(hour), True, 2, '0'
    if conv == 'I':
        return str(hour % 12 or 12), True, 2, '0'
    if conv == 'j':
        return str(yday), True, 3, '0'
    if conv == 'k':
        return str(hour), True, 2, ' '
    if conv == 'l':
        return str(hour % 12 or 12), True, 2, ' '
    if conv == 'm':
        return str(month), True, 2, '0'
    if conv == 'M':
        return str(minute), True, 2, '0'
    if conv == 'n':
        return '\n', False, 0, ' '
    if conv == 'p':
        return ('AM' if hour < 12 else 'PM'), False, 0, ' '
    if conv == 'P':
        return ('am' if hour < 12 else 'pm'), False, 0, ' '
    if conv == 'S':
        return str(second), True, 2, '0'
    if conv == 't':
        return '\t', False, 0, ' '
    if conv == 'u':
        return str(wday + 1), True, 1, '0'
    if conv == 'U':
        sunday_based = (wday + 1) % 7
        return str((yday - 1 + 7 - sunday_based) // 7), True, 2, '0'
    if conv == 'V':
        return str(_iso_calendar(year, month, day)[1]), True, 2, '0'
    if conv == 'w':
        return str((wday + 1) % 7), True, 1, '0'
    if conv == 'W':
        return str((yday - 1 + 7 - wday) // 7), True, 2, '0'
    if conv == 'y':
        return str(year % 100), True, 2, '0'
    if conv == 'Y':
        return str(year), True, 1, '0'
    if conv == 's':
        stamp = _time.mktime((year, month, day, hour, minute, second,
                              wday, yday, -1))
        return str(int(stamp)), True, 1, '0'
    if conv == '%':
        return '%', False, 0, ' '
    return None


def _strftime(fmt, tt, microsecond, offset_text, zone_text):
    """Format tt = (year, month, day, hour, minute, second, weekday,
    yearday) like CPython's datetime strftime on glibc: %z, %Z and %f
    directly after '%' come from the object, the rest as glibc's
    strftime would write them."""
    out = []
    n = len(fmt)
    i = 0
    while i < n:
        c = fmt[i]
        if c != '%':
            out.append(c)
            i += 1
            continue
        if i + 1 >= n:
            out.append('%')
            break
        ch = fmt[i + 1]
        if ch == 'z':
            out.append(offset_text)
            i += 2
            continue
        if ch == 'Z':
            out.append(zone_text)
            i += 2
            continue
        if ch == 'f':
            out.append('%06d' % microsecond)
            i += 2
            continue
        # A glibc conversion: flags, a width, an E/O modifier, a letter.
        start = i
        j = i + 1
        flags = ''
        while j < n and fmt[j] in '-_0^#':
            flags += fmt[j]
            j += 1
        w = j
        while j < n and '0' <= fmt[j] <= '9':
            j += 1
        width = int(fmt[w:j]) if j > w else None
        if j < n and fmt[j] in 'EO':
            j += 1
        if j >= n:
            out.append(fmt[i:])
            break
        conv = fmt[j]
        i = j + 1
        if conv in 'zZ':
            # Behind flags these reach glibc, which knows no zone here.
            continue
        if conv in _STRFTIME_COMPOSITE:
            text = _strftime(_STRFTIME_COMPOSITE[conv], tt, microsecond,
                             offset_text, zone_text)
            is_number, default_width, pad = False, 0, ' '
        else:
            field = _strftime_field(conv, tt)
            if field is None:
                # Unknown to glibc too: copied as it stands.
                out.append(fmt[start:i])
                continue
            text, is_number, default_width, pad = field
        if conv == 'P':
            pass                        # glibc ignores the case flags here
        elif '^' in flags:
            text = text.upper()
        elif '#' in flags:
            if conv in 'aAbBh':
                text = text.upper()
            elif conv == 'p':
                text = text.lower()
        if '0' in flags:
            pad = '0'
        elif '_' in flags or '-' in flags:
            pad = ' '
        if width is None:
            width = 0 if '-' in flags else default_width
            if not is_number:
                width = 0
        if len(text) < width:
            text = pad * (width - len(text)) + text
        out.append(text)
    return ''.join(out)


def _wrap_strftime(obj, fmt, tt, microsecond):
    offset = obj.utcoffset()
    offset_text = _format_offset(offset, '') if offset is not None else ''
    zone = obj.tzname()
    return _strftime(fmt, tt, microsecond, offset_text,
                     zone if zone is not None else '')


# === ISO 8601 parsing (CPython 3.11's C parser) ==============================

def _isdigit(s, i):
    return i < len(s) and '0' <= s[i] <= '9'


def _parse_digits(s, i, count):
    """(value, new index) of exactly count ASCII digits at s[i], or None."""
    if i + count > len(s):
        return None
    value = 0
    for k in range(i, i + count):
        c = s[k]
        if not '0' <= c <= '9':
            return None
        value = value * 10 + (ord(c) - 48)
    return value, i + count


def _char(s, i):
    return s[i] if 0 <= i < len(s) else ''


def _parse_isoformat_date(s):
    """(year, month, day) of an ISO date string, or None when it does not
    parse. Characters after the date are not looked at."""
    r = _parse_digits(s, 0, 4)
    if r is None:
        return None
    year, i = r
    dashes = _char(s, i) == '-'
    if dashes:
        i += 1
    if _char(s, i) == 'W':
        r = _parse_digits(s, i + 1, 2)
        if r is None:
            return None
        week, i = r
        if i < len(s):
            if dashes:
                if s[i] != '-':
                    return None
                i += 1
            r = _parse_digits(s, i, 1)
            if r is None:
                return None
            weekday = r[0]
        else:
            weekday = 1
        ymd = _iso_to_ymd(year, week, weekday)
        if isinstance(ymd, str):
            return None
        return ymd
    r = _parse_digits(s, i, 2)
    if r is None:
        return None
    month, i = r
    if dashes:
        if _char(s, i) != '-':
            return None
        i += 1
    r = _parse_digits(s, i, 2)
    if r is None:
        return None
    return year, month, r[0]


def _isoformat_separator(s):
    """Index of the date/time separator in an ISO datetime string: the
    date forms have different lengths, told apart by characters 4 and 5."""
    n = len(s)
    if n == 7:
        return 7
    if _char(s, 4) == '-':
        if _char(s, 5) == 'W':
            # YYYY-Www (8) or YYYY-Www-D (10)
            if n < 8:
                return -1
            if n > 8 and s[8] == '-':
                if n == 9:
                    return -1
                if n > 10 and _isdigit(s, 10):
                    # YYYY-Www-HH...: take the '-' as the separator.
                    return 8
                return 10
            return 8
        return 10                           # YYYY-MM-DD
    if _char(s, 4) == 'W':
        # YYYYWww (7) or YYYYWwwD (8): count the digits that follow.
        k = 7
        while k < n and _isdigit(s, k):
            k += 1
        if k < 9:
            return k
        return 7 if k % 2 == 0 else 8
    return 8                                # YYYYMMDD


def _parse_hh_mm_ss_ff(s, start, end):
    """Parse [HH[:MM[:SS[.fff]]]] in s[start:end].

    Returns ((hour, minute, second, microsecond), status) where status is
    0 (parsed up to the end of the whole string), 1 (stopped early, at
    end or on a stray character) or negative (malformed)."""
    vals = [0, 0, 0]
    i = start
    has_sep = True
    for k in range(3):
        r = _parse_digits(s, i, 2)
        if r is None:
            return None, -3
        vals[k], i = r
        c = _char(s, i)
        i += 1
        if k == 0:
            has_sep = c == ':'
        if i >= end:
            return (vals[0], vals[1], vals[2], 0), (1 if c != '' else 0)
        if has_sep and c == ':':
            continue
        if c == '.' or c == ',':
            break
        if not has_sep:
            i -= 1
        else:
            return None, -4
    # After the seconds (or a '.' or ',' earlier) comes the fraction.
    to_parse = min(end - i, 6)
    r = _parse_digits(s, i, to_parse)
    if r is None:
        return None, -3
    us, i = r
    if to_parse < 6:
        us *= 10 ** (6 - to_parse)
    while _isdigit(s, i):
        i += 1                              # digits past microseconds
    return (vals[0], vals[1], vals[2], us), (1 if _char(s, i) != '' else 0)


def _parse_isoformat_time(s, start):
    """(hour, minute, second, microsecond, tz) of s[start:], tz being None
    or (offset seconds, offset microseconds); None when invalid."""
    end = len(s)
    tzpos = start
    while True:
        if _char(s, tzpos) in ('Z', '+', '-'):
            break
        tzpos += 1
        if tzpos >= end:
            break
    fields, rv = _parse_hh_mm_ss_ff(s, start, tzpos)
    if rv < 0:
        return None
    if tzpos >= end:
        if rv == 1:
            return None
        return fields + (None,)
    if s[tzpos] == 'Z':
        if tzpos + 1 != end:
            return None
        return fields + ((0, 0),)
    sign = -1 if s[tzpos] == '-' else 1
    tzfields, rv = _parse_hh_mm_ss_ff(s, tzpos + 1, end)
    if rv != 0:
        return None
    th, tm, ts, tus = tzfields
    return fields + ((sign * (th * 3600 + tm * 60 + ts), sign * tus),)


def _tz_from_iso(tz):
    if tz is None:
        return None
    seconds, us = tz
    if seconds == 0:
        # CPython's parser ignores the microseconds of an offset of less
        # than a second: '+00:00:00.5' gives timezone.utc.
        return timezone.utc
    return timezone(timedelta(seconds=seconds, microseconds=us))


def _invalid_iso(s):
    return ValueError('Invalid isoformat string: %r' % (s,))


# === strptime (the matching of CPython's _strptime regular expressions) ===

_D = None      # stands for \d: any Unicode decimal digit
_DIGITS_1_9 = '123456789'

# Each directive is a list of alternatives tried in order, each a list of
# character sets (a str of the allowed characters, or _D).
_STRPTIME_PATTERNS = {
    'd': [['3', '01'], ['12', _D], ['0', _DIGITS_1_9], [_DIGITS_1_9],
          [' ', _DIGITS_1_9]],
    'H': [['2', '0123'], ['01', _D], [_D]],
    'I': [['1', '012'], ['0', _DIGITS_1_9], [_DIGITS_1_9]],
    'G': [[_D, _D, _D, _D]],
    'Y': [[_D, _D, _D, _D]],
    'j': [['3', '6', '0123456'], ['3', '012345', _D], ['12', _D, _D],
          ['0', _DIGITS_1_9, _D], ['0', '0', _DIGITS_1_9],
          [_DIGITS_1_9, _D], ['0', _DIGITS_1_9], [_DIGITS_1_9]],
    'm': [['1', '012'], ['0', _DIGITS_1_9], [_DIGITS_1_9]],
    'M': [['012345', _D], [_D]],
    'S': [['6', '01'], ['012345', _D], [_D]],
    'U': [['5', '0123'], ['01234', _D], [_D]],
    'W': [['5', '0123'], ['01234', _D], [_D]],
    'w': [['0123456']],
    'u': [['1234567']],
    'V': [['5', '0123'], ['0', _DIGITS_1_9], ['1234', _D], [_D]],
    'y': [[_D, _D]],
    'f': [['0123456789'] * k for k in (6, 5, 4, 3, 2, 1)],
}

_STRPTIME_NAMES = {
    'a': [d.lower() for d in _DAYNAMES],
    'A': [d.lower() for d in _FULL_DAYNAMES],
    'b': [m.lower() for m in _MONTHNAMES[1:]],
    'B': [m.lower() for m in _FULL_MONTHNAMES[1:]],
    'p': ['am', 'pm'],
}

# The C locale's %c, %x and %X as _strptime sees them.
_STRPTIME_COMPOSITE = {
    'c': '%a %b %d %H:%M:%S %Y',
    'x': '%m/%d/%y',
    'X': '%H:%M:%S',
}

_REGEX_SPECIALS = '\\.^$*+?(){}[]|'


def _strptime_zone_names():
    names = ['utc', 'gmt', _time.tzname[0].lower()]
    if _time.daylight:
        names.append(_time.tzname[1].lower())
    return names


def _strptime_tokens(fmt, whole):
    tokens = []
    n = len(fmt)
    i = 0
    while i < n:
        c = fmt[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError("stray %% in format '%s'" % whole)
            d = fmt[i + 1]
            if d in _STRPTIME_COMPOSITE:
                tokens.extend(_strptime_tokens(_STRPTIME_COMPOSITE[d], whole))
            elif d == '%':
                tokens.append(('lit', '%'))
            elif d in _STRPTIME_PATTERNS or d in _STRPTIME_NAMES:
                tokens.append(('dir', d))
            elif d == 'z' or d == 'Z':
                tokens.append(('dir', d))
            elif d.isspace() or d in _REGEX_SPECIALS:
                # CPython escapes these before looking at directives, so
                # it reports the '%' itself.
                raise ValueError("'%%' is a bad directive in format '%s'" % whole)
            else:
                raise ValueError("'%s' is a bad directive in format '%s'"
                                 % (d, whole))
            i += 2
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            tokens.append(('ws', None))
        else:
            tokens.append(('lit', c))
            i += 1
    return tokens


def _charset_ok(charset, c):
    if charset is _D:
        return c.isdecimal()
    return c in charset


def _strptime_candidates(d, s, i):
    """End indexes a directive can match at s[i], in the order its regular
    expression would try them."""
    n = len(s)
    ends = []
    if d in _STRPTIME_PATTERNS:
        for alt in _STRPTIME_PATTERNS[d]:
            if i + len(alt) <= n:
                for k in range(len(alt)):
                    if not _charset_ok(alt[k], s[i + k]):
                        break
                else:
                    ends.append(i + len(alt))
        return ends
    if d in _STRPTIME_NAMES or d == 'Z':
        names = _STRPTIME_NAMES[d] if d != 'Z' else _strptime_zone_names()
        names = sorted([x for x in names if x], key=len, reverse=True)
        for name in names:
            if s[i:i + len(name)].lower() == name:
                ends.append(i + len(name))
        return ends
    # 'z': [+-]HH:?MM(:?SS(.f{1,6})?)? or Z
    if i < n and s[i] in '+-' and i + 2 < n and s[i + 1].isdecimal() \
            and s[i + 2].isdecimal():
        p = i + 3
        for colon in ((1, 0) if p < n and s[p] == ':' else (0,)):
            q = p + colon
            if q + 1 < n and s[q] in '012345' and s[q + 1].isdecimal():
                r = q + 2
                for colon2 in ((1, 0) if r < n and s[r] == ':' else (0,)):
                    t = r + colon2
                    if t + 1 < n and s[t] in '012345' and s[t + 1].isdecimal():
                        u = t + 2
                        if u < n and s[u] == '.':
                            k = u + 1
                            while k < n and k - u <= 6 and s[k].isdecimal():
                                k += 1
                            for e in range(k, u + 1, -1):
                                ends.append(e)
                        ends.append(u)
                ends.append(r)
    if i < n and s[i] == 'Z':
        ends.append(i + 1)
    return ends


def _strptime_match(tokens, t, s, i, groups):
    """Index where a match of tokens[t:] against s[i:] ends, or -1."""
    if t == len(tokens):
        return i
    kind, arg = tokens[t]
    if kind == 'lit':
        if i < len(s) and (s[i] == arg or s[i].lower() == arg.lower()):
            return _strptime_match(tokens, t + 1, s, i + 1, groups)
        return -1
    if kind == 'ws':
        j = i
        while j < len(s) and s[j].isspace():
            j += 1
        while j > i:
            r = _strptime_match(tokens, t + 1, s, j, groups)
            if r >= 0:
                return r
            j -= 1
        return -1
    for end in _strptime_candidates(arg, s, i):
        groups[arg] = s[i:end]
        r = _strptime_match(tokens, t + 1, s, end, groups)
        if r >= 0:
            return r
        del groups[arg]
    return -1


def _julian_from_week(year, week, weekday, monday_first):
    """Day of the year (1-based, may be <= 0) of a %U/%W week and a
    weekday (Monday is 0)."""
    first_weekday = date(year, 1, 1).weekday()
    if not monday_first:
        # Count with Sunday as the first day of the week.
        first_weekday = (first_weekday + 1) % 7
        weekday = (weekday + 1) % 7
    week0_length = (7 - first_weekday) % 7
    if week == 0:
        return 1 + weekday - first_weekday
    return 1 + week0_length + 7 * (week - 1) + weekday


def _julian_from_iso(iso_year, iso_week, iso_weekday):
    """(year, day of the year) of an ISO date; the day may fall in the
    previous year."""
    jan4_isoweekday = date(iso_year, 1, 4).isoweekday()
    yday = iso_week * 7 + iso_weekday - (jan4_isoweekday + 3)
    if yday < 1:
        yday += date(iso_year, 1, 1).toordinal()
        iso_year -= 1
        yday -= date(iso_year, 1, 1).toordinal()
    return iso_year, yday


def _strptime(data, fmt):
    """(year, month, day, hour, minute, second, microsecond, tzname,
    gmtoff, gmtoff microseconds) parsed from data by fmt."""
    tokens = _strptime_tokens(fmt, fmt)
    seen = []
    for kind, arg in tokens:
        if kind == 'dir':
            if arg in seen:
                # CPython's regular expression refuses this (re.error).
                raise ValueError('redefinition of group name %r as group %d; '
                                 'was group %d' % (arg, len(seen) + 1,
                                                   seen.index(arg) + 1))
            seen.append(arg)
    groups = {}
    end = _strptime_match(tokens, 0, data, 0, groups)
    if end < 0:
        raise ValueError("time data %r does not match format %r" % (data, fmt))
    if end != len(data):
        raise ValueError("unconverted data remains: %s" % data[end:])

    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    gmtoff = None
    gmtoff_fraction = 0
    iso_year = iso_week = None
    week_of_year = None
    week_starts_monday = False
    weekday = julian = None
    for key in groups:
        value = groups[key]
        if key == 'y':
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(value)
        elif key == 'G':
            iso_year = int(value)
        elif key == 'm':
            month = int(value)
        elif key == 'B':
            month = _STRPTIME_NAMES['B'].index(value.lower()) + 1
        elif key == 'b':
            month = _STRPTIME_NAMES['b'].index(value.lower()) + 1
        elif key == 'd':
            day = int(value)
        elif key == 'H':
            hour = int(value)
        elif key == 'I':
            hour = int(value)
            ampm = groups.get('p', '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm':
                if hour != 12:
                    hour += 12
        elif key == 'M':
            minute = int(value)
        elif key == 'S':
            second = int(value)
        elif key == 'f':
            fraction = int(value + '0' * (6 - len(value)))
        elif key == 'A':
            weekday = _STRPTIME_NAMES['A'].index(value.lower())
        elif key == 'a':
            weekday = _STRPTIME_NAMES['a'].index(value.lower())
        elif key == 'w':
            weekday = int(value)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == 'u':
            weekday = int(value) - 1
        elif key == 'j':
            julian = int(value)
        elif key in ('U', 'W'):
            week_of_year = int(value)
            week_starts_monday = key == 'W'
        elif key == 'V':
            iso_week = int(value)
        elif key == 'z':
            z = value
            if z == 'Z':
                gmtoff = 0
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            raise ValueError('Inconsistent use of : in %s' % value)
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = hours * 3600 + minutes * 60 + seconds
                rest = z[8:]
                gmtoff_fraction = int(rest + '0' * (6 - len(rest)))
                if z.startswith('-'):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the "
                             "ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not "
                             "compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the "
                             "ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the "
                         "year directive '%Y'. Use the ISO year '%G' instead.")

    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904         # a leap year, so that Feb 29 can be checked
        leap_year_fix = True
    elif year is None:
        year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _julian_from_week(year, week_of_year, weekday,
                                       week_starts_monday)
        elif iso_year is not None and iso_week is not None:
            year, julian = _julian_from_iso(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365

    if julian is None:
        # Checks the day against the month (and raises like date does).
        date(year, month, day)
    else:
        found = date.fromordinal(julian - 1 + date(year, 1, 1).toordinal())
        year, month, day = found.year, found.month, found.day
    if leap_year_fix:
        # The caller gave no year: go back to 1900 (and so refuse Feb 29).
        year = 1900
    return (year, month, day, hour, minute, second, fraction,
            groups.get('Z'), gmtoff, gmtoff_fraction)


# === Timestamps and local time =============================================

def _timestamp_parts(t, round_half_even):
    """(whole seconds, microseconds) of a timestamp, as CPython's
    _PyTime_ObjectToTimeval / _PyTime_ObjectToTime_t split it."""
    if isinstance(t, float):
        if t != t:
            raise ValueError('Invalid value NaN (not a number)')
        if not round_half_even:
            whole = _math.floor(t)
            if not -2 ** 63 <= whole < 2 ** 63:
                raise OverflowError('timestamp out of range for platform time_t')
            return whole, 0
        frac, whole = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            us -= 1000000
            whole += 1.0
        elif us < 0:
            us += 1000000
            whole -= 1.0
        if not -2.0 ** 63 <= whole < 2.0 ** 63:
            raise OverflowError('timestamp out of range for platform time_t')
        return int(whole), int(us)
    seconds = _index(t)
    if not -2 ** 63 <= seconds < 2 ** 63:
        raise OverflowError('timestamp out of range for platform time_t')
    return seconds, 0


def _utc_fields(seconds):
    """(year, month, day, hour, minute, second) of a POSIX timestamp."""
    days, rest = divmod(seconds, 86400)
    y, m, d = _ord2ymd(days + _EPOCH_ORDINAL)
    hh, rest = divmod(rest, 3600)
    mm, ss = divmod(rest, 60)
    return y, m, d, hh, mm, ss


def _local_fields(seconds):
    """(year, month, day, hour, minute, second) of a timestamp in the local
    zone. Needs time.localtime()."""
    tm = _time.localtime(seconds)
    return tm[0], tm[1], tm[2], tm[3], tm[4], min(tm[5], 59)


def _fields_to_seconds(y, m, d, hh, mm, ss):
    return ((_ymd2ord(y, m, d) - _EPOCH_ORDINAL) * 86400
            + hh * 3600 + mm * 60 + ss)


def _local_to_seconds(y, m, d, hh, mm, ss, fold):
    """POSIX timestamp of a local wall time (PEP 495: fold=1 picks the
    later of two instants of a repeated hour; in a gap, fold=0 reads the
    time with the offset in force before the gap, fold=1 with the one
    after)."""
    max_fold_seconds = 86400

    def local(u):
        return _fields_to_seconds(*_local_fields(u))

    t = _fields_to_seconds(y, m, d, hh, mm, ss)
    # First guess: the zone's offset at t read as UTC.
    a = local(t) - t
    u1 = t - a
    t1 = local(u1)
    if t1 == t:
        # u1 is a solution; look for another one a day earlier (fold=0
        # wants the earlier of two) or later (fold=1).
        u2 = u1 + (max_fold_seconds if fold else -max_fold_seconds)
        b = local(u2) - u2
        if a == b:
            return u1
    else:
        b = t1 - u1
    u2 = t - b
    t2 = local(u2)
    if t2 == t:
        return u2
    if t1 == t:
        return u1
    # A gap: no instant reads t.
    return min(u1, u2) if fold else max(u1, u2)


def _local_timezone_at(seconds):
    """timezone of the local zone at a timestamp, named like the zone.
    Needs time.localtime() with tm_gmtoff and tm_zone."""
    tm = _time.localtime(seconds)
    return timezone(timedelta(seconds=tm.tm_gmtoff), tm.tm_zone)


# === timedelta ==============================================================

class timedelta:
    """Difference between two datetime values.

    timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)

    All arguments are optional and default to 0.
    Arguments may be integers or floats, and may be positive or negative."""

    __slots__ = ('_days', '_seconds', '_microseconds')

    def __new__(cls, days=0, seconds=0, microseconds=0,
                milliseconds=0, minutes=0, hours=0, weeks=0):
        # Sum everything in microseconds: whole parts exactly as ints,
        # the fractions of float arguments in a float "leftover" that is
        # rounded once at the end.
        total = 0
        leftover = 0.0
        for value, unit, tag in ((microseconds, 1, 'microseconds'),
                                 (milliseconds, 1000, 'milliseconds'),
                                 (seconds, 1000000, 'seconds'),
                                 (minutes, 60000000, 'minutes'),
                                 (hours, 3600000000, 'hours'),
                                 (days, 86400000000, 'days'),
                                 (weeks, 604800000000, 'weeks')):
            if isinstance(value, int):
                total += value * unit
            elif isinstance(value, float):
                frac, whole = _math.modf(value)
                total += int(whole) * unit
                if frac != 0.0:
                    frac, whole = _math.modf(frac * unit)
                    total += int(whole)
                    leftover += frac
            else:
                raise TypeError('unsupported type for timedelta %s '
                                'component: %s' % (tag, type(value).__name__))
        if leftover:
            whole = _round_half_away(leftover)
            if abs(whole - leftover) == 0.5:
                # A tie: round half to even on the final total.
                odd = total & 1
                whole = 2 * _round_half_away((leftover + odd) * 0.5) - odd
            total += int(whole)
        return cls._from_microseconds(total)

    @classmethod
    def _from_microseconds(cls, us):
        seconds, us = divmod(us, _US_PER_SECOND)
        days, seconds = divmod(seconds, 86400)
        if abs(days) > _MAX_DELTA_DAYS:
            if abs(days) > 2147483647:
                raise OverflowError('Python int too large to convert to C int')
            raise OverflowError('days=%d; must have magnitude <= %d'
                                % (days, _MAX_DELTA_DAYS))
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * _US_PER_SECOND + self._microseconds

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        return '%s(%s)' % (_type_name(self), ', '.join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            plural = 's' if abs(self._days) != 1 else ''
            s = '%d day%s, ' % (self._days, plural) + s
        if self._microseconds:
            s += '.%06d' % self._microseconds
        return s

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._to_microseconds() / 10 ** 6

    @property
    def days(self):
        """Number of days."""
        return self._days

    @property
    def seconds(self):
        """Number of seconds (>= 0 and less than 1 day)."""
        return self._seconds

    @property
    def microseconds(self):
        """Number of microseconds (>= 0 and less than 1 second)."""
        return self._microseconds

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() +
                                                other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() -
                                                other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(other._to_microseconds() -
                                                self._to_microseconds())
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return timedelta._from_microseconds(self._to_microseconds())

    def __abs__(self):
        if self._days < 0:
            return -self
        return +self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(
                _divide_and_round(self._to_microseconds() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(
                _divide_and_round(self._to_microseconds(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(
                _divide_and_round(b * self._to_microseconds(), a))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() %
                                                other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._key() != other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return (self._days != 0 or self._seconds != 0 or
                self._microseconds != 0)

    def __reduce__(self):
        return (type(self), self._key())


timedelta.min = timedelta(-_MAX_DELTA_DAYS)
timedelta.max = timedelta(days=_MAX_DELTA_DAYS, hours=23, minutes=59,
                          seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# === date ===================================================================

class date:
    """date(year, month, day) --> date object"""

    __slots__ = ('_year', '_month', '_day')

    def __new__(cls, year, month=_MISSING, day=_MISSING):
        if (month is _MISSING and isinstance(year, bytes) and len(year) == 4
                and 1 <= year[2] <= 12):
            # The pickle state: year (2 bytes), month, day.
            self = object.__new__(cls)
            self._year = year[0] * 256 + year[1]
            self._month = year[2]
            self._day = year[3]
            return self
        if month is _MISSING:
            raise TypeError("function missing required argument 'month' (pos 2)")
        if day is _MISSING:
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        return self

    # -- other constructors

    @classmethod
    def fromtimestamp(cls, t):
        "Construct a date from a POSIX timestamp (like time.time())."
        seconds, us = _timestamp_parts(t, False)
        y, m, d, hh, mm, ss = _local_fields(seconds)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        "Construct a date from time.time()."
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """Construct a date from a proleptic Gregorian ordinal.

        January 1 of year 1 is day 1.  Only the year, month and day are
        non-zero in the result.
        """
        n = _index(n)
        if n < 1:
            raise ValueError('ordinal must be >= 1')
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        """Construct a date from a string in ISO 8601 format."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        ymd = None
        if len(date_string) in (7, 8, 10):
            ymd = _parse_isoformat_date(date_string)
        if ymd is None:
            raise _invalid_iso(date_string)
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """Construct a date from the ISO year, week number and weekday.

        This is the inverse of the date.isocalendar() function"""
        year = _index(year)
        week = _index(week)
        day = _index(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError('Year is out of range: %d' % year)
        ymd = _iso_to_ymd(year, week, day)
        if ymd == 'week':
            raise ValueError('Invalid week: %d' % week)
        if ymd == 'day':
            raise ValueError('Invalid day: %d (range is [1, 7])' % day)
        return cls(*ymd)

    # -- conversions to string

    def __repr__(self):
        return '%s(%d, %d, %d)' % (_type_name(self), self._year,
                                   self._month, self._day)

    def ctime(self):
        "Return ctime() style string."
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAYNAMES[weekday - 1],
                                            _MONTHNAMES[self._month],
                                            self._day, self._year)

    def strftime(self, format):
        "format -> strftime() style string."
        if not isinstance(format, str):
            raise TypeError('strftime() argument 1 must be str, not %s'
                            % type(format).__name__)
        tt = (self._year, self._month, self._day, 0, 0, 0, self.weekday(),
              self._yday())
        return _strftime(format, tt, 0, '', '')

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('__format__() argument 1 must be str, not %s'
                            % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        """Return the date formatted according to ISO.

        This is 'YYYY-MM-DD'.
        """
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    # -- fields

    @property
    def year(self):
        """year (1-9999)"""
        return self._year

    @property
    def month(self):
        """month (1-12)"""
        return self._month

    @property
    def day(self):
        """day (1-31)"""
        return self._day

    # -- computations

    def _yday(self):
        return _days_before_month(self._year, self._month) + self._day

    def timetuple(self):
        "Return local time tuple compatible with time.localtime()."
        return _time.struct_time((self._year, self._month, self._day,
                                  0, 0, 0, self.weekday(), self._yday(), -1))

    def toordinal(self):
        """Return proleptic Gregorian ordinal for the year, month and day.

        January 1 of year 1 is day 1.  Only the year, month and day values
        contribute to the result.
        """
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=_MISSING, month=_MISSING, day=_MISSING):
        """Return date with new specified fields."""
        if year is _MISSING:
            year = self._year
        if month is _MISSING:
            month = self._month
        if day is _MISSING:
            day = self._day
        return type(self)(year, month, day)

    # -- comparisons
    # A date compares with any date, a datetime's date part included (as
    # CPython's C code does); datetime's own methods, tried first when
    # the other operand is a datetime, refuse that mix.

    def _cmp_key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date):
            return self._cmp_key() == other._cmp_key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, date):
            return self._cmp_key() != other._cmp_key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date):
            return self._cmp_key() <= other._cmp_key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date):
            return self._cmp_key() < other._cmp_key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date):
            return self._cmp_key() >= other._cmp_key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date):
            return self._cmp_key() > other._cmp_key()
        return NotImplemented

    def __hash__(self):
        return hash(self._cmp_key())

    # -- arithmetic

    def __add__(self, other):
        "Add a date to a timedelta."
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self)(*_ord2ymd(o))
            raise OverflowError('date value out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        """Subtract two dates, or a date and a timedelta."""
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        "Return day of the week, where Monday == 0 ... Sunday == 6."
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        "Return day of the week, where Monday == 1 ... Sunday == 7."
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        """Return a named tuple containing ISO year, week number, and weekday.

        The first ISO week of the year is the (Mon-Sun) week
        containing the year's first Thursday; everything else derives
        from that.
        """
        return _IsoCalendarDate(*_iso_calendar(self._year, self._month, self._day))

    # -- pickle support

    def _getstate(self):
        yhi, ylo = divmod(self._year, 256)
        return (bytes([yhi, ylo, self._month, self._day]),)

    def __reduce__(self):
        return (type(self), self._getstate())


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class IsoCalendarDate(tuple):

    def __new__(cls, year, week, weekday, /):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        # Pickled as a plain tuple, as CPython does.
        return (tuple, (tuple(self),))

    def __repr__(self):
        name = self.__class__.__name__
        if type(self) is _IsoCalendarDate:
            name = 'datetime.' + name
        return '%s(year=%d, week=%d, weekday=%d)' % (name, self[0], self[1],
                                                     self[2])


# Not a public name of the module, as in CPython.
_IsoCalendarDate = IsoCalendarDate
del IsoCalendarDate


# === tzinfo and timezone ======================================================

class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        "datetime -> string name of time zone."
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        "datetime -> timedelta, positive for east of UTC, negative for west of UTC"
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        """datetime -> DST offset as timedelta, positive for east of UTC.

        Return 0 if DST not in effect.  utcoffset() must include the DST
        offset.
        """
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        "datetime in UTC -> datetime in local time."
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError('fromutc: non-None utcoffset() result required')
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError('fromutc: non-None dst() result required')
        # Standard time is the offset less DST; move to it, then add the
        # DST in force at that standard time.
        dt += dtoff - dtdst
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError('fromutc: tz.dst() gave inconsistent results; '
                             'cannot convert')
        if dtdst:
            dt += dtdst
        return dt

    # -- pickle support

    def __reduce__(self):
        getinitargs = getattr(self, '__getinitargs__', None)
        if getinitargs:
            args = getinitargs()
        else:
            args = ()
        state = getattr(self, '__dict__', None) or None
        return (self.__class__, args, state)


# For methods whose tzinfo parameter hides the class.
_tzinfo_class = tzinfo


class timezone(tzinfo):
    """Fixed offset from UTC implementation of tzinfo."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=_MISSING):
        if not isinstance(offset, timedelta):
            raise TypeError('timezone() argument 1 must be datetime.timedelta, '
                            'not %s' % type(offset).__name__)
        if name is _MISSING:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError('timezone() argument 2 must be str, not %s'
                            % ('None' if name is None else type(name).__name__))
        if not -timedelta(1) < offset < timedelta(1):
            raise ValueError('offset must be a timedelta strictly between '
                             '-timedelta(hours=24) and timedelta(hours=24), '
                             'not %r.' % (offset,))
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        """pickle support"""
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__(), None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timezone):
            return self._offset != other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        """Convert to formal string, for repr()."""
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return 'datetime.timezone(%r)' % (self._offset,)
        return 'datetime.timezone(%r, %r)' % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    @staticmethod
    def _check_argument(dt, what):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError('%s(dt) argument must be a datetime instance or '
                            'None, not %s' % (what, type(dt).__name__))

    def utcoffset(self, dt):
        self._check_argument(dt, 'utcoffset')
        return self._offset

    def tzname(self, dt):
        self._check_argument(dt, 'tzname')
        if self._name is None:
            return self._name_from_offset(self._offset)
        return self._name

    def dst(self, dt):
        self._check_argument(dt, 'dst')
        return None

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return 'UTC'
        if delta.days < 0:
            sign = '-'
            delta = -delta
        else:
            sign = '+'
        hours, rest = divmod(delta.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        if delta.microseconds:
            return 'UTC%s%02d:%02d:%02d.%06d' % (sign, hours, minutes, seconds,
                                                 delta.microseconds)
        if seconds:
            return 'UTC%s%02d:%02d:%02d' % (sign, hours, minutes, seconds)
        return 'UTC%s%02d:%02d' % (sign, hours, minutes)


timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# === time ===================================================================

class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object

    All arguments are optional. tzinfo may be None, or an instance of
    a tzinfo subclass. The remaining arguments may be ints.
    """

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo',
                 '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None,
                *, fold=0):
        if (isinstance(hour, bytes) and len(hour) == 6
                and (hour[0] & 0x7F) < 24):
            # The pickle state; the second argument is the tzinfo.
            state = hour
            tz = None if minute == 0 else minute
            if tz is not None and not isinstance(tz, _tzinfo_class):
                raise TypeError('bad tzinfo state arg')
            self = object.__new__(cls)
            self._hour = state[0] & 0x7F
            self._minute = state[1]
            self._second = state[2]
            self._microsecond = (state[3] << 16) | (state[4] << 8) | state[5]
            self._fold = 1 if state[0] > 127 else 0
            self._tzinfo = tz
            return self
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    # -- fields

    @property
    def hour(self):
        """hour (0-23)"""
        return self._hour

    @property
    def minute(self):
        """minute (0-59)"""
        return self._minute

    @property
    def second(self):
        """second (0-59)"""
        return self._second

    @property
    def microsecond(self):
        """microsecond (0-999999)"""
        return self._microsecond

    @property
    def tzinfo(self):
        """timezone info object"""
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    # -- comparisons

    def _cmp(self, other, allow_mixed=False):
        """-1, 0 or 1; None for naive against aware under ==/!=."""
        mytz = self._tzinfo
        ottz = other._tzinfo
        if mytz is ottz:
            myoff = otoff = None
            same = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            same = myoff == otoff
        if same:
            a = (self._hour, self._minute, self._second, self._microsecond)
            b = (other._hour, other._minute, other._second, other._microsecond)
        else:
            if myoff is None or otoff is None:
                if allow_mixed:
                    return None
                raise TypeError("can't compare offset-naive and offset-aware times")
            # Minutes past midnight UTC; the offsets' microseconds are not
            # counted, as in CPython.
            a = (self._hour * 3600 + self._minute * 60 + self._second
                 - myoff.days * 86400 - myoff.seconds, self._microsecond)
            b = (other._hour * 3600 + other._minute * 60 + other._second
                 - otoff.days * 86400 - otoff.seconds, other._microsecond)
        return 0 if a == b else (1 if a > b else -1)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._cmp(other, True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._cmp(other, True) != 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._cmp(other) <= 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._cmp(other) < 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._cmp(other) >= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._cmp(other) > 0
        return NotImplemented

    def __hash__(self):
        """Hash."""
        t = self
        if self._fold:
            t = self.replace(fold=0)
        off = t.utcoffset()
        if off is None:
            return hash((t._hour, t._minute, t._second, t._microsecond))
        return hash((t._hour * 3600 + t._minute * 60 + t._second
                     - off.days * 86400 - off.seconds, t._microsecond))

    # -- conversion to string

    def __repr__(self):
        """Convert to formal string, for repr()."""
        if self._microsecond:
            s = '%s(%d, %d, %d, %d)' % (_type_name(self), self._hour,
                                        self._minute, self._second,
                                        self._microsecond)
        elif self._second:
            s = '%s(%d, %d, %d)' % (_type_name(self), self._hour,
                                    self._minute, self._second)
        else:
            s = '%s(%d, %d)' % (_type_name(self), self._hour, self._minute)
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r)' % (self._tzinfo,)
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def isoformat(self, timespec='auto'):
        """Return the time formatted according to ISO.

        The full format is 'HH:MM:SS.mmmmmm+zz:zz'. By default, the fractional
        part is omitted if self.microsecond == 0.

        The optional argument timespec specifies the number of additional
        terms of the time to include. Valid options are 'auto', 'hours',
        'minutes', 'seconds', 'milliseconds' and 'microseconds'.
        """
        if not isinstance(timespec, str):
            raise TypeError('isoformat() argument 1 must be str, not %s'
                            % type(timespec).__name__)
        s = _format_time(self._hour, self._minute, self._second,
                         self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat()

    @classmethod
    def fromisoformat(cls, time_string):
        """Construct a time from a string in one of the ISO 8601 formats."""
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        start = 1 if time_string[:1] == 'T' else 0
        parsed = _parse_isoformat_time(time_string, start)
        if parsed is None:
            raise _invalid_iso(time_string)
        hh, mm, ss, us, tz = parsed
        return cls(hh, mm, ss, us, _tz_from_iso(tz))

    def strftime(self, format):
        """Format using strftime().  The date part of the timestamp passed
        to underlying strftime should not be used.
        """
        if not isinstance(format, str):
            raise TypeError('strftime() argument 1 must be str, not %s'
                            % type(format).__name__)
        # The date part is 1900-01-01, a Monday.
        tt = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1)
        return _wrap_strftime(self, format, tt, self._microsecond)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('__format__() argument 1 must be str, not %s'
                            % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    # -- timezone information

    def utcoffset(self):
        """Return the timezone offset as timedelta, positive east of UTC
         (negative west of UTC)."""
        if self._tzinfo is None:
            return None
        return _check_utc_offset('utcoffset', self._tzinfo.utcoffset(None))

    def tzname(self):
        """Return the timezone name.

        Note that the name is 100% informational -- there's no requirement that
        it mean anything in particular. For example, "GMT", "UTC", "-500",
        "-5:00", "EDT", "US/Eastern", "America/New York" are all valid replies.
        """
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(None))

    def dst(self):
        """Return 0 if DST is not in effect, or the DST offset (as timedelta
        positive eastward) if DST is in effect.
        """
        if self._tzinfo is None:
            return None
        return _check_utc_offset('dst', self._tzinfo.dst(None))

    def replace(self, hour=_MISSING, minute=_MISSING, second=_MISSING,
                microsecond=_MISSING, tzinfo=True, *, fold=_MISSING):
        """Return a new time with new values for the specified fields."""
        if hour is _MISSING:
            hour = self._hour
        if minute is _MISSING:
            minute = self._minute
        if second is _MISSING:
            second = self._second
        if microsecond is _MISSING:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is _MISSING:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    # -- pickle support

    def _getstate(self, protocol=3):
        us2, us3 = divmod(self._microsecond, 256)
        us1, us2 = divmod(us2, 256)
        h = self._hour
        if self._fold and protocol > 3:
            h += 128
        state = bytes([h, self._minute, self._second, us1, us2, us3])
        if self._tzinfo is None:
            return (state,)
        return (state, self._tzinfo)

    def __reduce_ex__(self, protocol):
        return (type(self), self._getstate(protocol))

    def __reduce__(self):
        return self.__reduce_ex__(2)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# === datetime =================================================================

class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])

    The year, month and day arguments are required. tzinfo may be None, or an
    instance of a tzinfo subclass. The remaining arguments may be ints.
    """

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo',
                 '_fold')

    def __new__(cls, year, month=_MISSING, day=_MISSING, hour=0, minute=0,
                second=0, microsecond=0, tzinfo=None, *, fold=0):
        if (isinstance(year, bytes) and len(year) == 10
                and 1 <= (year[2] & 0x7F) <= 12):
            # The pickle state; the second argument is the tzinfo.
            state = year
            tz = None if month is _MISSING else month
            if tz is not None and not isinstance(tz, _tzinfo_class):
                raise TypeError('bad tzinfo state arg')
            self = object.__new__(cls)
            self._year = state[0] * 256 + state[1]
            self._month = state[2] & 0x7F
            self._fold = 1 if state[2] > 127 else 0
            self._day = state[3]
            self._hour = state[4]
            self._minute = state[5]
            self._second = state[6]
            self._microsecond = (state[7] << 16) | (state[8] << 8) | state[9]
            self._tzinfo = tz
            return self
        if month is _MISSING:
            raise TypeError("function missing required argument 'month' (pos 2)")
        if day is _MISSING:
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._fold = fold
        return self

    # -- fields

    @property
    def hour(self):
        """hour (0-23)"""
        return self._hour

    @property
    def minute(self):
        """minute (0-59)"""
        return self._minute

    @property
    def second(self):
        """second (0-59)"""
        return self._second

    @property
    def microsecond(self):
        """microsecond (0-999999)"""
        return self._microsecond

    @property
    def tzinfo(self):
        """timezone info object"""
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    # -- other constructors

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        seconds, us = _timestamp_parts(t, True)
        if utc:
            y, m, d, hh, mm, ss = _utc_fields(seconds)
        else:
            y, m, d, hh, mm, ss = _local_fields(seconds)
        fold = 0
        if tz is None and not utc:
            # Is this the second reading of a repeated local hour? Compare
            # with the local reading a day earlier: if the clock went back
            # since then, and the instant that far back reads the same, it
            # is the second time round.
            max_fold_seconds = 86400
            reading = _fields_to_seconds(y, m, d, hh, mm, ss)
            probe = _fields_to_seconds(*_local_fields(seconds - max_fold_seconds))
            transition = reading - probe - max_fold_seconds
            if transition < 0:
                probe = _fields_to_seconds(*_local_fields(seconds + transition))
                if probe == reading:
                    fold = 1
        result = cls(y, m, d, hh, mm, ss, us, tz, fold=fold)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """Construct a datetime from a POSIX timestamp (like time.time()).

        A timezone info object may be passed in as well.
        """
        _check_tzinfo_arg(tz)
        return cls._fromtimestamp(t, tz is not None, tz)

    @classmethod
    def utcfromtimestamp(cls, t):
        """Construct a naive UTC datetime from a POSIX timestamp."""
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        "Construct a datetime from time.time() and optional time zone info."
        _check_tzinfo_arg(tz)
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        "Construct a UTC datetime from time.time()."
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        "Construct a datetime from a given date and a given time."
        if not isinstance(date, _date_class):
            raise TypeError('combine() argument 1 must be datetime.date, not %s'
                            % type(date).__name__)
        if not isinstance(time, _time_class):
            raise TypeError('combine() argument 2 must be datetime.time, not %s'
                            % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day,
                   time.hour, time.minute, time.second, time.microsecond,
                   tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """Construct a datetime from a string in one of the ISO 8601 formats."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        sep = _isoformat_separator(date_string)
        ymd = None
        if sep >= 0:
            ymd = _parse_isoformat_date(date_string[:sep])
        if ymd is None:
            raise _invalid_iso(date_string)
        hh = mm = ss = us = 0
        tz = None
        if len(date_string) > sep:
            parsed = _parse_isoformat_time(date_string, sep + 1)
            if parsed is None:
                raise _invalid_iso(date_string)
            hh, mm, ss, us, tz = parsed
        return cls(ymd[0], ymd[1], ymd[2], hh, mm, ss, us, _tz_from_iso(tz))

    @classmethod
    def strptime(cls, date_string, format):
        'string, format -> new datetime parsed from a string (like time.strptime()).'
        if not isinstance(date_string, str):
            raise TypeError('strptime() argument 1 must be str, not %s'
                            % type(date_string).__name__)
        if not isinstance(format, str):
            raise TypeError('strptime() argument 2 must be str, not %s'
                            % type(format).__name__)
        (y, m, d, hh, mm, ss, us,
         tzname, gmtoff, gmtoff_fraction) = _strptime(date_string, format)
        if gmtoff is None:
            return cls(y, m, d, hh, mm, ss, us)
        delta = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        if tzname:
            tz = timezone(delta, tzname)
        else:
            tz = timezone(delta)
        return cls(y, m, d, hh, mm, ss, us, tz)

    # -- conversions

    def timetuple(self):
        "Return local time tuple compatible with time.localtime()."
        dst = self.dst()
        if dst is None:
            dst = -1
        elif dst:
            dst = 1
        else:
            dst = 0
        return _time.struct_time((self._year, self._month, self._day,
                                  self._hour, self._minute, self._second,
                                  self.weekday(), self._yday(), dst))

    def _local_seconds(self):
        return _local_to_seconds(self._year, self._month, self._day,
                                 self._hour, self._minute, self._second,
                                 self._fold)

    def timestamp(self):
        "Return POSIX timestamp as float"
        if self._tzinfo is None:
            return self._local_seconds() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        "Return UTC time tuple compatible with time.gmtime()."
        offset = self.utcoffset()
        if offset:
            self -= offset
        return _time.struct_time((self._year, self._month, self._day,
                                  self._hour, self._minute, self._second,
                                  self.weekday(), self._yday(), 0))

    def date(self):
        "Return the date part."
        return _date_class(self._year, self._month, self._day)

    def time(self):
        "Return the time part, with tzinfo None."
        return _time_class(self._hour, self._minute, self._second,
                           self._microsecond, fold=self._fold)

    def timetz(self):
        "Return the time part, with same tzinfo."
        return _time_class(self._hour, self._minute, self._second,
                           self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=_MISSING, month=_MISSING, day=_MISSING,
                hour=_MISSING, minute=_MISSING, second=_MISSING,
                microsecond=_MISSING, tzinfo=True, *, fold=_MISSING):
        """Return a new datetime with new values for the specified fields."""
        if year is _MISSING:
            year = self._year
        if month is _MISSING:
            month = self._month
        if day is _MISSING:
            day = self._day
        if hour is _MISSING:
            hour = self._hour
        if minute is _MISSING:
            minute = self._minute
        if second is _MISSING:
            second = self._second
        if microsecond is _MISSING:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is _MISSING:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second,
                          microsecond, tzinfo, fold=fold)

    def _local_timezone(self):
        if self._tzinfo is None:
            ts = self._local_seconds()
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        return _local_timezone_at(ts)

    def astimezone(self, tz=None):
        """Convert to the time zone tz (the local zone when None)."""
        _check_tzinfo_arg(tz)
        mytz = self._tzinfo
        if mytz is None:
            mytz = _local_timezone_at(self._local_seconds())
        if tz is mytz:
            return self
        myoffset = _check_utc_offset('utcoffset', mytz.utcoffset(self))
        if myoffset is None:
            # A tzinfo that does not know: take self as local time.
            mytz = _local_timezone_at(self._local_seconds())
            if tz is mytz:
                return self
            myoffset = mytz.utcoffset(self)
        # Convert self to UTC, and attach the new time zone object.
        utc = (self - myoffset).replace(tzinfo=timezone.utc)
        if tz is None:
            tz = utc._local_timezone()
        return tz.fromutc(utc.replace(tzinfo=tz))

    # -- conversions to string

    def ctime(self):
        "Return ctime() style string."
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (
            _DAYNAMES[weekday - 1], _MONTHNAMES[self._month], self._day,
            self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        """Return the time formatted according to ISO.

        The full format looks like 'YYYY-MM-DD HH:MM:SS.mmmmmm'.
        By default, the fractional part is omitted if self.microsecond == 0.

        If self.tzinfo is not None, the UTC offset is also attached, giving
        giving a full format of 'YYYY-MM-DD HH:MM:SS.mmmmmm+HH:MM'.

        Optional argument sep specifies the separator between date and
        time, default 'T'.

        The optional argument timespec specifies the number of additional
        terms of the time to include. Valid options are 'auto', 'hours',
        'minutes', 'seconds', 'milliseconds' and 'microseconds'.
        """
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError('isoformat() argument 1 must be a unicode '
                            'character, not %s' % type(sep).__name__)
        if not isinstance(timespec, str):
            raise TypeError('isoformat() argument 2 must be str, not %s'
                            % type(timespec).__name__)
        s = '%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep)
        s += _format_time(self._hour, self._minute, self._second,
                          self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __repr__(self):
        """Convert to formal string, for repr()."""
        fields = [self._year, self._month, self._day,
                  self._hour, self._minute, self._second, self._microsecond]
        if fields[-1] == 0:
            del fields[-1]
            if fields[-1] == 0:
                del fields[-1]
        s = '%s(%s)' % (_type_name(self), ', '.join([str(f) for f in fields]))
        if self._fold:
            s = s[:-1] + ', fold=1)'
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r)' % (self._tzinfo,)
        return s

    def __str__(self):
        "Convert to string, for str()."
        return self.isoformat(sep=' ')

    def strftime(self, format):
        "format -> strftime() style string."
        if not isinstance(format, str):
            raise TypeError('strftime() argument 1 must be str, not %s'
                            % type(format).__name__)
        tt = (self._year, self._month, self._day, self._hour, self._minute,
              self._second, self.weekday(), self._yday())
        return _wrap_strftime(self, format, tt, self._microsecond)

    # -- timezone information

    def utcoffset(self):
        """Return the timezone offset as timedelta positive east of UTC (negative west of
        UTC)."""
        if self._tzinfo is None:
            return None
        return _check_utc_offset('utcoffset', self._tzinfo.utcoffset(self))

    def tzname(self):
        """Return the timezone name.

        Note that the name is 100% informational -- there's no requirement that
        it mean anything in particular. For example, "GMT", "UTC", "-500",
        "-5:00", "EDT", "US/Eastern", "America/New York" are all valid replies.
        """
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(self))

    def dst(self):
        """Return 0 if DST is not in effect, or the DST offset (as timedelta
        positive eastward) if DST is in effect.

        This is purely informational; the DST offset has already been added to
        the UTC offset returned by utcoffset() if applicable, so there's no
        need to consult dst() unless you're interested in displaying the DST
        info.
        """
        if self._tzinfo is None:
            return None
        return _check_utc_offset('dst', self._tzinfo.dst(self))

    # -- comparisons

    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond)

    def _flip_fold_offset(self):
        return self.replace(fold=not self._fold).utcoffset()

    def _pep495_exception(self, other, myoff, otoff):
        """True when equality must be refused because an offset depends on
        fold (an inter-zone comparison inside a fold or a gap)."""
        flip = self._flip_fold_offset()
        if flip is not myoff and flip != myoff:
            return True
        flip = other._flip_fold_offset()
        if flip is not otoff and flip != otoff:
            return True
        return False

    def _cmp(self, other, eq):
        """-1, 0 or 1 comparing self with the datetime other; None when they
        are unequal and cannot be ordered (== and != only)."""
        if self._tzinfo is other._tzinfo:
            a, b = self._fields(), other._fields()
            return 0 if a == b else (1 if a > b else -1)
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff is otoff or (myoff is not None and otoff is not None
                              and myoff == otoff):
            a, b = self._fields(), other._fields()
            diff = 0 if a == b else (1 if a > b else -1)
            if eq and diff == 0 and self._pep495_exception(other, myoff, otoff):
                diff = 1
            return diff
        if myoff is not None and otoff is not None:
            delta = self - other
            diff = 0 if not delta else (1 if delta.days >= 0 else -1)
            if eq and diff == 0 and self._pep495_exception(other, myoff, otoff):
                diff = 1
            return diff
        if eq:
            return None
        raise TypeError("can't compare offset-naive and offset-aware datetimes")

    def _compare_with(self, other, eq):
        if isinstance(other, datetime):
            return self._cmp(other, eq)
        if isinstance(other, _date_class):
            if eq:
                return None
            raise TypeError("can't compare %s to %s"
                            % (_type_name(self), _type_name(other)))
        return NotImplemented

    def __eq__(self, other):
        c = self._compare_with(other, True)
        if c is NotImplemented:
            return c
        return c == 0

    def __ne__(self, other):
        c = self._compare_with(other, True)
        if c is NotImplemented:
            return c
        return c != 0

    def __le__(self, other):
        c = self._compare_with(other, False)
        if c is NotImplemented:
            return c
        return c <= 0

    def __lt__(self, other):
        c = self._compare_with(other, False)
        if c is NotImplemented:
            return c
        return c < 0

    def __ge__(self, other):
        c = self._compare_with(other, False)
        if c is NotImplemented:
            return c
        return c >= 0

    def __gt__(self, other):
        c = self._compare_with(other, False)
        if c is NotImplemented:
            return c
        return c > 0

    def __hash__(self):
        t = self
        if self._fold:
            t = self.replace(fold=0)
        offset = t.utcoffset()
        if offset is None:
            return hash(t._fields())
        days = _ymd2ord(t._year, t._month, t._day)
        seconds = t._hour * 3600 + t._minute * 60 + t._second
        return hash(timedelta(days, seconds, t._microsecond) - offset)

    # -- arithmetic

    def __add__(self, other):
        "Add a datetime and a timedelta."
        if not isinstance(other, timedelta):
            return NotImplemented
        us = (((self.toordinal() + other.days) * 86400
               + self._hour * 3600 + self._minute * 60 + self._second
               + other.seconds) * _US_PER_SECOND
              + self._microsecond + other.microseconds)
        days, us = divmod(us, _US_PER_DAY)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError('date value out of range')
        seconds, us = divmod(us, _US_PER_SECOND)
        hh, rest = divmod(seconds, 3600)
        mm, ss = divmod(rest, 60)
        y, m, d = _ord2ymd(days)
        return type(self)(y, m, d, hh, mm, ss, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        "Subtract two datetimes, or a datetime and a timedelta."
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self + -other
            return NotImplemented
        days1 = self.toordinal()
        days2 = other.toordinal()
        secs1 = self._second + self._minute * 60 + self._hour * 3600
        secs2 = other._second + other._minute * 60 + other._hour * 3600
        base = timedelta(days1 - days2, secs1 - secs2,
                         self._microsecond - other._microsecond)
        if self._tzinfo is other._tzinfo:
            return base
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return base
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return base + otoff - myoff

    # -- pickle support

    def _getstate(self, protocol=3):
        yhi, ylo = divmod(self._year, 256)
        us2, us3 = divmod(self._microsecond, 256)
        us1, us2 = divmod(us2, 256)
        m = self._month
        if self._fold and protocol > 3:
            m += 128
        state = bytes([yhi, ylo, m, self._day, self._hour, self._minute,
                       self._second, us1, us2, us3])
        if self._tzinfo is None:
            return (state,)
        return (state, self._tzinfo)

    def __reduce_ex__(self, protocol):
        return (type(self), self._getstate(protocol))

    def __reduce__(self):
        return self.__reduce_ex__(2)


# Names for the classes that datetime's methods shadow with parameters
# or methods of the same name.
_date_class = date
_time_class = time

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
