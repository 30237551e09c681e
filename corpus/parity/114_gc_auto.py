# Automatic collections: the allocation count passing the threshold
# collects without an explicit gc.collect(); gc.disable() stops that.
import gc

finalized = [0]

class F:
    def __del__(self):
        finalized[0] += 1

def churn(n):
    for i in range(n):
        a = F()
        a.me = a

gc.collect()
churn(20000)
print("collected automatically:", finalized[0] > 0)
gc.collect()
print("all finalized:", finalized[0])
gc.disable()
finalized[0] = 0
churn(5000)
print("disabled:", finalized[0])
gc.enable()
gc.collect()
print("after collect:", finalized[0])
