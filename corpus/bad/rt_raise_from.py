def load(s):
    try:
        return int(s)
    except ValueError as e:
        raise LookupError("bad config value %r" % s) from e

print(load("7"))
print(load("seven"))
