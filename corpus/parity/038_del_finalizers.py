# __del__ runs immediately when the last reference goes away (no cycles here).
class Noisy:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("delete", self.name)

print("-- del statement")
a = Noisy("a")
print("before del a")
del a
print("after del a")

print("-- reassignment")
b = Noisy("b1")
b = Noisy("b2")
print("after rebinding b")
b = None
print("after b = None")

print("-- two references")
c = Noisy("c")
c2 = c
del c
print("c deleted, c2 still alive")
del c2
print("c2 deleted")

print("-- list ownership")
items = [Noisy("l0"), Noisy("l1"), Noisy("l2")]
items.pop(1)
print("popped l1")
items[0] = "replaced"
print("replaced l0")
items.clear()
print("cleared list")

print("-- dict ownership")
d = {"k": Noisy("dval")}
d["k"] = 5
print("after overwriting dict value")
d["j"] = Noisy("dj")
del d["j"]
print("after del d['j']")

print("-- function locals")
def scope():
    local = Noisy("local")
    print("leaving scope")

scope()
print("after scope()")

def make_and_return():
    return Noisy("returned")

r = make_and_return()
print("got", r.name)
make_and_return()
print("discarded a returned object")

print("-- temporaries")
print(Noisy("temp").name)
print("after temp")

print("-- attribute ownership")
class Holder:
    def __init__(self):
        self.child = Noisy("child")

h = Holder()
h.child = None
print("child replaced")
h.child = Noisy("child2")
del h
print("holder deleted")

print("-- nested containers")
outer = [[Noisy("deep")]]
outer[0].append(1)
outer = []
print("outer rebound")

print("-- loop variable")
for i in range(2):
    x = Noisy("loop%d" % i)
print("loop done, x is", x.name)
del x
print("-- end of program")
keep = Noisy("module-level")
del r
print("r released")
keep = 0
print("last line")
