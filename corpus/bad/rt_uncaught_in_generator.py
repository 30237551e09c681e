def gen():
    yield 1
    raise KeyError("gen failed")

for v in gen():
    print("got", v)
