# datetime.date refuses a month outside 1..12 with ValueError.
import datetime

print(datetime.date(2020, 12, 31))
datetime.date(2020, 13, 1)
