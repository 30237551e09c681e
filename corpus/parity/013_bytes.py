# bytes: literals, repr, decode, len, indexing (ints), slicing, +, equality.
b = b"hello"
print(b, repr(b), len(b), b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:])
print(b + b" world", b"" + b"x", b"ab" == b"ab", b"ab" == b"ac", b"ab" != b"ab")
print([b[i] for i in range(len(b))], b"AZ"[0] + b"AZ"[1])
print(b.decode(), b.decode("utf-8"), b"caf\xc3\xa9".decode(), len(b"caf\xc3\xa9"), len("café".encode()))
print(b"\x00\x01\x7f\x80\xff", b"tab\tnl\nq'", b'dq"', b"both'\"", b"\\")
print("é€".encode(), "é€".encode().decode(), "A".encode()[0], type(b).__name__)
raw = "Grüße, 世界".encode()
print(raw, len(raw), raw.decode(), raw[:3], raw[:4].decode(), raw[-6:].decode())
word = b"abc"
for i in range(len(word)):
    byte = word[i]
    print(i, byte, chr(byte), hex(byte), word[i:i + 1])
checksum = 0
msg = b"The quick brown fox"
for i in range(len(msg)):
    checksum = (checksum * 31 + msg[i]) % 65521
print("checksum", checksum)
print(b"abc"[1] == ord("b"), b"abc"[0:1] == b"a", isinstance(b, bytes), type(b[0]).__name__)
data = b"key1=val1;key2=val2"
text = data.decode()
pairs = [p.split("=") for p in text.split(";")]
print(pairs, dict(pairs))
blob = b"\x00\x10\xab\xff"
print("".join("%02x" % blob[i] for i in range(len(blob))))
print(repr(b"\r\x0b\x0c"), b"\x41\x42", b"" == b"", len(b""), b"x"[0:0])
acc = b""
for part in (b"ab", b"cd", b"ef"):
    acc = acc + part
print(acc, len(acc), acc[2:4], acc[-1], acc[::-2])
enc = "naïve ☃".encode()
print(enc, len(enc), enc.decode(), enc[2], enc[2:4].decode())
print(b"UPPER lower".decode().swapcase(), b"1,2,3".decode().split(","))
total = 0
for i in range(len(enc)):
    total += enc[i]
print("byte sum", total, enc[-1], enc[-3:])
print(b"abc" + b"" == b"abc", b"a" + b"b" + b"c", len(b"\n\t\x00"))
lines = b"one\ntwo\nthree".decode().split("\n")
print(lines, [len(l.encode()) for l in lines])
print(b"const", b"\xff"[0], b"\x80abc"[1:])
