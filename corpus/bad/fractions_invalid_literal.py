# Fraction refuses a string that is not a rational literal.
from fractions import Fraction

print(Fraction(' -3/4 '), Fraction('1.5e-3'))
Fraction('1/2/3')
