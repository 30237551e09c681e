# string.Template.substitute with a "$" that starts no placeholder.
from string import Template
print(Template("$a and $$b").substitute(a=1))
Template("abc $ def").substitute()
