# Real program: inventory records, grouping, aggregation and a formatted report.
RAW = """sku,name,category,qty,price
A100,bolt M4,hardware,250,0.05
A101,bolt M6,hardware,120,0.08
B200,hammer,tools,12,14.99
B201,screwdriver set,tools,7,24.50
C300,paint white 1L,paint,30,8.75
C301,paint black 1L,paint,0,8.75
A102,nut M4,hardware,400,0.02
B202,tape measure,tools,15,6.40
D400,glue,misc,22,3.10"""

class Item:
    def __init__(self, sku, name, category, qty, price):
        self.sku = sku
        self.name = name
        self.category = category
        self.qty = int(qty)
        self.price = float(price)
    @property
    def value(self):
        return self.qty * self.price
    def __repr__(self):
        return "Item(%s)" % self.sku

def load(text):
    lines = text.splitlines()
    header = lines[0].split(",")
    items = []
    for line in lines[1:]:
        fields = dict(zip(header, line.split(",")))
        items.append(Item(**fields))
    return items

items = load(RAW)
print(len(items), items[:3])
by_cat = {}
for it in items:
    by_cat.setdefault(it.category, []).append(it)
print("categories:", sorted(by_cat))
print("%-10s %5s %10s %10s" % ("category", "items", "units", "value"))
grand = 0.0
for cat in sorted(by_cat, key=lambda c: -sum(i.value for i in by_cat[c])):
    group = by_cat[cat]
    units = sum(i.qty for i in group)
    value = sum(i.value for i in group)
    grand += value
    print("%-10s %5d %10d %10.2f" % (cat, len(group), units, value))
print("%-10s %5s %10s %10.2f" % ("TOTAL", "", "", grand))
out_of_stock = [i.name for i in items if i.qty == 0]
low = sorted((i for i in items if 0 < i.qty < 20), key=lambda i: i.qty)
print("out of stock:", out_of_stock)
print("low stock:", ["%s(%d)" % (i.name, i.qty) for i in low])
priciest = max(items, key=lambda i: i.price)
cheapest = min(items, key=lambda i: (i.price, i.sku))
print("priciest:", priciest.name, priciest.price, "cheapest:", cheapest.name, cheapest.price)
avg_price = {c: round(sum(i.price for i in g) / len(g), 3) for c, g in by_cat.items()}
print("average price:", avg_price)
restock = {i.sku: max(0, 50 - i.qty) for i in items if i.qty < 50}
print("restock orders:", restock)
for sku, n in sorted(restock.items()):
    item = [i for i in items if i.sku == sku][0]
    item.qty += n
print("after restock:", [(i.sku, i.qty) for i in items])
print("value after restock: %.2f" % sum(i.value for i in items))
prefixes = {}
for i in items:
    prefixes[i.sku[0]] = prefixes.get(i.sku[0], 0) + 1
print("sku prefixes:", prefixes)
names = sorted(items, key=lambda i: (i.category, -i.price, i.name))
for i in names:
    print("  {0.sku:<5} {0.name:<16} {0.category:<9} {0.qty:>4} @ {0.price:>6.2f} = {1:>8.2f}".format(i, i.value))
