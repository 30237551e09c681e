# raise from, custom exceptions with attributes, finally overriding, unbound `e`.
class AppError(Exception):
    pass

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(field + ": " + message)
        self.field = field
        self.message = message

class CodeError(AppError):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code
    def __str__(self):
        return "CodeError[%d]" % self.code

try:
    raise ValidationError("age", "must be positive")
except AppError as e:
    print(type(e).__name__, e, e.field, e.message, e.args, repr(e))
try:
    raise CodeError(404)
except CodeError as e:
    print(e, e.code, e.args, repr(e), str(e))
print(isinstance(ValidationError("f", "m"), Exception), issubclass(CodeError, AppError))

def convert(s):
    try:
        return int(s)
    except ValueError as exc:
        raise AppError("cannot convert %r" % s) from exc

try:
    convert("zz")
except AppError as e:
    print("AppError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("during handling")
except KeyError as e:
    print("context:", type(e.__context__).__name__, e.__context__, e.__cause__)
try:
    raise ValueError("x") from None
except ValueError as e:
    print("from None:", e.__cause__)

def finally_replaces():
    try:
        raise ValueError("original")
    finally:
        raise RuntimeError("from finally")

try:
    finally_replaces()
except Exception as e:
    print("caught", type(e).__name__, e, "| context:", type(e.__context__).__name__)

def finally_return():
    try:
        raise ValueError("swallowed")
    finally:
        return "finally wins"

print(finally_return())

def finally_overrides_return():
    try:
        return "try"
    finally:
        return "finally"

print(finally_overrides_return())

def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out

print(loop_with_finally())
try:
    raise ValueError("bound")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
e = "rebound"
try:
    raise KeyError(1)
except KeyError as e:
    pass
try:
    e
except NameError:
    print("e was unbound again")

def chain_depth():
    try:
        try:
            raise IndexError("level1")
        except IndexError as a:
            raise TypeError("level2") from a
    except TypeError as b:
        return "%s <- %s" % (b, b.__cause__)

print(chain_depth())
errors = []
for exc_type in (ValueError, TypeError, AppError):
    try:
        raise exc_type("made %s" % exc_type.__name__)
    except (ValueError, AppError) as err:
        errors.append(("caught", str(err)))
    except Exception as err:
        errors.append(("generic", type(err).__name__))
print(errors)
try:
    raise ValidationError("x", "y")
except ValueError:
    print("wrong")
except AppError as err:
    print("AppError catches subclass:", err)
