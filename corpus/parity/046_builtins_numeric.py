# Numeric and conversion builtins: any all divmod pow abs round hex oct bin chr ord int float bool str.
print(any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any([]), all([]))
seen = []

def check(v):
    seen.append(v)
    return v > 2

print(any(check(v) for v in [1, 3, 5]), seen)
seen.clear()
print(all(check(v) for v in [3, 1, 5]), seen)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 3), divmod(7.5, 2), divmod(-7.5, 2))
print(pow(2, 8), pow(2, -1), pow(3, 4, 5), pow(-3, 3, 7), pow(3, 3, -7), pow(2, 0, 1), pow(7, 2, 1))
print(pow(10, 20, 97), pow(-2, 5), pow(2.0, 3), pow(4, 0.5))
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(abs(-7), abs(7), abs(-2.5), abs(0), abs(-0.0), abs(-(10 ** 30)), abs(True))
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-1.5), round(-2.5), round(2.675, 2), round(7.25, 1), round(7.35, 1))
print(round(123.456, 1), round(123.456, -1), round(123456, -3), round(-0.4), round(1e-3, 5), round(5.5), round(6.5))
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), oct(0), bin(10), bin(-10), bin(0))
print(chr(65), chr(97), chr(8364), chr(48), ord("A"), ord("z"), ord("€"), ord("\n"), [chr(c) for c in range(100, 105)])
print(int("ff", 16), int(" 42 "), int("-17"), int("0b101", 0), int("1010", 2), int("z", 36), int("10", 8), int(" +5\n"))
print(int(3.99), int(-3.99), int(True), int("1_000"), int(2 ** 70 + 0.0), int("0"), int(), int(float("1e3")))
print(float("1e3"), float(" -2.5 "), float("inf"), float("-inf"), float("nan"), float(7), float("1_0.5"), float())
print(bool(0), bool(1), bool(-1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool({}), bool())
print(str(12), str(-1.5), str([1, "a"]), str(), str("x"), str(None), str(b"ab"), str(3 + 4))
for bad in ["abc", "12.5", "", "1 2", "0x1f"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 2)
except ValueError as e:
    print("ValueError:", e)
try:
    float("one")
except ValueError as e:
    print("ValueError:", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(hash(42), hash(-7), hash(0), hash(True), hash(100) == hash(100.0))
print(format(255, "x"), format(3.14159, ".2f"), ascii("ß"), ascii(["é", 1]), repr("ß"))
print(sum(divmod(100, 7)), [divmod(n, 3) for n in range(-3, 4)])
digits = "".join(chr(ord("0") + d) for d in range(10))
print(digits, int(digits), int(digits[::-1]))
print(bin(2 ** 20), oct(2 ** 20), hex(2 ** 64 - 1), int(hex(12345), 16), int(bin(-77), 2), int(oct(99), 8))
print([round(x / 8, 2) for x in range(9)])
print([round(n + 0.5) for n in range(-4, 5)])
