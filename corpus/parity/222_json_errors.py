# json: JSONDecodeError messages, positions, line/column and attributes.
import json

bad = ['', '   ', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}', '{1: 2}',
       "{'a': 1}", '[', '[1', '[1,', '[1,]', '[1 2]', '[,1]', '[1,,2]', '"abc', '"a\\',
       '"a\\x"', '"\\U0041"', '"\\u12"', '"\\u12g4"', '"\\u"', '"\\ud800\\u12"',
       '"a\nb"', '"tab\there"', '"a\x01', '-', '-a', '01', '1.', '1e', '1e+', '.5', '+1',
       '1.5.5', '123abc', 'nul', 'tru', 'fals', 'nan', 'inf', '-inf', 'True', 'None',
       '[1]x', '1 2', '{"a":1} {"b":2}', '[-]', '[-1.e5]', '{"a":}',
       '\ufeff[1]', '[\n  1,\n  2\n  3\n]', '{\n"a": 1,\n"b" 2}', 'x\ny\nz', '\n\n\n!']
for t in bad:
    try:
        json.loads(t)
        print(repr(t), "parsed?!")
    except json.JSONDecodeError as e:
        print(repr(t), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == t)

try:
    json.loads('[1, 2, oops]')
except ValueError as e:
    print(type(e).__name__, isinstance(e, json.JSONDecodeError), e.args)

err = json.JSONDecodeError("Custom message", "ab\ncd\nef", 5)
print(str(err), err.msg, err.pos, err.lineno, err.colno)
print(issubclass(json.JSONDecodeError, ValueError))
print(json.JSONDecodeError.__name__)

dec = json.JSONDecoder()
for t, i in [('  1', 0), ('[1] x', 10), ('abc', 1)]:
    try:
        print(dec.raw_decode(t, i))
    except json.JSONDecodeError as e:
        print("raw_decode", repr(t), i, "|", e)

for t in ['"a\x00b"', '["\x1f"]']:
    try:
        json.loads(t)
    except json.JSONDecodeError as e:
        print(repr(t), e)
    print(repr(json.loads(t, strict=False)))
