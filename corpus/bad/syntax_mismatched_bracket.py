def foo(a):
    return a

foo(1]
