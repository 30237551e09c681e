"""string: common string constants, capwords, Template and Formatter.

ftl's frozen module with CPython 3.11's API:

* the constants whitespace, ascii_lowercase, ascii_uppercase,
  ascii_letters, digits, hexdigits, octdigits, punctuation, printable;
* capwords(s, sep=None);
* Template: substitute / safe_substitute (mapping and keywords, keywords
  winning), get_identifiers, is_valid, ``$$``, ``$name``, ``${name}``,
  any ``delimiter``, and CPython's errors ("Invalid placeholder in
  string: line 1, col 5", KeyError for a missing name).  With the default
  idpattern / braceidpattern / flags a hand-written scanner does the work
  (an identifier is ASCII: ``[_a-zA-Z][_a-zA-Z0-9]*``, as 3.11's
  ``(?a:...)`` with IGNORECASE says).  A subclass that sets its own
  ``idpattern``, ``braceidpattern``, ``flags`` or ``pattern`` (regular
  expressions) is served by the ``re`` module, compiled on first use;
  ``Template.pattern`` itself is None here (CPython has a compiled regex).
* Formatter: format, vformat, parse, get_field, get_value,
  check_unused_args, format_field, convert_field, with the parsing of
  CPython's ``_string.formatter_parser`` and
  ``_string.formatter_field_name_split`` written in Python (same results
  and error messages).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """s with each word capitalized: words are split at sep (at runs
    of whitespace when sep is None, then joined with one space) and
    joined again with sep."""
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


####################################################################
# Template

_IDENT_START = '_' + ascii_letters
_IDENT_REST = _IDENT_START + digits
_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_IGNORECASE = 2     # re.IGNORECASE
_VERBOSE = 64       # re.VERBOSE


_sentinel_dict = {}


class Template:
    """A template with $name / ${name} placeholders ($$ is a dollar)."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _IGNORECASE
    pattern = None

    def __init__(self, template):
        self.template = template

    # -- finding the placeholders -------------------------------------

    def _uses_default_pattern(self):
        cls = type(self)
        return (cls.pattern is None and cls.idpattern == _DEFAULT_IDPATTERN
                and cls.braceidpattern is None and cls.flags == _IGNORECASE)

    def _placeholders(self):
        """The placeholders of the template, in order, as tuples
        (start, end, kind, text): kind is 'escaped', 'named', 'braced' or
        'invalid'; text is the name (None for the others); an invalid one
        has start == end == the index just after its delimiter (where
        CPython's empty 'invalid' group matches)."""
        if not self._uses_default_pattern():
            return self._placeholders_re()
        t = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(t)
        found = []
        pos = t.find(delim) if dl else -1
        while pos >= 0:
            after = pos + dl
            if dl and t[after:after + dl] == delim:
                found.append((pos, after + dl, 'escaped', None))
                pos = t.find(delim, after + dl)
                continue
            if after < n and t[after] in _IDENT_START:
                end = after + 1
                while end < n and t[end] in _IDENT_REST:
                    end += 1
                found.append((pos, end, 'named', t[after:end]))
                pos = t.find(delim, end)
                continue
            if after + 1 < n and t[after] == '{' and t[after + 1] in _IDENT_START:
                end = after + 2
                while end < n and t[end] in _IDENT_REST:
                    end += 1
                if end < n and t[end] == '}':
                    found.append((pos, end + 1, 'braced', t[after + 1:end]))
                    pos = t.find(delim, end + 1)
                    continue
            found.append((pos, after, 'invalid', None))
            pos = t.find(delim, after)
        return found

    def _compiled(self):
        cls = type(self)
        pat = cls.__dict__.get('_ftl_compiled')
        if pat is None:
            import re
            pattern = cls.pattern
            if pattern is None:
                delim = re.escape(cls.delimiter)
                ident = cls.idpattern
                bident = cls.braceidpattern or cls.idpattern
                pattern = (delim + '(?:(?P<escaped>' + delim + ')|(?P<named>'
                           + ident + ')|{(?P<braced>' + bident
                           + ')}|(?P<invalid>))')
                pat = re.compile(pattern, cls.flags)
            elif isinstance(pattern, str):
                pat = re.compile(pattern, cls.flags | _VERBOSE)
            else:
                pat = pattern
            cls._ftl_compiled = pat
        return pat

    def _placeholders_re(self):
        found = []
        for mo in self._compiled().finditer(self.template):
            if mo.group('named') is not None:
                found.append((mo.start(), mo.end(), 'named', mo.group('named')))
            elif mo.group('braced') is not None:
                found.append((mo.start(), mo.end(), 'braced', mo.group('braced')))
            elif mo.group('escaped') is not None:
                found.append((mo.start(), mo.end(), 'escaped', None))
            elif mo.group('invalid') is not None:
                i = mo.start('invalid')
                found.append((i, i, 'invalid', None, mo.start(), mo.end()))
            else:
                raise ValueError('Unrecognized named group in pattern',
                                 self._compiled())
        return found

    def _invalid(self, i):
        prefix = self.template[:i]
        lines = prefix.splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = len(lines[-1])
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    # -- the public API ------------------------------------------------

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        return self._substitute(mapping, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        return self._substitute(mapping, True)

    def _substitute(self, mapping, safe):
        t = self.template
        parts = []
        last = 0
        for ph in self._placeholders():
            start, end, kind, name = ph[0], ph[1], ph[2], ph[3]
            if kind == 'invalid':
                if not safe:
                    self._invalid(end)
                # Left as it is: the delimiter stays in the text.
                continue
            parts.append(t[last:start])
            if kind == 'escaped':
                parts.append(self.delimiter)
            elif safe:
                try:
                    parts.append(str(mapping[name]))
                except KeyError:
                    parts.append(t[start:end])
            else:
                parts.append(str(mapping[name]))
            last = end
        parts.append(t[last:])
        return ''.join(parts)

    def is_valid(self):
        for ph in self._placeholders():
            if ph[2] == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for ph in self._placeholders():
            name = ph[3]
            if name is not None and name not in ids:
                ids.append(name)
        return ids


class _Chain:
    """Lookups in kws first, then in mapping (CPython uses a ChainMap)."""

    def __init__(self, kws, mapping):
        self.kws = kws
        self.mapping = mapping

    def __getitem__(self, key):
        if key in self.kws:
            return self.kws[key]
        return self.mapping[key]


####################################################################
# Formatter


def _parse_format(s):
    """The (literal_text, field_name, format_spec, conversion) tuples of
    format string s, as CPython's _string.formatter_parser yields them."""
    out = []
    n = len(s)
    pos = 0
    while pos < n:
        # Literal text up to a brace.
        i = pos
        c = ''
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                break
        else:
            out.append((s[pos:], None, None, None))
            return out
        at_end = i >= n
        if c == '}' and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if c == '{' and at_end:
            raise ValueError("Single '{' encountered in format string")
        if s[i] == c:
            # A doubled brace: the literal text ends with one of them.
            out.append((s[pos:i], None, None, None))
            pos = i + 1
            continue
        literal = s[pos:i - 1]
        # A replacement field: the name ends at '}', ':' or '!'; brackets
        # hide those characters.
        start = i
        c = ''
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while i < n and s[i] != ']':
                    i += 1
                continue
            if c == '}' or c == ':' or c == '!':
                break
        field_name = s[start:i - 1]
        conversion = None
        if c == '!' or c == ':':
            if c == '!':
                if i >= n:
                    raise ValueError(
                        "end of string while looking for conversion specifier")
                conversion = s[i]
                i += 1
                if i < n:
                    c = s[i]
                    i += 1
                    if c == '}':
                        out.append((literal, field_name, '', conversion))
                        pos = i
                        continue
                    if c != ':':
                        raise ValueError(
                            "expected ':' after conversion specifier")
            spec_start = i
            depth = 1
            while i < n:
                c = s[i]
                i += 1
                if c == '{':
                    depth += 1
                elif c == '}':
                    depth -= 1
                    if depth == 0:
                        break
            if depth:
                raise ValueError("unmatched '{' in format spec")
            out.append((literal, field_name, s[spec_start:i - 1], conversion))
        elif c != '}':
            raise ValueError("expected '}' before end of string")
        else:
            out.append((literal, field_name, '', None))
        pos = i
    return out


def _index_or_name(text):
    if text and text.isdecimal():
        return int(text)
    return text


def _field_rest(name, i):
    """(is_attribute, key) for each '.attr' / '[key]' of name from i on."""
    n = len(name)
    while i < n:
        c = name[i]
        i += 1
        if c == '.':
            start = i
            while i < n and name[i] != '.' and name[i] != '[':
                i += 1
            if i == start:
                raise ValueError("Empty attribute in format string")
            yield True, name[start:i]
        elif c == '[':
            start = i
            while i < n and name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            if i == start:
                raise ValueError("Empty attribute in format string")
            yield False, _index_or_name(name[start:i])
            i += 1
        else:
            raise ValueError(
                "Only '.' or '[' may follow ']' in format field specifier")


def _field_name_split(name):
    """(first, iterator of (is_attribute, key)) as CPython's
    _string.formatter_field_name_split; errors come from the iterator."""
    i = 0
    n = len(name)
    while i < n and name[i] != '.' and name[i] != '[':
        i += 1
    return _index_or_name(name[:i]), _field_rest(name, i)


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            # Automatic numbering ('{}') and manual ('{0}') do not mix.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """A list of (literal_text, field_name, format_spec, conversion):
        field_name is None where the literal text is not followed by a
        replacement field; conversion is None where there is none."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """(the object field_name designates, the key used for it)."""
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first
