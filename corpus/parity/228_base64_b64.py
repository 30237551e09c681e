# base64 / binascii: Base64 in all its variants, hex, crc32 and the errors.
import base64
import binascii

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar",
           bytes(range(256)), b"\xff\xfe\xfd" * 7, b"Hello, World!\n"]
for s in samples:
    e = base64.b64encode(s)
    print(len(s), e[:60], base64.b64decode(e) == s,
          base64.standard_b64encode(s) == e, base64.standard_b64decode(e) == s)

print(base64.b64encode(bytearray(b"bytearray in")))
print(base64.b64decode("Zm9vYmFy"), base64.b64decode(bytearray(b"Zm9v")))
print(base64.b64decode(b"Zm9v\nYmFy\n"), base64.b64decode(b"Zm 9v!!YmFy"))
print(base64.b64decode(b"Zm9vYg=="), base64.b64decode(b"Zm9vYg"  + b"=="), base64.b64decode(b"Zm9vYmE="))
print(base64.b64decode(b"Zm9vYg==trailing ignored"))

show(lambda: base64.b64decode(b"Zm9vY"))
show(lambda: base64.b64decode(b"Zm9vYg"))
show(lambda: base64.b64decode(b"Zm9vYg="))
show(lambda: base64.b64decode(b"Z"))
show(lambda: base64.b64decode(b"Zm9v", validate=True))
show(lambda: base64.b64decode(b"Zm9v\n", validate=True))
show(lambda: base64.b64decode(b"=Zm9v", validate=True))
show(lambda: base64.b64decode(b"Zm=9v", validate=True))
show(lambda: base64.b64decode(b"Zm9vYg===", validate=True))
show(lambda: base64.b64decode(b"Zm9vYg==", validate=True))
show(lambda: base64.b64decode("caf\u00e9"))
show(lambda: base64.b64decode(3.5))
show(lambda: base64.b64encode("text"))
show(lambda: base64.b64encode(None))

print(binascii.b2a_base64(b"abc"), binascii.b2a_base64(b"abcd", newline=False))
print(binascii.a2b_base64(b"YWJjZA=="), binascii.a2b_base64("YWJj"))
show(lambda: binascii.a2b_base64(b"YWJjZA==x", strict_mode=True))
show(lambda: binascii.a2b_base64(b"YW!j", strict_mode=True))
show(lambda: binascii.a2b_base64(7))
show(lambda: binascii.b2a_base64("s"))
print(binascii.hexlify(b"\x00\x10\xab\xff"), binascii.b2a_hex(b"xyz"))
print(binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2))
print(binascii.unhexlify(b"0010abFF"), binascii.a2b_hex("6869"))
show(lambda: binascii.unhexlify(b"abc"))
show(lambda: binascii.unhexlify(b"zz"))
show(lambda: binascii.unhexlify(b"a b "))
print(binascii.crc32(b""), binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(b"The quick brown fox jumps over the lazy dog"), binascii.crc32(bytes(range(256)), 12345))
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
try:
    base64.b64decode(b"abc")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, e)

enc = base64.encodebytes(bytes(range(100)))
print(enc)
print(base64.decodebytes(enc) == bytes(range(100)), base64.encodebytes(b""), base64.decodebytes(b"YQ==\n"))
show(lambda: base64.encodebytes("str"))
show(lambda: base64.decodebytes(5))
