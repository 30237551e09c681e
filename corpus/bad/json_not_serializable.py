# json.dumps of a set (no default= given).
import json
print(json.dumps({"ok": [1, 2]}))
json.dumps({"tags": {"a"}})
