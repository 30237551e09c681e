# Stress: the car sale from the seed article on race conditions. A collector's
# edition of 10 cars, 9 already sold: one car is left, and several seller
# threads each run the check-then-act
#     if number_of_cars > 0:
#         number_of_cars -= 1
#         confirm_transaction()
# under a threading.Lock, so exactly one sale is confirmed and the stock never
# goes below zero. Repeated for many rounds, then a large inventory is sold
# off by sellers that each try more sales than there are cars: the cars sold
# plus those remaining equal the start, and no car is sold twice. The live
# objects are back at their baseline once the threads are joined (ftl only).
import sys
import threading

SELLERS = 4


def run(rounds, big_stock, tries):
    lock = threading.Lock()
    shop = {"number_of_cars": 0}
    sales = []

    def confirm_transaction(seller, car):
        sales.append((car, seller))

    def seller(k, attempts):
        for i in range(attempts):
            with lock:
                if shop["number_of_cars"] > 0:
                    car = shop["number_of_cars"]
                    shop["number_of_cars"] -= 1
                    confirm_transaction(k, car)

    one_sale_rounds = 0
    never_negative = True
    for r in range(rounds):
        shop["number_of_cars"] = 1  # 10 made, 9 sold
        del sales[:]
        ts = [threading.Thread(target=seller, args=(k, 1)) for k in range(SELLERS)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        if len(sales) == 1 and shop["number_of_cars"] == 0:
            one_sale_rounds += 1
        if shop["number_of_cars"] < 0:
            never_negative = False

    shop["number_of_cars"] = big_stock
    del sales[:]
    ts = [threading.Thread(target=seller, args=(k, tries)) for k in range(SELLERS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    remaining = shop["number_of_cars"]
    sold = len(sales)
    distinct = sorted(car for car, s in sales) == list(range(1, big_stock + 1))
    by_seller = [0] * SELLERS
    for car, s in sales:
        by_seller[s] += 1
    return one_sale_rounds, never_negative, sold, remaining, distinct, sum(by_seller)


ROUNDS = 40
STOCK = 6000
TRIES = 2000
run(2, 10, 5)
base = sys.getallocatedblocks()
one_sale_rounds, never_negative, sold, remaining, distinct, by_seller = run(ROUNDS, STOCK, TRIES)
print("rounds with exactly one sale of the last car:", one_sale_rounds, "of", ROUNDS)
print("stock never negative:", never_negative)
print("sold:", sold, "remaining:", remaining, "sold + remaining == start:", sold + remaining == STOCK)
print("sold == min(start, sellers * tries):", sold == min(STOCK, SELLERS * TRIES))
print("every car sold exactly once:", distinct, "sales by sellers add up:", by_seller == sold)
del one_sale_rounds, never_negative, sold, remaining, distinct, by_seller
if sys.implementation.name == "ftl":
    leaked = sys.getallocatedblocks() - base - 1  # `base` itself is one live object
    assert leaked == 0, f"{leaked} objects leaked"
print("done")
