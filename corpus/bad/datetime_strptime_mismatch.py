# datetime.strptime with data that does not fit the format.
from datetime import datetime

print(datetime.strptime('2020-01-05', '%Y-%m-%d'))
datetime.strptime('2020/01/05', '%Y-%m-%d')
