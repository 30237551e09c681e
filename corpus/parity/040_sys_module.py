# sys: argv, recursion limit, RecursionError recovery, stdout.write, maxsize, exit(0).
import sys

print("argc", len(sys.argv), "extra args", sys.argv[1:])
print("script name ends with .py", sys.argv[0].endswith(".py"))
print("default recursion limit", sys.getrecursionlimit())
sys.setrecursionlimit(1500)
print("new limit", sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print("restored", sys.getrecursionlimit())
n = sys.stdout.write("written via sys.stdout.write\n")
print("write returned", n)
sys.stdout.write("no newline, ")
sys.stdout.write("then newline\n")
print("maxsize", sys.maxsize, sys.maxsize == 2 ** 63 - 1)

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
print("still running after RecursionError")

depth = 0

def measure():
    global depth
    depth += 1
    measure()

try:
    measure()
except RecursionError:
    print("measured depth is in range:", 900 < depth <= 1000)

def safe_depth(n):
    if n == 0:
        return 0
    return 1 + safe_depth(n - 1)

print("recursion to 500 ok:", safe_depth(500))

def catch_inside(n):
    try:
        return catch_inside(n + 1)
    except RecursionError:
        return n

reached = catch_inside(0)
print("caught inside at some depth:", reached > 500)
print("and again works:", safe_depth(800))
print("flush test", flush=True)
print("to stdout explicitly", file=sys.stdout)
print("implementation name is known:", sys.implementation.name in ("cpython", "ftl"))
print("a", "b", "c", sep="", end="|\n")
print("x", 1, None, sep=", ")
print(end="")
print()
print("multi", "line", sep="\n")
sys.stdout.write(str(42) + "\n")
print("exiting with status 0")
sys.exit(0)
print("never printed")
