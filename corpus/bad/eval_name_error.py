print(eval("missing + 1", {}))
