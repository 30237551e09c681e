# Seed-style program: the car-sale check-then-act pattern, single-threaded.
class Car:
    def __init__(self, model, price):
        self.model = model
        self.price = price
        self.sold = False
        self.buyer = None

class Dealer:
    def __init__(self, cars):
        self.stock = {c.model: c for c in cars}
        self.sales = []
        self.refused = []
    def sell(self, model, buyer, budget):
        car = self.stock.get(model)
        if car is None:
            self.refused.append((buyer, model, "no such model"))
            return False
        if car.sold:
            self.refused.append((buyer, model, "already sold to " + car.buyer))
            return False
        if budget < car.price:
            self.refused.append((buyer, model, "budget %d < price %d" % (budget, car.price)))
            return False
        car.sold = True
        car.buyer = buyer
        self.sales.append((model, buyer, car.price))
        return True

dealer = Dealer([Car("civic", 20000), Car("golf", 22000), Car("model3", 40000), Car("mini", 18000)])
requests = [
    ("civic", "ann", 25000),
    ("civic", "bob", 30000),
    ("golf", "bob", 21000),
    ("model3", "cy", 50000),
    ("tesla", "dee", 99999),
    ("mini", "eve", 18000),
    ("golf", "fay", 22000),
    ("mini", "gus", 50000),
]
for model, buyer, budget in requests:
    ok = dealer.sell(model, buyer, budget)
    print("%-4s wants %-7s budget %6d -> %s" % (buyer, model, budget, "SOLD" if ok else "refused"))
print("sales:")
for s in dealer.sales:
    print("  %s to %s for %d" % s)
print("refused:")
for r in dealer.refused:
    print("  %s/%s: %s" % r)
print("revenue", sum(p for _, _, p in dealer.sales))
unsold = sorted(m for m, c in dealer.stock.items() if not c.sold)
print("unsold", unsold)
sold_count = sum(1 for c in dealer.stock.values() if c.sold)
print("each car sold at most once:", len(dealer.sales) == sold_count == len({m for m, _, _ in dealer.sales}))
inventory = 1

def buy(name):
    global inventory
    if inventory > 0:
        inventory -= 1
        return name + " bought the last car"
    return name + " found nothing left"

print(buy("first"))
print(buy("second"))
print("inventory never negative:", inventory)
