# json.loads of bytes: UTF-8 (with and without BOM), UTF-16 and UTF-32 in
# both byte orders, detected as json.detect_encoding does.
import json

doc = {"text": "caf\u00e9 \u65e5\u672c \U0001F600", "n": [1, 2.5, None]}
text = json.dumps(doc, ensure_ascii=False)
for enc in ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
    data = text.encode(enc)
    print(enc, json.detect_encoding(data), json.loads(data) == doc)
for small in [b"1", b"12", b"\x001", b"1\x00", b"[]", b"\x00\x00\x00\x31", b"\x31\x00\x00\x00"]:
    print(small, json.detect_encoding(small))
print(json.loads("\ufeff[1]".encode("utf-8")), json.loads(bytearray(b"\xef\xbb\xbf{}")))
print(json.loads("7".encode("utf-16-le")), json.loads("[true]".encode("utf-32-be")))
try:
    json.loads("\ufeff[1]")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
for bad in [123, None, ["[]"]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print("TypeError:", e)
