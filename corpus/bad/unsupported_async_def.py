import time

async def fetch():
    return 1

print("never runs")
