# The sample variance needs two data points.
import statistics

print(statistics.variance([1.5, 2.5]))
statistics.variance([7])
