# json.dumps of a list that contains itself.
import json
data = [1, 2]
data.append({"back": data})
json.dumps(data)
