# try/except/else/finally ordering, nesting, re-raise, hierarchy catches.
def attempt(n):
    print("attempt", n)
    try:
        print("  try")
        if n == 1:
            raise ValueError("bad value")
        if n == 2:
            raise KeyError("k")
        if n == 3:
            return "returned from try"
        print("  try ok")
    except ValueError as e:
        print("  except ValueError", e)
    except (KeyError, IndexError) as e:
        print("  except tuple", type(e).__name__, e)
    else:
        print("  else")
    finally:
        print("  finally")
    return "end of function"

for n in range(4):
    print(attempt(n))
try:
    {}["missing"]
except LookupError as e:
    print("LookupError caught", type(e).__name__, repr(e))
try:
    [][3]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
try:
    1 / 0
except ArithmeticError as e:
    print("ArithmeticError caught", type(e).__name__, e)
try:
    int("x")
except Exception as e:
    print("Exception caught", type(e).__name__, e)
try:
    raise RuntimeError("boom")
except:
    print("bare except")
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError),
      issubclass(RecursionError, RuntimeError), issubclass(ModuleNotFoundError, ImportError),
      issubclass(UnboundLocalError, NameError), issubclass(NotImplementedError, RuntimeError),
      issubclass(Exception, BaseException), issubclass(SystemExit, Exception),
      issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception),
      issubclass(OverflowError, ArithmeticError), issubclass(GeneratorExit, Exception))

def reraiser():
    try:
        raise ValueError("original")
    except ValueError:
        print("  handling, then re-raising")
        raise

try:
    reraiser()
except ValueError as e:
    print("outer got", e)

def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("  wrong handler")
        finally:
            print("  inner finally")
    except TypeError as e:
        print("  outer handler", e)
        return "handled"
    finally:
        print("  outer finally")

print(nested())
results = []
for v in ["10", "x", "0", "5"]:
    try:
        results.append(100 // int(v))
    except ValueError:
        results.append("nan")
    except ZeroDivisionError:
        results.append("inf")
    else:
        results.append("ok")
print(results)

def first_match(exc):
    try:
        raise exc
    except ZeroDivisionError:
        return "ZeroDivisionError"
    except ArithmeticError:
        return "ArithmeticError"
    except LookupError:
        return "LookupError"
    except Exception:
        return "Exception"

for exc in [ZeroDivisionError(), OverflowError(), KeyError(), IndexError(), ValueError(), RecursionError()]:
    print(type(exc).__name__, "->", first_match(exc))
e1 = ValueError("a", 2)
print(e1.args, str(e1), repr(e1), str(ValueError()), repr(ValueError()), repr(KeyError("k")), str(KeyError("k")))
print(str(ValueError("single")), repr(TypeError("x")), Exception("m").args, str(Exception(1, 2)))
try:
    raise ValueError
except ValueError as e:
    print("raised class", repr(e), e.args)
while True:
    try:
        break
    finally:
        print("finally runs on break")
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
