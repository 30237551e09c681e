# A Fraction with a zero denominator raises ZeroDivisionError naming it.
from fractions import Fraction

print(Fraction(3, 6))
Fraction(1, 0)
