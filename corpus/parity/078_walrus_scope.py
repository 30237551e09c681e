# PEP 572: `:=` inside a comprehension binds in the enclosing function (or
# module), through any number of nested comprehensions.
def running_totals(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total


print(running_totals([1, 2, 3, 4]))


def last_product():
    grid = [[(p := i * j) for i in range(3)] for j in range(4)]
    return grid, p


print(last_product())


def first_big(xs):
    if any((hit := x) > 10 for x in xs):
        return hit
    return None


print(first_big([3, 14, 15]), first_big([1, 2]))

seen = [m := n * 2 for n in range(5)]
print(seen, m)


def counter():
    count = 0

    def bump(items):
        nonlocal count
        return [count := count + 1 for _ in items]

    return bump("abc"), bump("de"), count


print(counter())
