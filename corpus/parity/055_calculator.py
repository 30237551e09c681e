# Real program: tokenizer + recursive-descent calculator with variables.
class Token:
    def __init__(self, kind, value):
        self.kind = kind
        self.value = value
    def __repr__(self):
        return "%s:%r" % (self.kind, self.value)

class CalcError(Exception):
    pass

def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(Token("num", float(text) if "." in text else int(text)))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(Token("name", src[i:j]))
            i = j
        elif src[i:i + 2] == "**":
            tokens.append(Token("op", "**"))
            i += 2
        elif ch in "+-*/%()=":
            tokens.append(Token("op", ch))
            i += 1
        else:
            raise CalcError("unexpected character %r at %d" % (ch, i))
    tokens.append(Token("end", None))
    return tokens

class Parser:
    def __init__(self, tokens, env):
        self.toks = tokens
        self.pos = 0
        self.env = env
    def peek(self):
        return self.toks[self.pos]
    def take(self, value=None):
        tok = self.toks[self.pos]
        if value is not None and tok.value != value:
            raise CalcError("expected %r, got %r" % (value, tok.value))
        self.pos += 1
        return tok
    def statement(self):
        if self.peek().kind == "name" and self.toks[self.pos + 1].value == "=":
            name = self.take().value
            self.take("=")
            val = self.expr()
            self.env[name] = val
            return val
        return self.expr()
    def expr(self):
        val = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            rhs = self.term()
            val = val + rhs if op == "+" else val - rhs
        return val
    def term(self):
        val = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            rhs = self.factor()
            if op == "*":
                val = val * rhs
            elif op == "/":
                if rhs == 0:
                    raise CalcError("division by zero")
                val = val / rhs
            else:
                val = val % rhs
        return val
    def factor(self):
        if self.peek().value == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek().value == "**":
            self.take()
            return base ** self.factor()
        return base
    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return tok.value
        if tok.kind == "name":
            if tok.value not in self.env:
                raise CalcError("unknown variable " + tok.value)
            return self.env[tok.value]
        if tok.value == "(":
            val = self.expr()
            self.take(")")
            return val
        raise CalcError("unexpected token %r" % (tok,))

env = {"pi": 3.14159}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "10 / 4", "10 % 4 - -3",
         "x = 5", "y = x * (x + 1) / 2", "y - x", "r = 2", "pi * r ** 2", "1.5 + .25",
         "7 / (3 - 3)", "2 $ 3", "(1 + 2", "z + 1", "100000000000 * 100000000000", "((((7))))"]
print(tokenize("a1 = 2**x + (3.5*b)"))
for line in lines:
    try:
        result = Parser(tokenize(line), env).statement()
        print("%-30s => %r" % (line, result))
    except CalcError as e:
        print("%-30s !! %s" % (line, e))
print(sorted(env.items()))
