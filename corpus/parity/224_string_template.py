# string: the constants, capwords and Template ($-substitution).
import string
from string import Template

print(repr(string.whitespace), string.ascii_lowercase, string.ascii_uppercase)
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.printable), len(string.printable))
print(string.capwords("  hello   wide\tworld  "))
print(string.capwords("one-two-three", "-"), string.capwords("aBC dEF"))
print(repr(string.capwords("")), string.capwords("x,,y", ","))

t = Template("$who likes $what; ${who}s pay $$5 for ${what}!")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}))
print(t.substitute({"who": "ann", "what": "tea"}, what="coffee"))
print(t.safe_substitute(who="bob"))
print(t.safe_substitute())
print(t.get_identifiers(), t.is_valid())
print(t.template)

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: Template("$who is here").substitute())
show(lambda: Template("cost: $ 5").substitute())
show(lambda: Template("$").substitute())
show(lambda: Template("abc $ def").substitute())
show(lambda: Template("line one\nline two $1").substitute())
show(lambda: Template("line one\n$").substitute())
show(lambda: Template("a\n\nb ${ x}").substitute(x=1))
show(lambda: Template("${unclosed").substitute(unclosed=1))
show(lambda: Template("${x}y$x_y${9}").safe_substitute(x="X"))
show(lambda: Template("$$$$ $$$x $$$").safe_substitute(x=1))
show(lambda: Template("$$$").substitute())
show(lambda: Template("$a$b$c").substitute(a=1, b=[2], c=None))
show(lambda: Template("${a}${b}").substitute(a="${b}", b="$a"))
show(lambda: Template("caf\u00e9 $na\u00efve").safe_substitute(na="NA"))
show(lambda: Template("$_under $__x1 $x1y").substitute(_under=1, __x1=2, x1y=3))
show(lambda: Template("$1 ${1}").safe_substitute())
show(lambda: Template("$1 ${1} $a").is_valid())
show(lambda: Template("$a ${b} $a $$c ${d").get_identifiers())
show(lambda: Template("trailing $").safe_substitute())
show(lambda: Template("$x").substitute(x=1, y=2))
show(lambda: Template("$MixedCase").substitute(MixedCase="ok"))

class Percent(Template):
    delimiter = "%"

show(lambda: Percent("%who owes %% %amount, 100%").safe_substitute(who="Al", amount=3))
show(lambda: Percent("%{x}%x").substitute(x=7))
show(lambda: Percent("50% off").substitute())

class Hash2(Template):
    delimiter = "##"

show(lambda: Hash2("##a ####b ##{a}").substitute(a=1))
show(lambda: Hash2("x ## y").substitute())
show(lambda: Hash2("x # y").substitute())

m = {"k": "v"}
show(lambda: Template("$k").substitute(m))
show(lambda: Template("$k$z").safe_substitute(m, z="Z"))
