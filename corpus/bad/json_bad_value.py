# json.loads of a document with a trailing comma: JSONDecodeError, shown
# with its module (json.decoder) in the traceback.
import json
print(json.loads('{"a": [1, 2]}'))
json.loads('{"a": [1, 2,]}')
