# os.pipe / os.write / os.read / os.close round trip.
import os

r, w = os.pipe()
print("fds are ints", isinstance(r, int), isinstance(w, int), r != w)
n = os.write(w, b"hello pipe")
print("wrote", n)
data = os.read(r, 100)
print("read", data, len(data), data.decode())
os.write(w, b"abc")
os.write(w, b"def")
print("partial", os.read(r, 2), os.read(r, 10))
msg = "ünïcödé ✓".encode()
os.write(w, msg)
back = os.read(r, 1024)
print(back, back.decode(), back == msg)
chunks = [b"one ", b"two ", b"three"]
total = 0
for c in chunks:
    total += os.write(w, c)
print("total written", total)
got = b""
while len(got) < total:
    got = got + os.read(r, 3)
print("reassembled", got)
os.close(w)
print("after close of writer, read gives", os.read(r, 10))
os.close(r)
print("both ends closed")
try:
    os.write(-1, b"x")
except OSError:
    print("OSError on a bad descriptor")
r2, w2 = os.pipe()
lines = ["line %d\n" % i for i in range(5)]
for line in lines:
    os.write(w2, line.encode())
os.close(w2)
buf = b""
while True:
    piece = os.read(r2, 7)
    if not piece:
        break
    buf = buf + piece
os.close(r2)
print(buf.decode().splitlines())
print("pid is int", isinstance(os.getpid(), int), "cpus positive", os.cpu_count() > 0)
