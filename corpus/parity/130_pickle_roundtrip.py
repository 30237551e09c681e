# pickle: round trips at every protocol, sharing and cycles kept, instances
# rebuilt through each reduction path, and Pickler/Unpickler on a pipe.
import os
import pickle


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def __repr__(self):
        return 'Account(%r, %r)' % (self.owner, self.balance)


class Cache:
    """Leaves its cache out of the pickle."""

    def __init__(self, name):
        self.name = name
        self.cache = {'big': list(range(10))}

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['cache']
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = {}


class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius

    def __reduce__(self):
        return (Temperature, (self.celsius,))


print('protocols', pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL)

values = [None, True, 7, -2**70, 2.5, 'text \u00e9', b'\x00\xff', (1, 'a'),
          [1, [2, [3]]], {'k': (1, 2), 'n': None}, {3, 1, 2}]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    back = pickle.loads(pickle.dumps(values, proto))
    print(proto, back == values, back)

shared = ['shared']
graph = {'a': shared, 'b': shared}
graph['me'] = graph
back = pickle.loads(pickle.dumps(graph))
print('shared kept', back['a'] is back['b'], 'cycle kept', back['me'] is back)

a = pickle.loads(pickle.dumps(Account('ada', 10)))
print(a, type(a).__name__, a.__dict__)
c = pickle.loads(pickle.dumps(Cache('c1')))
print(c.name, c.cache)
t = pickle.loads(pickle.dumps(Temperature(21.5)))
print(type(t).__name__, t.celsius)
e = pickle.loads(pickle.dumps(KeyError('missing', 2)))
print(type(e).__name__, e.args)
print(pickle.loads(pickle.dumps([len, Account, os.getpid])))


class PipeWriter:
    def __init__(self, fd):
        self.fd = fd

    def write(self, data):
        view = data
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        return len(data)


class PipeReader:
    def __init__(self, fd):
        self.fd = fd

    def read(self, n):
        chunks = []
        while n > 0:
            chunk = os.read(self.fd, n)
            if not chunk:
                break
            chunks.append(chunk)
            n -= len(chunk)
        return b''.join(chunks)

    def readline(self):
        line = b''
        while not line.endswith(b'\n'):
            ch = os.read(self.fd, 1)
            if not ch:
                break
            line += ch
        return line


r, w = os.pipe()
writer = PipeWriter(w)
for proto in (0, 2, 4, 5):
    pickle.dump({'proto': proto, 'items': [proto] * 3}, writer, proto)
pickle.Pickler(writer, 1).dump(Account('bob', 3))
os.close(w)
reader = PipeReader(r)
for _ in range(4):
    print('from the pipe:', pickle.load(reader))
print('from the pipe:', pickle.Unpickler(reader).load())
try:
    pickle.load(reader)
except EOFError as err:
    print('EOFError', err)
os.close(r)


class Renaming(pickle.Unpickler):
    def find_class(self, module, name):
        if name == 'Account':
            return Temperature
        return super().find_class(module, name)


class Ids(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Account):
            return 'account:' + obj.owner
        return None


class Loads(pickle.Unpickler):
    def persistent_load(self, pid):
        return 'loaded ' + pid


r, w = os.pipe()
Ids(PipeWriter(w), 2).dump([Account('cy', 1), 'plain'])
os.close(w)
print(Loads(PipeReader(r)).load())
os.close(r)

r, w = os.pipe()
pickle.dump(Account('dee', 4), PipeWriter(w))
os.close(w)
moved = Renaming(PipeReader(r)).load()
print(type(moved).__name__, moved.__dict__)
os.close(r)

for bad in [b'', b'\x80\x04K', b'(.', b'\x80\x09.', b'zz', b'\x80\x02h\x05.']:
    try:
        pickle.loads(bad)
    except Exception as err:
        print(type(err).__name__, err)
for proto in (-1, 6, 'x'):
    try:
        print(len(pickle.dumps(1, proto)))
    except Exception as err:
        print(type(err).__name__, err)


def outer():
    def inner():
        pass
    return inner


for obj in [outer(), (x for x in 'ab'), os]:
    try:
        pickle.dumps(obj)
    except Exception as err:
        print(type(err).__name__, err)
try:
    pickle.dumps(lambda: 0)
except pickle.PicklingError as err:
    print('PicklingError', str(err).split(':')[1])


def reduce_account(account):
    return (Account, (account.owner.upper(), account.balance * 2))


class Doubling(pickle.Pickler):
    dispatch_table = {Account: reduce_account}


r, w = os.pipe()
Doubling(PipeWriter(w), 2).dump([Account('eve', 5), len, shared.append, Account])
os.close(w)
got = pickle.load(PipeReader(r))
os.close(r)
print(got[0], got[1], type(got[2]).__name__, got[3].__name__)
