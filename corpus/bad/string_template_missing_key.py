# string.Template.substitute with a name the mapping lacks.
from string import Template
t = Template("Hello, ${name}!")
print(t.safe_substitute())
t.substitute(greeting="hi")
