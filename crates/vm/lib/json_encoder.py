"""json.encoder: Python objects to JSON text (ftl's frozen module).

Covers CPython 3.11's JSONEncoder with every option (skipkeys,
ensure_ascii, check_circular, allow_nan, sort_keys, indent as an int or a
str, separators, default), its encode / iterencode / default methods, and
the helpers encode_basestring, encode_basestring_ascii, ESCAPE_DCT and
INFINITY.  Output is CPython's to the character: floats through
float.__repr__, ints through int.__repr__, NaN / Infinity / -Infinity,
\\uXXXX escapes (lower-case hex, a surrogate pair for a character beyond
the BMP) under ensure_ascii, and the same error messages ("Circular
reference detected", "Object of type X is not JSON serializable", "keys
must be str, int, float, bool or None, not X", "Out of range float values
are not JSON compliant").

encode() (and so json.dumps) builds the text in one list with recursive
functions; iterencode() is a generator yielding the same chunks as
CPython's pure-Python encoder, so json.dump writes as CPython does
(partial output before an error included).  Strings are escaped with
str.translate, per character only for non-ASCII text under ensure_ascii.

Differences: nesting beyond the recursion limit raises RecursionError with
the interpreter's plain message (CPython's C encoder appends "while
encoding a JSON object").
"""

__all__ = ['JSONEncoder', 'encode_basestring', 'encode_basestring_ascii']

INFINITY = float('inf')

# Characters that must be escaped in any JSON string.
ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    ESCAPE_DCT.setdefault(chr(_i), '\\u%04x' % _i)
del _i

# str.translate tables: all escapes; and the same plus DEL for ASCII output.
_TRANSLATE = {}
for _c in ESCAPE_DCT:
    _TRANSLATE[ord(_c)] = ESCAPE_DCT[_c]
del _c
_TRANSLATE_ASCII = dict(_TRANSLATE)
_TRANSLATE_ASCII[0x7f] = '\\u007f'


def _escape_non_ascii(code):
    if code < 0x10000:
        return '\\u%04x' % code
    code -= 0x10000
    return '\\u%04x\\u%04x' % (0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff))


def encode_basestring(s):
    """s as a JSON string literal (non-ASCII characters kept)."""
    return '"' + s.translate(_TRANSLATE) + '"'


def encode_basestring_ascii(s):
    """s as a JSON string literal in ASCII (\\uXXXX escapes)."""
    s = s.translate(_TRANSLATE_ASCII)
    if not s.isascii():
        table = {}
        for c in set(s):
            if c > '\x7f':
                table[ord(c)] = _escape_non_ascii(ord(c))
        s = s.translate(table)
    return '"' + s + '"'


def _make_floatstr(allow_nan):
    _repr = float.__repr__
    _inf = INFINITY
    _neginf = -INFINITY

    def floatstr(o):
        if o != o:
            text = 'NaN'
        elif o == _inf:
            text = 'Infinity'
        elif o == _neginf:
            text = '-Infinity'
        else:
            return _repr(o)
        if not allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    return floatstr


def _key_text(key, floatstr):
    """A dict key as a str, or None for a key of another type."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return floatstr(key)
    if key is True:
        return 'true'
    if key is False:
        return 'false'
    if key is None:
        return 'null'
    if isinstance(key, int):
        return int.__repr__(key)
    return None


def _bad_key(key):
    return TypeError('keys must be str, int, float, bool or None, not '
                     + key.__class__.__name__)


class JSONEncoder(object):
    """Encodes Python values as JSON text: dicts as objects, lists and
    tuples as arrays, str as strings, int and float as numbers, True /
    False / None as true / false / null.  Anything else goes through
    default(), which a subclass (or the default= argument) can make return
    something serializable; the base one raises TypeError.
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """A serializable stand-in for o; this one raises TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """The JSON text of o, as one str."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of o in pieces, produced as the encoding goes
        (a generator), to be written out one by one."""
        markers = {} if self.check_circular else None
        encoder = encode_basestring_ascii if self.ensure_ascii else encode_basestring
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        args = (markers, self.default, encoder, indent,
                _make_floatstr(self.allow_nan), self.key_separator,
                self.item_separator, self.sort_keys, self.skipkeys)
        if _one_shot:
            out = []
            _make_list_encoder(*args)(o, out)
            return out
        return _make_iterencode(*args)(o, 0)


def _make_list_encoder(markers, _default, _encoder, _indent, _floatstr,
                       _key_separator, _item_separator, _sort_keys, _skipkeys):
    """encode(o, out): append o's JSON text to the list out, in pieces."""
    _int_repr = int.__repr__

    def enc_list(lst, out, level):
        if not lst:
            out.append('[]')
            return
        if markers is not None:
            markerid = id(lst)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = lst
        if _indent is not None:
            level += 1
            newline = '\n' + _indent * level
            sep = _item_separator + newline
            out.append('[' + newline)
        else:
            newline = None
            sep = _item_separator
            out.append('[')
        append = out.append
        for v in lst:
            if isinstance(v, str):
                append(_encoder(v))
            elif v is None:
                append('null')
            elif v is True:
                append('true')
            elif v is False:
                append('false')
            elif isinstance(v, int):
                append(_int_repr(v))
            elif isinstance(v, float):
                append(_floatstr(v))
            elif isinstance(v, (list, tuple)):
                enc_list(v, out, level)
            elif isinstance(v, dict):
                enc_dict(v, out, level)
            else:
                enc_other(v, out, level)
            append(sep)
        # The separator after the last element becomes the closing bracket.
        if newline is not None:
            out[-1] = '\n' + _indent * (level - 1) + ']'
        else:
            out[-1] = ']'
        if markers is not None:
            del markers[markerid]

    def enc_dict(dct, out, level):
        if not dct:
            out.append('{}')
            return
        if markers is not None:
            markerid = id(dct)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = dct
        if _indent is not None:
            level += 1
            newline = '\n' + _indent * level
            sep = _item_separator + newline
            out.append('{' + newline)
        else:
            newline = None
            sep = _item_separator
            out.append('{')
        append = out.append
        items = sorted(dct.items()) if _sort_keys else dct.items()
        wrote = False
        for key, v in items:
            if not isinstance(key, str):
                text = _key_text(key, _floatstr)
                if text is None:
                    if _skipkeys:
                        continue
                    raise _bad_key(key)
                key = text
            append(_encoder(key))
            append(_key_separator)
            if isinstance(v, str):
                append(_encoder(v))
            elif v is None:
                append('null')
            elif v is True:
                append('true')
            elif v is False:
                append('false')
            elif isinstance(v, int):
                append(_int_repr(v))
            elif isinstance(v, float):
                append(_floatstr(v))
            elif isinstance(v, (list, tuple)):
                enc_list(v, out, level)
            elif isinstance(v, dict):
                enc_dict(v, out, level)
            else:
                enc_other(v, out, level)
            append(sep)
            wrote = True
        if newline is not None:
            closing = '\n' + _indent * (level - 1) + '}'
        else:
            closing = '}'
        if wrote:
            # The separator after the last item becomes the closing brace.
            out[-1] = closing
        else:
            # Every key was skipped (CPython keeps the indented newline).
            out.append(closing)
        if markers is not None:
            del markers[markerid]

    def enc_other(o, out, level):
        if markers is not None:
            markerid = id(o)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = o
        enc(_default(o), out, level)
        if markers is not None:
            del markers[markerid]

    def enc(o, out, level=0):
        if isinstance(o, str):
            out.append(_encoder(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(_int_repr(o))
        elif isinstance(o, float):
            out.append(_floatstr(o))
        elif isinstance(o, (list, tuple)):
            enc_list(o, out, level)
        elif isinstance(o, dict):
            enc_dict(o, out, level)
        else:
            enc_other(o, out, level)

    return enc


def _make_iterencode(markers, _default, _encoder, _indent, _floatstr,
                     _key_separator, _item_separator, _sort_keys, _skipkeys):
    """iterencode(o, level): a generator of o's JSON text in chunks."""
    _int_repr = int.__repr__

    def iter_list(lst, level):
        if not lst:
            yield '[]'
            return
        if markers is not None:
            markerid = id(lst)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = lst
        buf = '['
        if _indent is not None:
            level += 1
            newline = '\n' + _indent * level
            separator = _item_separator + newline
            buf += newline
        else:
            newline = None
            separator = _item_separator
        first = True
        for value in lst:
            if first:
                first = False
            else:
                buf = separator
            if isinstance(value, str):
                yield buf + _encoder(value)
            elif value is None:
                yield buf + 'null'
            elif value is True:
                yield buf + 'true'
            elif value is False:
                yield buf + 'false'
            elif isinstance(value, int):
                yield buf + _int_repr(value)
            elif isinstance(value, float):
                yield buf + _floatstr(value)
            else:
                yield buf
                if isinstance(value, (list, tuple)):
                    yield from iter_list(value, level)
                elif isinstance(value, dict):
                    yield from iter_dict(value, level)
                else:
                    yield from iter_any(value, level)
        if newline is not None:
            level -= 1
            yield '\n' + _indent * level
        yield ']'
        if markers is not None:
            del markers[markerid]

    def iter_dict(dct, level):
        if not dct:
            yield '{}'
            return
        if markers is not None:
            markerid = id(dct)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = dct
        yield '{'
        if _indent is not None:
            level += 1
            newline = '\n' + _indent * level
            separator = _item_separator + newline
            yield newline
        else:
            newline = None
            separator = _item_separator
        first = True
        items = sorted(dct.items()) if _sort_keys else dct.items()
        for key, value in items:
            if not isinstance(key, str):
                text = _key_text(key, _floatstr)
                if text is None:
                    if _skipkeys:
                        continue
                    raise _bad_key(key)
                key = text
            if first:
                first = False
            else:
                yield separator
            yield _encoder(key)
            yield _key_separator
            if isinstance(value, str):
                yield _encoder(value)
            elif value is None:
                yield 'null'
            elif value is True:
                yield 'true'
            elif value is False:
                yield 'false'
            elif isinstance(value, int):
                yield _int_repr(value)
            elif isinstance(value, float):
                yield _floatstr(value)
            elif isinstance(value, (list, tuple)):
                yield from iter_list(value, level)
            elif isinstance(value, dict):
                yield from iter_dict(value, level)
            else:
                yield from iter_any(value, level)
        if newline is not None:
            level -= 1
            yield '\n' + _indent * level
        yield '}'
        if markers is not None:
            del markers[markerid]

    def iter_any(o, level):
        if isinstance(o, str):
            yield _encoder(o)
        elif o is None:
            yield 'null'
        elif o is True:
            yield 'true'
        elif o is False:
            yield 'false'
        elif isinstance(o, int):
            yield _int_repr(o)
        elif isinstance(o, float):
            yield _floatstr(o)
        elif isinstance(o, (list, tuple)):
            yield from iter_list(o, level)
        elif isinstance(o, dict):
            yield from iter_dict(o, level)
        else:
            if markers is not None:
                markerid = id(o)
                if markerid in markers:
                    raise ValueError("Circular reference detected")
                markers[markerid] = o
            yield from iter_any(_default(o), level)
            if markers is not None:
                del markers[markerid]

    return iter_any
