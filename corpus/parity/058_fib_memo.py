# Real program: memoized fibonacci with a dict, with a closure, and bottom-up; plus other DP.
memo = {0: 0, 1: 1}

def fib_dict(n):
    if n not in memo:
        memo[n] = fib_dict(n - 1) + fib_dict(n - 2)
    return memo[n]

def make_fib():
    cache = {}
    calls = [0]
    def fib(n):
        calls[0] += 1
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    def stats():
        return len(cache), calls[0]
    return fib, stats

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

naive_calls = 0

def fib_naive(n):
    global naive_calls
    naive_calls += 1
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)

print(fib_dict(90), len(memo))
fib_c, stats = make_fib()
print(fib_c(90), stats())
print(fib_c(50), stats())
print(fib_iter(90), fib_iter(300))
print(fib_naive(18), naive_calls)
print(all(fib_dict(i) == fib_iter(i) for i in range(200)))

def coin_ways(amount, coins):
    ways = [1] + [0] * amount
    for c in coins:
        for v in range(c, amount + 1):
            ways[v] += ways[v - c]
    return ways[amount]

def min_coins(amount, coins):
    inf = float("inf")
    best = [0] + [inf] * amount
    for v in range(1, amount + 1):
        for c in coins:
            if c <= v and best[v - c] + 1 < best[v]:
                best[v] = best[v - c] + 1
    return best[amount] if best[amount] != inf else -1

def lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    out = []
    i, j = len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i -= 1
            j -= 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))

def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[-1]

print(coin_ways(100, [1, 5, 10, 25, 50]), coin_ways(10, [2, 3]), min_coins(63, [1, 5, 10, 21, 25]), min_coins(7, [2, 4]))
print(lcs("AGGTAB", "GXTXAYB"), lcs("thisisatest", "testing123testing"), edit_distance("kitten", "sitting"))
print([edit_distance(a, b) for a, b in [("", "abc"), ("flaw", "lawn"), ("same", "same")]])
