# json: JSONEncoder / JSONDecoder subclasses, cls=, iterencode chunks,
# dump / load through file-like objects.
import json

class Money:
    def __init__(self, units, currency):
        self.units = units
        self.currency = currency

class MoneyEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Money):
            return {"__money__": [o.units, o.currency]}
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)

def as_money(d):
    if "__money__" in d:
        units, cur = d["__money__"]
        return Money(units, cur)
    return d

wallet = {"cash": Money(5, "EUR"), "cards": [Money(100, "USD")], "tags": {"b", "a"}}
text = json.dumps(wallet, cls=MoneyEncoder, sort_keys=True)
print(text)
back = json.loads(text, object_hook=as_money)
print(type(back["cash"]).__name__, back["cash"].units, back["cards"][0].currency, back["tags"])
try:
    json.dumps([object()], cls=MoneyEncoder)
except TypeError as e:
    print("TypeError:", e)

enc = json.JSONEncoder()
print(enc.item_separator, enc.key_separator, enc.indent, enc.sort_keys, enc.skipkeys,
      enc.ensure_ascii, enc.check_circular, enc.allow_nan)
enc2 = json.JSONEncoder(indent=2)
print(repr(enc2.item_separator), repr(enc2.key_separator))
enc3 = json.JSONEncoder(separators=(";", "="), sort_keys=True)
print(enc3.encode({"b": [1, 2], "a": None}))
print(enc.encode("just a string"), enc.encode(3.25), enc.encode(None))
print(list(enc.iterencode({"a": [1, 2, {"b": None}], "c": "x"})))
print(list(json.JSONEncoder(indent=2).iterencode([1, "a", [2, [3]], {"k": 4.5}])))
print(list(enc.iterencode([])), list(enc.iterencode({})), list(enc.iterencode(7)))
print(list(json.JSONEncoder(default=lambda o: "D").iterencode([object(), {"o": object()}])))

class Decimalish:
    def __init__(self, text):
        self.text = text
    def __repr__(self):
        return "Decimalish(%r)" % self.text

class MyDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(parse_float=Decimalish, object_pairs_hook=self.pairs, **kw)
    def pairs(self, items):
        return {k.upper(): v for k, v in items}

print(json.loads('{"price": 1.10, "qty": 3, "sub": {"x": 2.50}}', cls=MyDecoder))
print(MyDecoder().decode('[0.1]'), MyDecoder(strict=False).decode('"a\tb"'))
dec = json.JSONDecoder(parse_int=lambda s: int(s) * 10)
print(dec.decode("[1, 2, 3.5]"), dec.parse_float is float, dec.strict, dec.object_hook)

class Out:
    def __init__(self):
        self.chunks = []
    def write(self, s):
        self.chunks.append(s)

out = Out()
json.dump({"a": [1, 2, {"b": True}]}, out)
print(out.chunks)
out = Out()
json.dump({"z": 1, "y": [1]}, out, indent=1, sort_keys=True)
print("".join(out.chunks))
out = Out()
try:
    json.dump([1, 2, object(), 4], out)
except TypeError as e:
    print("TypeError:", e, out.chunks)
out = Out()
json.dump([Money(1, "GBP")], out, cls=MoneyEncoder, separators=(",", ":"))
print("".join(out.chunks))

class In:
    def __init__(self, text):
        self.text = text
    def read(self):
        return self.text

print(json.load(In('{"loaded": [1, 2]}')))
print(json.load(In(b'[1.5]'), parse_float=str))
print(json.load(In('{"m": {"__money__": [7, "JPY"]}}'), object_hook=as_money)["m"].units)
print(json.dumps(json.loads('{"k": [1, {"n": null}]}'), indent=2) == json.dumps({"k": [1, {"n": None}]}, indent=2))

import json.decoder
import json.encoder
print(json.decoder.scanstring('"abc\\n" rest', 1), json.decoder.JSONDecodeError is json.JSONDecodeError)
print(json.encoder.encode_basestring('a"\n\u00e9'), json.encoder.encode_basestring_ascii('a"\n\u00e9\U0001F600'))
print(json.encoder.JSONEncoder is json.JSONEncoder, json.decoder.JSONDecoder is json.JSONDecoder)
print(json.JSONDecodeError.__module__, json.JSONEncoder.__module__, json.JSONDecoder.__module__)
