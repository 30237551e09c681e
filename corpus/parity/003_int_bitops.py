# Bitwise operators, shifts, hex/oct/bin on ints including negatives.
for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (0, 255), (255, 0)]:
    print(a, b, "and", a & b, "or", a | b, "xor", a ^ b)
print("invert", [~n for n in (-3, -2, -1, 0, 1, 2, 3)])
print("lshift", [1 << k for k in range(0, 70, 7)])
print("rshift", [1000 >> k for k in range(0, 12)])
print("neg rshift", [-1000 >> k for k in range(0, 12)])
print("neg lshift", -3 << 4, -1 << 63)
print("bin", bin(0), bin(1), bin(5), bin(-5), bin(255), bin(-256))
print("oct", oct(0), oct(8), oct(-8), oct(511), oct(-511))
print("hex", hex(0), hex(255), hex(-255), hex(4096), hex(-1), hex(3735928559))
print("literals", 0xFF, 0o17, 0b1011, 0XAB, 1_000_000, 0x_ff, 0b_1_0)

def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c

print("popcount", [popcount(n) for n in range(17)])
print("popcount big", popcount(2 ** 100 - 1), popcount(0xDEADBEEF))

def reverse_bits8(n):
    r = 0
    for i in range(8):
        if n & (1 << i):
            r |= 1 << (7 - i)
    return r

print("rev8", [reverse_bits8(n) for n in (1, 2, 3, 128, 170, 255)])
mask = 0
for bit in (0, 3, 5, 9):
    mask |= 1 << bit
print("mask", mask, bin(mask))
mask &= ~(1 << 3)
print("cleared", mask, bin(mask))
mask ^= 0b1111
print("toggled", mask, bin(mask))
print("test bits", [(mask >> i) & 1 for i in range(12)])
x = 0b1010
x <<= 3
print("ilshift", x)
x >>= 2
print("irshift", x)
x |= 1
x &= 0b11111
x ^= 0b100
print("ior iand ixor", x)
print("bool bits", True & False, True | False, True ^ True, ~True)
print("int base", int("ff", 16), int("FF", 16), int("-101", 2), int("777", 8), int("z", 36))
print("int prefix", int("0x1f", 16), int("0b11", 2), int("0o17", 8), int("0x10", 0), int("10", 0))
print("gray", [n ^ (n >> 1) for n in range(16)])
print("powers of two", [n for n in range(1, 300) if n & (n - 1) == 0])
print("low bit", [n & -n for n in range(1, 17)])
