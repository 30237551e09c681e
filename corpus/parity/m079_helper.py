"""A module imported by 079_import_own_module.py; run on its own, it says so."""
LOADED = 0
LOADED += 1


def square(x):
    return x * x


class Counter:
    def __init__(self):
        self.total = 0

    def add(self, n):
        self.total += n


def calls_back(f):
    return [f(i) for i in range(3)]


if __name__ == "__main__":
    print("m079_helper run as a program")
