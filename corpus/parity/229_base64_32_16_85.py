# base64: Base32 (and base32hex), Base16, Ascii85, Base85, URL-safe Base64.
import base64
import binascii

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for s in [b"", b"a", b"ab", b"abc", b"abcd", b"abcde", b"abcdef", b"\x00\xff" * 4]:
    e32 = base64.b32encode(s)
    h32 = base64.b32hexencode(s)
    e16 = base64.b16encode(s)
    print(s, e32, base64.b32decode(e32) == s, h32, base64.b32hexdecode(h32) == s,
          e16, base64.b16decode(e16) == s)

print(base64.b32decode(b"mfrgg===", casefold=True), base64.b32decode("MFRGG==="))
print(base64.b32hexdecode(b"c5h66===", casefold=True))
print(base64.b16decode(b"deadbeef", casefold=True), base64.b16decode("CAFE"))
show(lambda: base64.b32decode(b"MFRGG=="))
show(lambda: base64.b32decode(b"MFRGG1=="))
show(lambda: base64.b32decode(b"MFRGGZ=="))
show(lambda: base64.b32decode(b"mfrgg==="))
show(lambda: base64.b32decode(b"MF=GG==="))
show(lambda: base64.b32encode("str"))
show(lambda: base64.b16decode(b"abc"))
show(lambda: base64.b16decode(b"deadbeef"))
show(lambda: base64.b16decode(b"0G"))
show(lambda: base64.b16encode("str"))

for s in [b"", b"x", b"hello", b"\x00\x00\x00\x00", b"    ", b"\x00\x00\x00\x00abc\x00",
          b"Man is distinguished, not only by his reason, but by this singular passion"]:
    a = base64.a85encode(s)
    b = base64.b85encode(s)
    print(a, base64.a85decode(a) == s, b, base64.b85decode(b) == s)

text = b"Man is distinguished, not only by his reason"
print(base64.a85encode(text, wrapcol=20))
print(base64.a85encode(text, adobe=True, wrapcol=16))
print(base64.a85encode(b"    x   ", foldspaces=True), base64.a85encode(b"ab", pad=True), base64.b85encode(b"ab", pad=True))
print(base64.a85encode(b"\x00\x00", pad=True), base64.a85encode(b"\x00\x00"))
print(base64.a85decode(b"<~9jqo^~>", adobe=True), base64.a85decode(b"9jqo^~>", adobe=True))
print(base64.a85decode(b"y z", foldspaces=True), base64.a85decode(b"9j q\no^"), base64.a85decode("87cURD]i"))
print(base64.a85decode(b"9jqo^", ignorechars=b""))
show(lambda: base64.a85decode(b"9jqo^", adobe=True))
show(lambda: base64.a85decode(b"9jzqo"))
show(lambda: base64.a85decode(b"9jyqo", foldspaces=True))
show(lambda: base64.a85decode(b"uuuuu"))
show(lambda: base64.a85decode(b"abc{"))
show(lambda: base64.a85decode(b"9j q", ignorechars=b""))
show(lambda: base64.b85decode(b"|NsC0~"))
show(lambda: base64.b85decode(b"~~~~~"))
show(lambda: base64.b85decode(b"abc\"d"))
show(lambda: base64.a85encode("str"))
show(lambda: base64.b85encode(12))

data = bytes(range(240, 256)) + b"\xfb\xff?>"
u = base64.urlsafe_b64encode(data)
print(u, base64.urlsafe_b64decode(u) == data, base64.urlsafe_b64decode(u.decode()) == data)
print(base64.b64encode(data, altchars=b"*!"), base64.b64decode(base64.b64encode(data, b"*!"), b"*!") == data)
print(base64.b64decode("-_-_", altchars="-_"), base64.urlsafe_b64decode(b"+/+/"))
print(base64.b32decode(b"0O1L0O1L", map01=b"L"), base64.b32decode(b"MFRGG1I=", map01="I"))
show(lambda: base64.b64encode(b"x", altchars=b"-"))
show(lambda: base64.b32decode(b"01234567", map01=b"LL"))
