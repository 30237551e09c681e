# statistics.mean of no data raises statistics.StatisticsError.
import statistics

print(statistics.mean([1, 2, 3, 4]))
statistics.mean([])
