# operator.attrgetter needs attribute names that are strings.
import operator

print(operator.attrgetter('real')(3))
operator.attrgetter('real', 2)
