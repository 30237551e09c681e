# bytearray: construction, editing in place (append, extend, insert, pop,
# remove, slices, del), bytes methods returning bytearrays, mixing with
# bytes, pickling at every protocol, and CPython's errors.
b = bytearray(b'hello')
print(b, len(b), b[0], b[-1], b[1:3], bytes(b), bool(bytearray()), repr(bytearray()))
b.append(33); b.extend(b' world'); b.extend([65, 66]); b.insert(0, 62); b.insert(-1, 63)
print(b, b.pop(), b.pop(0), b)
b[0] = 72; b[1:3] = b'EL'; b[-1:] = [90, 91]; print(b)
del b[0]; del b[::2]; print(b)
b.remove(ord('[')); print(b); b.reverse(); print(b); b.clear(); print(b)
print(bytearray(3), bytearray([1, 2, 255]), bytearray('héllo', 'utf-8'), bytearray(b'x') * 3, 2 * bytearray(b'ab'))
x = bytearray(b'abc'); y = x; x += b'def'; x *= 2; print(x is y, y)
print(bytearray(b'ab') + b'cd', b'ab' + bytearray(b'cd'), type(b'ab' + bytearray(b'cd')).__name__)
print(bytearray(b'abc') == b'abc', b'abc' == bytearray(b'abc'), bytearray(b'a') < bytearray(b'b'), bytearray(b'b') <= b'a')
print(98 in bytearray(b'abc'), b'bc' in bytearray(b'abc'), bytearray(b'z') in bytearray(b'abc'), list(bytearray(b'hi')))
c = bytearray(b'  A,b,,C  ')
print(c.strip(), c.upper(), c.split(b','), c.strip().split(b','), c.find(b'b'), c.count(b','), c.replace(b',', b';'))
print(c.partition(b','), c.decode(), c.hex(), bytearray.fromhex('41 42'), c.startswith(bytearray(b'  ')), bytearray(b'-').join([b'a', bytearray(b'b')]))
print(c.copy() == c, c.copy() is c, c.isascii(), bytearray(b'12').isdigit())
def set_300():
    b = bytearray(b'ab')
    b[0] = 300


def set_extended():
    b = bytearray(b'abc')
    b[0:3:2] = b'x'


import pickle
for p in range(6):
    d = pickle.dumps(bytearray(b'ab\xff'), p); back = pickle.loads(d)
    print(p, d, back, type(back).__name__)
z = bytearray(b'q'); print(pickle.loads(pickle.dumps([z, z], 5)), pickle.dumps(bytearray(), 2), pickle.dumps(bytearray(), 5))
for bad in [lambda: bytearray('x'), lambda: bytearray(-1), lambda: bytearray([256]), lambda: bytearray(b'a')[5], lambda: bytearray().pop(),
            lambda: bytearray(b'a').remove(9), lambda: {bytearray(): 1}, lambda: bytearray(b'a') + 'x', set_300, set_extended, lambda: bytearray(1.5), lambda: bytearray(b'a', 'utf-8'),
            lambda: bytearray.append(b'x', 1), lambda: bytearray(b'a').extend('s')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
ba = bytearray
print(b'abc'.startswith(ba(b'a')), b'abc'.endswith((ba(b'x'), b'c')), b'a,b'.split(ba(b',')), b'xax'.strip(ba(b'x')))
print(b'abc'.replace(ba(b'b'), ba(b'B')), b'a=b'.partition(ba(b'=')), b'abc'.removeprefix(ba(b'a')), b'abcb'.count(ba(b'b')), b'abc'.find(ba(b'c')))
print(b'-'.join([b'a', ba(b'b')]), ba(b'x') in b'xyz', b'abc' + ba(b'd'))
