# datetime.fromisoformat refuses a string that is not ISO 8601.
from datetime import datetime

print(datetime.fromisoformat('2020-01-02T03:04:05+01:00'))
datetime.fromisoformat('2020-01-02 03:04:05 PM')
