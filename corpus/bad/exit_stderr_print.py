import sys
print("working")
print("warning: first problem", file=sys.stderr)
print("fatal:", "giving up", 42, file=sys.stderr)
sys.exit(2)
