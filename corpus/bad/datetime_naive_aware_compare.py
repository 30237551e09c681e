# Ordering a naive datetime against an aware one is a TypeError (== is
# merely False).
from datetime import datetime, timezone

naive = datetime(2020, 1, 1, 12)
aware = datetime(2020, 1, 1, 12, tzinfo=timezone.utc)
print(naive == aware)
print(naive < aware)
