# Seed 003's car sale: "if cars > 0: sleep; cars -= 1" is a check-then-act
# race. Done under a Lock, many buyers never oversell: exactly the stock is
# sold, the count never goes negative, and every sale goes to one buyer.
import threading
import time

STOCK = 10
BUYERS = 24
number_of_cars = STOCK
sold_to = []
refused = []
lock = threading.Lock()
went_negative = [False]


def confirm_transaction(buyer):
    sold_to.append(buyer)


def buy(buyer):
    global number_of_cars
    with lock:
        if number_of_cars > 0:
            time.sleep(0.0005)  # the window where the race would strike
            number_of_cars -= 1
            if number_of_cars < 0:
                went_negative[0] = True
            confirm_transaction(buyer)
        else:
            refused.append(buyer)


threads = [threading.Thread(target=buy, args=(b,)) for b in range(BUYERS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

print("cars left:", number_of_cars)
print("sold:", len(sold_to), "refused:", len(refused))
print("never negative:", not went_negative[0])
print("each buyer served once:", sorted(sold_to + refused) == list(range(BUYERS)))
print("no double sale:", len(set(sold_to)) == len(sold_to))

# A second sale: each buyer keeps trying to buy up to 3 cars; a shop with
# 20 cars and 9 greedy buyers sells out exactly.
stock = {"cars": 20}
bought = {}
shop_lock = threading.Lock()


def greedy(buyer):
    mine = 0
    for attempt in range(3):
        with shop_lock:
            if stock["cars"] > 0:
                stock["cars"] -= 1
                mine += 1
    with shop_lock:
        bought[buyer] = mine


gs = [threading.Thread(target=greedy, args=("buyer%d" % i,)) for i in range(9)]
for g in gs:
    g.start()
for g in gs:
    g.join()
print("second sale left:", stock["cars"])
print("second sale total:", sum(bought.values()))
print("buyers recorded:", sorted(bought) == sorted("buyer%d" % i for i in range(9)))
print("nobody above 3:", max(bought.values()) <= 3)
