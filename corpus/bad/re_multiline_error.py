# A verbose pattern with an error on its third line: line and column.
import re
re.compile(r"""
    (?P<word> \w+ )
    [abc
""", re.VERBOSE)
