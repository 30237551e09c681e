# struct: pack/unpack/calcsize/unpack_from/iter_unpack/Struct in every byte
# order, native alignment, half floats, and CPython 3.11's struct.error,
# OverflowError and TypeError messages for bad formats and values.
import struct
print(struct.calcsize('bi'), struct.calcsize('<bi'), struct.calcsize('@b d'), struct.calcsize('3s2xh'), struct.calcsize('<qQnN') if False else '')
for fmt, vals in [('<i', (1,)), ('>I', (4294967295,)), ('<hHbB', (-2, 65535, -128, 255)), ('!q', (-1,)), ('<Q', (2**64-1,)),
                  ('<d', (1.5,)), ('>f', (0.1,)), ('<e', (0.333,)), ('<?', (3,)), ('<c', (b'z',)), ('5s', (b'ab',)), ('4p', (b'hello',)),
                  ('@bhil', (1, 2, 3, 4)), ('=l', (-7,)), ('2i', (5, 6)), ('P', (12345,)), ('x?x', (0,))]:
    b = struct.pack(fmt, *vals)
    print(fmt, b, struct.unpack(fmt, b))
s = struct.Struct('<hd')
print(s.size, s.format, s.pack(3, 2.5), s.unpack(s.pack(3, 2.5)), s.unpack_from(b'\x00' + s.pack(1, 1.0), 1))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
print(struct.unpack('<e', struct.pack('<e', 65504.0)), struct.unpack('>e', b'\x7c\x00'), struct.unpack('<e', b'\x01\x00'))
for fmt, vals in [('z', ()), ('<i', ()), ('<i', (1, 2)), ('<i', ('x',)), ('<h', (40000,)), ('h', (40000,)), ('H', (-1,)), ('<H', (-1,)),
                  ('b', (200,)), ('B', (-1,)), ('<b', (200,)), ('i', (2**31,)), ('I', (-1,)), ('q', (2**63,)), ('Q', (-1,)), ('<q', (2**63,)),
                  ('l', (2**63,)), ('<l', (2**31,)), ('<L', (2**32,)), ('d', ('x',)), ('f', (1e300,)), ('e', (1e6,)), ('c', (b'ab',)),
                  ('s', ('str',)), ('p', (1,)), ('3', ()), ('<n', (1,)), ('<i', (1.5,))]:
    try:
        struct.pack(fmt, *vals)
        print(fmt, 'ok?')
    except (struct.error, OverflowError, TypeError) as e:
        print(fmt, type(e).__name__, e)
for fmt, buf in [('<i', b'\x00'), ('<h', b'\x00\x00\x00')]:
    try:
        struct.unpack(fmt, buf)
    except struct.error as e:
        print('unpack', fmt, e)
try:
    struct.unpack_from('<i', b'\x00\x00\x00', 0)
except struct.error as e:
    print(e)
try:
    struct.unpack_from('<i', b'\x00\x00\x00\x00\x00', 3)
except struct.error as e:
    print(e)
try:
    struct.unpack_from('<i', b'\x00\x00\x00\x00', 9)
except struct.error as e:
    print(e)
try:
    list(struct.iter_unpack('<h', b'\x01\x00\x02'))
except struct.error as e:
    print(e)
try:
    struct.iter_unpack('', b'')
except struct.error as e:
    print(e)
print(struct.error.__mro__[1].__name__, struct.error.__module__)
import struct
for fmt, vals in [('I', (2**32,)), ('<I', (-1,)), ('<I', (2**32,)), ('<L', (-1,)), ('L', (-1,)), ('L', (2**64,)), ('<i', (2**31,)), ('i', (-2**31-1,)), ('<f', (1e300,)), ('f', (1e300,)), ('<e', (1e6,)), ('N', (-1,)), ('n', (2**63,)), ('P', (-1,)), ('P', (2**64,)), ('<Q', (2**64,)), ('?', ([],)), ('<d', (3,)), ('<d', (True,)), ('<i', (True,))]:
    try:
        print(fmt, struct.pack(fmt, *vals))
    except (struct.error, OverflowError, TypeError) as e:
        print(fmt, type(e).__name__, e)
for off in (-5, -2, -4, 2):
    try: print(off, struct.unpack_from('<h', b'\x01\x00\x02\x00', off))
    except struct.error as e: print(off, e)

# pack_into and unpacking from a bytearray (the bytearray part of struct).

b = bytearray(5)
for off in (2, -2, -9, 0, 1, -4):
    try:
        struct.pack_into('<i', b, off, 7)
        print(b)
    except struct.error as e:
        print('struct.error', e)
try:
    struct.pack_into('<i', b'abcdefgh', 0, 1)
except TypeError as e:
    print(e)
print(struct.unpack_from('<h', bytearray(b'\x01\x00\x02'), 1), struct.unpack('<h', bytearray(b'\x05\x00')))
s = struct.Struct('<h')
b = bytearray(4)
s.pack_into(b, 2, 9)
print(b, list(struct.iter_unpack('<h', bytearray(b'\x01\x00\x02\x00'))))
