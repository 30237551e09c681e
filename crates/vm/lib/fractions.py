"""Rational numbers: the Fraction type.

ftl's fractions module, frozen into the ftl binary, with CPython 3.11's
names, reprs, error messages and results. A Fraction is an immutable pair
of ints (numerator, denominator) kept in lowest terms with a positive
denominator.

Covered: Fraction(int | Fraction | float | str), Fraction(a, b) for ints
and Fractions; from_float, limit_denominator, as_integer_ratio, the
numerator/denominator properties; + - * / // % divmod ** with ints,
floats and Fractions on either side (a float operand gives a float
result, as in CPython); comparisons with ints, floats and Fractions;
hash equal to the hash of an equal int or float (the scheme of
sys.hash_info); round (half to even, with ndigits), math.floor / ceil /
trunc, int(), float(), bool(), str/repr, pickling and copying.

String syntax is CPython's: optional surrounding whitespace, a sign,
then either "N/D" or a decimal with optional fraction and exponent, with
single underscores allowed between digits ("1_000/3", " -1.5e3 ").

Left out, and why:
* the numbers ABCs (numbers.Rational and register): ftl has no abc /
  metaclasses yet, so "rational" here means int (bool included) or
  Fraction. Any other type is refused with CPython's TypeError.
* Decimal: ftl has no decimal module yet. Fraction(Decimal) and
  from_decimal work through Decimal.as_integer_ratio() once a module
  named decimal exists; until then from_decimal accepts ints only.
* complex operands (ftl has no complex type yet): Fraction op complex
  gives NotImplemented and so a TypeError.
* Fraction.is_integer and format specs for Fraction are Python 3.12;
  format() with a non-empty spec raises TypeError as in 3.11.
"""

import math
import sys

__all__ = ['Fraction']

# The modulus and the hash of infinity behind hash() of ints, floats and
# Fractions. ftl hashes ints and floats with CPython's 64-bit scheme
# (modulus 2**61 - 1) but has no sys.hash_info yet; use its values then.
try:
    _HASH_MODULUS = sys.hash_info.modulus
    _HASH_INF = sys.hash_info.inf
except AttributeError:
    _HASH_MODULUS = (1 << 61) - 1
    _HASH_INF = 314159


def _decimal_type():
    """The Decimal class if a decimal module is available, else None."""
    try:
        import decimal
    except ImportError:
        return None
    return decimal.Decimal


def _is_rational(x):
    # Stand-in for isinstance(x, numbers.Rational) until ftl has abc.
    return isinstance(x, (int, Fraction))


def _digit_run(s, i):
    """Index just past digits-with-single-underscores starting at s[i]
    (at least one digit), or -1 when s[i] is not a digit."""
    n = len(s)
    if i >= n or not s[i].isdecimal():
        return -1
    i += 1
    while i < n:
        c = s[i]
        if c.isdecimal():
            i += 1
        elif c == '_' and i + 1 < n and s[i + 1].isdecimal():
            i += 2
        else:
            break
    return i


def _parse_fraction(text):
    """(numerator, denominator) of a Fraction literal, or a ValueError."""
    s = text.strip()
    bad = ValueError('Invalid literal for Fraction: %r' % (text,))
    n = len(s)
    i = 0
    negative = False
    if i < n and s[i] in '+-':
        negative = s[i] == '-'
        i += 1
    # A digit, or a point followed by a digit, must come next.
    if not (i < n and (s[i].isdecimal()
                       or (s[i] == '.' and i + 1 < n and s[i + 1].isdecimal()))):
        raise bad
    j = _digit_run(s, i)
    if j < 0:
        j = i
    whole = s[i:j]
    i = j
    if i < n and s[i] == '/':
        k = _digit_run(s, i + 1)
        if k != n:
            raise bad
        num = int(whole)
        den = int(s[i + 1:])
        return (-num if negative else num), den
    num = int(whole) if whole else 0
    den = 1
    if i < n and s[i] == '.':
        i += 1
        k = _digit_run(s, i)
        if k < 0:
            # CPython's pattern also lets a run of letters 'd' stand here;
            # int() then refuses it with its own message.
            k = i
            while k < n and s[k] in 'dD':
                k += 1
        frac = s[i:k]
        i = k
        if frac:
            scale = 10 ** len(frac.replace('_', ''))
            num = num * scale + int(frac)
            den = scale
    if i < n and s[i] in 'eE':
        k = i + 1
        if k < n and s[k] in '+-':
            k += 1
        m = _digit_run(s, k)
        if m < 0:
            raise bad
        exp = int(s[i + 1:m])
        i = m
        if exp >= 0:
            num *= 10 ** exp
        else:
            den *= 10 ** -exp
    if i != n:
        raise bad
    return (-num if negative else num), den


class Fraction:
    """This class implements rational numbers.

    In the two-argument form of the constructor, Fraction(8, 6) will
    produce a rational number equivalent to 4/3. Both arguments must be
    Rational. The numerator defaults to 0 and the denominator defaults
    to 1 so that Fraction(3) == 3 and Fraction() == 0.

    Fractions can also be constructed from:

      - numeric strings similar to those accepted by the
        float constructor (for example, '-2.3' or '1e10')

      - strings of the form '123/456'

      - float and Decimal instances

      - other Rational instances (including integers)
    """

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, int):       # bool, int subclasses
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, float):
                # Exact value; NaN and infinities raise float's errors.
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            if isinstance(numerator, str):
                numerator, denominator = _parse_fraction(numerator)
            else:
                dec = _decimal_type()
                if dec is not None and isinstance(numerator, dec):
                    n, d = numerator.as_integer_ratio()
                    self._numerator = n
                    self._denominator = d
                    return self
                raise TypeError('argument should be a string '
                                'or a Rational instance')
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')

        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = int(numerator) // g
        self._denominator = int(denominator) // g
        return self

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator):
        # Trusted: already in lowest terms with denominator > 0.
        self = object.__new__(cls)
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """Converts a finite float to a rational number, exactly.

        Beware that Fraction.from_float(0.3) != Fraction(3, 10).

        """
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """Converts a finite Decimal instance to a rational number, exactly."""
        if isinstance(dec, int):
            return cls(int(dec))
        dtype = _decimal_type()
        if dtype is None or not isinstance(dec, dtype):
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        """Return the integer ratio as a tuple.

        Return a tuple of two integers, whose ratio is equal to the
        Fraction and with a positive denominator.
        """
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator.

        >>> Fraction('3.141592653589793').limit_denominator(10)
        Fraction(22, 7)
        >>> Fraction('3.141592653589793').limit_denominator(100)
        Fraction(311, 99)
        >>> Fraction(4321, 8765).limit_denominator(10000)
        Fraction(4321, 8765)
        """
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued-fraction expansion of self, keeping the last
        # two convergents p0/q0 and p1/q1, until the next convergent's
        # denominator would pass the bound. The answer is then p1/q1 or the
        # best semiconvergent between them.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        semi = Fraction(p0 + k * p1, q0 + k * q1)
        conv = Fraction(p1, q1)
        if abs(conv - self) <= abs(semi - self):
            return conv
        return semi

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return '%s(%s, %s)' % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # -- arithmetic ------------------------------------------------------
    # Each binary operation has a forward form (Fraction on the left) and
    # a reflected one. A Fraction or int partner gives an exact result; a
    # float partner turns the Fraction into a float first. Anything else
    # gives NotImplemented so that Python tries the other operand.

    def __add__(a, b):
        if isinstance(b, Fraction):
            return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                            a._denominator * b._denominator)
        if isinstance(b, int):
            return Fraction._from_coprime_ints(a._numerator + b * a._denominator,
                                               a._denominator)
        if isinstance(b, float):
            return float(a) + b
        return NotImplemented

    def __radd__(b, a):
        if isinstance(a, int):
            return Fraction._from_coprime_ints(a * b._denominator + b._numerator,
                                               b._denominator)
        if isinstance(a, float):
            return a + float(b)
        return NotImplemented

    def __sub__(a, b):
        if isinstance(b, Fraction):
            return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                            a._denominator * b._denominator)
        if isinstance(b, int):
            return Fraction._from_coprime_ints(a._numerator - b * a._denominator,
                                               a._denominator)
        if isinstance(b, float):
            return float(a) - b
        return NotImplemented

    def __rsub__(b, a):
        if isinstance(a, int):
            return Fraction._from_coprime_ints(a * b._denominator - b._numerator,
                                               b._denominator)
        if isinstance(a, float):
            return a - float(b)
        return NotImplemented

    def __mul__(a, b):
        if isinstance(b, (Fraction, int)):
            return Fraction(a._numerator * b.numerator,
                            a._denominator * b.denominator)
        if isinstance(b, float):
            return float(a) * b
        return NotImplemented

    def __rmul__(b, a):
        if isinstance(a, int):
            return Fraction(a * b._numerator, b._denominator)
        if isinstance(a, float):
            return a * float(b)
        return NotImplemented

    def __truediv__(a, b):
        if isinstance(b, (Fraction, int)):
            return _divide(a._numerator, a._denominator,
                           b.numerator, b.denominator)
        if isinstance(b, float):
            return float(a) / b
        return NotImplemented

    def __rtruediv__(b, a):
        if isinstance(a, int):
            return _divide(int(a), 1, b._numerator, b._denominator)
        if isinstance(a, float):
            return a / float(b)
        return NotImplemented

    def __floordiv__(a, b):
        if isinstance(b, (Fraction, int)):
            return (a._numerator * b.denominator) // (a._denominator * b.numerator)
        if isinstance(b, float):
            return float(a) // b
        return NotImplemented

    def __rfloordiv__(b, a):
        if isinstance(a, int):
            return (a * b._denominator) // b._numerator
        if isinstance(a, float):
            return a // float(b)
        return NotImplemented

    def __mod__(a, b):
        if isinstance(b, (Fraction, int)):
            da, db = a._denominator, b.denominator
            return Fraction((a._numerator * db) % (b.numerator * da), da * db)
        if isinstance(b, float):
            return float(a) % b
        return NotImplemented

    def __rmod__(b, a):
        if isinstance(a, int):
            return Fraction((a * b._denominator) % b._numerator, b._denominator)
        if isinstance(a, float):
            return a % float(b)
        return NotImplemented

    def __divmod__(a, b):
        if isinstance(b, (Fraction, int)):
            da, db = a._denominator, b.denominator
            q, r = divmod(a._numerator * db, da * b.numerator)
            return q, Fraction(r, da * db)
        if isinstance(b, float):
            return divmod(float(a), b)
        return NotImplemented

    def __rdivmod__(b, a):
        if isinstance(a, int):
            q, r = divmod(a * b._denominator, b._numerator)
            return q, Fraction(r, b._denominator)
        if isinstance(a, float):
            return divmod(a, float(b))
        return NotImplemented

    def __pow__(a, b):
        """a ** b

        If b is not an integer, the result will be a float or complex
        since roots are generally irrational. If b is an integer, the
        result will be rational.

        """
        if _is_rational(b):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                       a._denominator ** power)
                if a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                       a._numerator ** -power)
                if a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' %
                                            a._denominator ** -power)
                return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                   (-a._numerator) ** -power)
            # A fractional power: the result is generally irrational.
            return float(a) ** float(b)
        if isinstance(b, float):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            # An int base stays an int.
            return a ** b._numerator
        if isinstance(a, int):
            return Fraction._from_coprime_ints(int(a), 1) ** b
        if isinstance(a, Fraction):
            return a ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        """-a"""
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        """abs(a)"""
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a):
        """int(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits)

        Rounds half toward even.
        """
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            twice = 2 * remainder
            if twice < self._denominator:
                return floor
            if twice > self._denominator:
                return floor + 1
            # Exactly half way: pick the even neighbour.
            if floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        # round(x) with no ndigits gives an int, so rebuild a Fraction.
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(a):
        """float(a)"""
        # int / int is correctly rounded.
        return a._numerator / a._denominator

    def __hash__(self):
        """hash(self)"""
        # The hash of n/d is n * inverse(d) modulo the hash modulus, with
        # the sign of n, so that equal ints, floats and Fractions hash
        # alike. A denominator the modulus divides has no inverse: such a
        # value hashes like infinity.
        try:
            dinv = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = (abs(self._numerator) % _HASH_MODULUS) * dinv % _HASH_MODULUS
        if self._numerator < 0:
            h = -h
        if h == -1:
            return -2
        return h

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            return (a._numerator == b.numerator and
                    a._denominator == b.denominator)
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # Every Fraction is finite: compare as 0.0 would.
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        """Helper for comparison operators: op(self, other) computed
        exactly, or NotImplemented for an unknown partner."""
        if _is_rational(other):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, _gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, _le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, _ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    # -- support for pickle and copy ---------------------------------------

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self     # immutable
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self     # immutable
        return self.__class__(self._numerator, self._denominator)


def _divide(na, da, nb, db):
    """(na/da) / (nb/db) for Fractions in lowest terms."""
    # Cancel common factors across first, so the result needs no gcd of
    # its own (and a division by zero names the reduced numerator, as in
    # CPython: Fraction(7, 3) / 0 raises "Fraction(1, 0)").
    g = math.gcd(na, nb)
    if g > 1:
        na //= g
        nb //= g
    g = math.gcd(db, da)
    if g > 1:
        da //= g
        db //= g
    n, d = na * db, nb * da
    if d < 0:
        n, d = -n, -d
    if d == 0:
        raise ZeroDivisionError('Fraction(%s, 0)' % n)
    return Fraction._from_coprime_ints(n, d)


# Comparison callbacks for Fraction._richcmp (the operator module is not
# needed for four lambdas).
def _lt(x, y):
    return x < y


def _gt(x, y):
    return x > y


def _le(x, y):
    return x <= y


def _ge(x, y):
    return x >= y
