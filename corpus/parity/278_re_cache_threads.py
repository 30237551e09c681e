# re: the compile cache, purge, Pattern equality/hash/copy/pickle, and
# patterns shared by threads.
import copy
import pickle
import re
import threading

p1 = re.compile(r"a+b")
p2 = re.compile(r"a+b")
print(p1 is p2, p1 == p2, hash(p1) == hash(p2), re.compile(p1) is p1)
print(re.compile("a") == re.compile("a", re.I), re.compile("a") != re.compile(b"a"), re.compile("a") == "a")
print(re.compile("(?i)a") == re.compile("a", re.I), {re.compile("x"): 1}[re.compile("x")])
re.purge()
p3 = re.compile(r"a+b")
print(p3 == p1, p3.search("xaab"))
print(copy.copy(p1) is p1, copy.deepcopy(p1) is p1)
m = p1.search("aab")
print(copy.copy(m) is m, copy.deepcopy(m) is m)
q = pickle.loads(pickle.dumps(re.compile(r"(?P<n>\d+)", re.I | re.M)))
print(q, q.flags, q.groupindex["n"], q.match("42"))
qb = pickle.loads(pickle.dumps(re.compile(rb"x+")))
print(qb, qb.findall(b"xx x"))
print(pickle.loads(pickle.dumps(re.I | re.S)) == re.I | re.S)

# more patterns than the cache holds
pats = [re.compile("p%d" % i) for i in range(600)]
print(all(re.compile("p%d" % i).pattern == "p%d" % i for i in range(600)))
print(re.search("p599", "xp599").span(), pats[0].match("p0").group())

# the module functions and compiled patterns from several threads
text = " ".join("item%d=%d" % (i, i * i) for i in range(200))
shared = re.compile(r"item(?P<k>\d+)=(?P<v>\d+)")
results = [None] * 8
errors = []

def work(slot):
    try:
        total = 0
        for rep in range(20):
            for m in shared.finditer(text):
                total += int(m.group("v")) - int(m["k"]) ** 2
            total += len(re.findall(r"item\d+", text))
            total += re.subn(r"=(\d+)", r":\1", text)[1]
            total += len(re.split(r"\s+", text))
            total += len(re.compile("item%d=" % (rep % 7)).findall(text))
            if re.sub(r"(\d)", lambda m: m.group(1), "a1b2") != "a1b2":
                total = -1
        results[slot] = total
    except Exception as exc:
        errors.append(repr(exc))

threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results, errors)
