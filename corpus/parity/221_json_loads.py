# json.loads: values, whitespace, escapes, numbers, bytes input, hooks.
import json

texts = ['null', 'true', 'false', '0', '-0', '42', '-17', '12345678901234567890',
         '1.5', '-0.25', '1e3', '1E-3', '2.5e+10', '0.1', '1.0', '-0.0', '1e400',
         '"plain"', '""', '"quote\\" back\\\\ slash\\/"', '"\\b\\f\\n\\r\\t"',
         '"\\u0041\\u00e9\\u65e5"', '"\\ud83d\\ude00"', '"caf\u00e9 \u65e5\u672c"',
         '[]', '{}', '[1, 2, 3]', '{"a": 1, "b": [true, false, null]}',
         ' \t\n\r [ 1 , { "k" : "v" } ] \n ', '[[[[[]]]]]', '{"a":{"b":{"c":{}}}}',
         '{"dup": 1, "dup": 2}', '{"": ""}', 'NaN', 'Infinity', '-Infinity',
         '[NaN, Infinity, -Infinity]', '"\u2028"', '{"\\u00e9": "x"}']
for t in texts:
    v = json.loads(t)
    print(repr(t), "->", repr(v), type(v).__name__)

print(json.loads(b'{"bytes": [1, 2]}'), json.loads(bytearray(b'[true]')))
print(json.loads('"\\u00e9"'.encode("utf-8")), json.loads('"\u00e9"'.encode("utf-8")))
print(json.loads('"ok"', strict=False), json.loads('"tab\there"', strict=False),
      json.loads('["new\nline"]', strict=False))

doc = json.loads('{"z": 1, "a": {"y": 2, "b": 3}, "list": [{"k": 1}]}')
print(doc, list(doc))
print(json.loads('{"z": 1, "a": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"z": 1, "a": {"q": 2}}', object_pairs_hook=lambda p: sorted(p)))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: ("obj", sorted(d.items()))))
print(json.loads('{"x": 1}', object_hook=lambda d: 1, object_pairs_hook=lambda p: 2))
print(json.loads('[1.5, 2, 3e2]', parse_float=lambda s: "F" + s))
print(json.loads('[1.5, 2, -30]', parse_int=lambda s: "I" + s))
print(json.loads('[1, 2.0]', parse_int=float, parse_float=str))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: "C" + s))
print(json.loads('{}', object_hook=lambda d: "empty hook"), json.loads('{}', object_pairs_hook=lambda p: p))
nan = json.loads("NaN")
print(nan != nan, json.loads("1e400") == float("inf"))

big = {"items": [{"id": i, "name": "n%d" % i, "tags": ["a", "b"][: i % 3], "score": i / 4}
                 for i in range(50)], "meta": {"count": 50, "ok": True}}
text = json.dumps(big)
print(len(text), json.loads(text) == big)
print(json.loads(json.dumps(big, indent=2, sort_keys=True)) == big)
print(json.loads(json.dumps("\x00\x1f\ud7ff\ue000\U0010ffff")) == "\x00\x1f\ud7ff\ue000\U0010ffff")
print(json.loads(json.dumps(["\U0001F600" * 3], ensure_ascii=True)))

dec = json.JSONDecoder()
print(dec.decode(' [1, 2] '), dec.raw_decode('[1, 2] tail'), dec.raw_decode('{"a": 1}{"b": 2}', 8))
print(dec.raw_decode('"s" 1'), dec.raw_decode('123abc'), dec.raw_decode('nullx'))
