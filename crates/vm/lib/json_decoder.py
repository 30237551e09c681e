"""json.decoder: JSON text to Python objects (ftl's frozen module).

Covers CPython 3.11's public API: JSONDecoder (decode, raw_decode and the
object_hook, object_pairs_hook, parse_float, parse_int, parse_constant and
strict options), JSONDecodeError (a ValueError with msg, doc, pos, lineno
and colno) and scanstring(s, end, strict=True).  Error messages and
positions are those of CPython's C scanner (the one CPython really uses).

The scanner is hand-written over the str with index arithmetic: strings
are cut out with str.find and slicing (a per-character loop runs only for
escapes and to locate a control character), and array / object elements
are dispatched inline so that each nesting level costs one Python frame.

Differences from CPython:
* nesting deeper than the recursion limit raises RecursionError with the
  interpreter's plain message (CPython's C scanner adds "while decoding a
  JSON array from a unicode string");
* a lone surrogate escape ("\\ud800") needs a str that can hold a lone
  surrogate; where the interpreter refuses those, chr() raises its error;
* CPython's JSONObject / JSONArray helpers and the py_scanstring /
  c_scanstring aliases are not provided (scanstring is).
"""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}


def _constant(name):
    return _CONSTANTS[name]


# What follows a backslash in a JSON string (\u is handled apart).
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
              'n': '\n', 'r': '\r', 't': '\t'}

_HEXDIGITS = '0123456789abcdefABCDEF'
_WS = ' \t\n\r'


class JSONDecodeError(ValueError):
    """A ValueError for malformed JSON: msg (the message alone), doc
    (the text), pos (the index in doc), lineno and colno (1-based)."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)'
                            % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def _first_control(text):
    """Index of the first character below U+0020 in text, or -1."""
    if text.isprintable():
        return -1
    i = 0
    for c in text:
        if c < ' ':
            return i
        i += 1
    return -1


def _hex4(s, upos, n):
    """The value of the 4 hex digits after the 'u' at s[upos]."""
    # CPython wants at least one character after the four digits.
    if upos + 5 >= n:
        raise JSONDecodeError("Invalid \\uXXXX escape", s, upos)
    h = s[upos + 1:upos + 5]
    if (h[0] in _HEXDIGITS and h[1] in _HEXDIGITS and h[2] in _HEXDIGITS
            and h[3] in _HEXDIGITS):
        return int(h, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, upos)


def scanstring(s, end, strict=True):
    """Scan the JSON string whose opening quote is s[end - 1].

    Returns (the decoded str, the index just past the closing quote).
    With strict (the default) a control character inside is an error.
    """
    q = s.find('"', end)
    if q >= 0 and s.find('\\', end, q) < 0:
        chunk = s[end:q]
        if not strict or chunk.isprintable() or _first_control(chunk) < 0:
            return chunk, q + 1
    return _scanstring_slow(s, end, strict)


def _scanstring_slow(s, end, strict):
    begin = end - 1
    n = len(s)
    parts = []
    lone = False    # a lone surrogate is kept as its int in parts
    pos = end
    while True:
        q = s.find('"', pos)
        stop = n if q < 0 else q
        bs = s.find('\\', pos, stop)
        if bs >= 0:
            stop = bs
        if strict:
            k = _first_control(s[pos:stop])
            if k >= 0:
                raise JSONDecodeError("Invalid control character at", s, pos + k)
        if bs < 0:
            if q < 0:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            parts.append(s[pos:q])
            if lone:
                # Made only now that the string is known to be well formed.
                parts = [chr(p) if isinstance(p, int) else p for p in parts]
            return ''.join(parts), q + 1
        parts.append(s[pos:bs])
        if bs + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[bs + 1]
        if esc != 'u':
            ch = _BACKSLASH.get(esc)
            if ch is None:
                raise JSONDecodeError("Invalid \\escape", s, bs)
            parts.append(ch)
            pos = bs + 2
            continue
        upos = bs + 1
        code = _hex4(s, upos, n)
        pos = upos + 5
        if 0xd800 <= code <= 0xdbff and s[pos:pos + 2] == '\\u':
            # A high surrogate followed by a valid low one makes one
            # character; anything else is left for the loop to read again.
            u2 = pos + 1
            if u2 + 5 < n:
                h = s[u2 + 1:u2 + 5]
                if (h[0] in _HEXDIGITS and h[1] in _HEXDIGITS
                        and h[2] in _HEXDIGITS and h[3] in _HEXDIGITS):
                    low = int(h, 16)
                    if 0xdc00 <= low <= 0xdfff:
                        code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                        pos = u2 + 5
        if 0xd800 <= code <= 0xdfff:
            lone = True
            parts.append(code)
        else:
            parts.append(chr(code))


def make_scanner(context):
    """A scan_once(string, idx) -> (value, end) function for a decoder.

    It raises StopIteration(idx) when no JSON value starts at idx, and
    JSONDecodeError for an error inside a value, as CPython's does.
    """
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    strict = context.strict
    WS = _WS

    def number(s, idx, n):
        start = idx
        if s[idx] == '-':
            idx += 1
            if idx >= n:
                raise JSONDecodeError("Expecting value", s, start)
        c = s[idx]
        if c == '0':
            idx += 1
        elif '1' <= c <= '9':
            idx += 1
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
        else:
            raise JSONDecodeError("Expecting value", s, start)
        is_float = False
        if idx + 1 < n and s[idx] == '.' and '0' <= s[idx + 1] <= '9':
            is_float = True
            idx += 2
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
        if idx < n and (s[idx] == 'e' or s[idx] == 'E'):
            e = idx
            idx += 1
            if idx < n and (s[idx] == '+' or s[idx] == '-'):
                idx += 1
            digits = idx
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
            if idx > digits:
                is_float = True
            else:
                idx = e
        if is_float:
            return parse_float(s[start:idx]), idx
        return parse_int(s[start:idx]), idx

    def scalar(s, idx, n):
        # Any value but a string, an object or an array.
        if idx >= n:
            raise JSONDecodeError("Expecting value", s, idx)
        c = s[idx]
        if c == 'n':
            if s[idx:idx + 4] == 'null':
                return None, idx + 4
        elif c == 't':
            if s[idx:idx + 4] == 'true':
                return True, idx + 4
        elif c == 'f':
            if s[idx:idx + 5] == 'false':
                return False, idx + 5
        elif c == 'N':
            if s[idx:idx + 3] == 'NaN':
                return parse_constant('NaN'), idx + 3
        elif c == 'I':
            if s[idx:idx + 8] == 'Infinity':
                return parse_constant('Infinity'), idx + 8
        elif c == '-' and s[idx:idx + 9] == '-Infinity':
            return parse_constant('-Infinity'), idx + 9
        else:
            return number(s, idx, n)
        raise JSONDecodeError("Expecting value", s, idx)

    def array(s, idx, n):
        # s[idx - 1] is '['
        while idx < n and s[idx] in WS:
            idx += 1
        if idx < n and s[idx] == ']':
            return [], idx + 1
        values = []
        append = values.append
        while True:
            c = s[idx] if idx < n else ''
            if c == '"':
                v, idx = scanstring(s, idx + 1, strict)
            elif c == '{':
                v, idx = obj(s, idx + 1, n)
            elif c == '[':
                v, idx = array(s, idx + 1, n)
            else:
                v, idx = scalar(s, idx, n)
            append(v)
            c = s[idx] if idx < n else ''
            if c in WS and c:
                idx += 1
                while idx < n and s[idx] in WS:
                    idx += 1
                c = s[idx] if idx < n else ''
            if c == ',':
                idx += 1
                while idx < n and s[idx] in WS:
                    idx += 1
            elif c == ']':
                return values, idx + 1
            else:
                raise JSONDecodeError("Expecting ',' delimiter", s, idx)

    def obj(s, idx, n):
        # s[idx - 1] is '{'
        while idx < n and s[idx] in WS:
            idx += 1
        if idx < n and s[idx] == '}':
            if object_pairs_hook is not None:
                return object_pairs_hook([]), idx + 1
            if object_hook is not None:
                return object_hook({}), idx + 1
            return {}, idx + 1
        pairs = None
        result = {}
        if object_pairs_hook is not None:
            pairs = []
        while True:
            if idx >= n or s[idx] != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, idx)
            key, idx = scanstring(s, idx + 1, strict)
            if idx < n and s[idx] == ':':
                idx += 1
            else:
                while idx < n and s[idx] in WS:
                    idx += 1
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx += 1
            while idx < n and s[idx] in WS:
                idx += 1
            c = s[idx] if idx < n else ''
            if c == '"':
                v, idx = scanstring(s, idx + 1, strict)
            elif c == '{':
                v, idx = obj(s, idx + 1, n)
            elif c == '[':
                v, idx = array(s, idx + 1, n)
            else:
                v, idx = scalar(s, idx, n)
            if pairs is None:
                result[key] = v
            else:
                pairs.append((key, v))
            c = s[idx] if idx < n else ''
            if c in WS and c:
                idx += 1
                while idx < n and s[idx] in WS:
                    idx += 1
                c = s[idx] if idx < n else ''
            if c == ',':
                idx += 1
                while idx < n and s[idx] in WS:
                    idx += 1
            elif c == '}':
                idx += 1
                break
            else:
                raise JSONDecodeError("Expecting ',' delimiter", s, idx)
        if pairs is not None:
            return object_pairs_hook(pairs), idx
        if object_hook is not None:
            return object_hook(result), idx
        return result, idx

    def scan_once(string, idx):
        n = len(string)
        if idx >= n:
            raise StopIteration(idx)
        c = string[idx]
        if c == '"':
            return scanstring(string, idx + 1, strict)
        if c == '{':
            return obj(string, idx + 1, n)
        if c == '[':
            return array(string, idx + 1, n)
        try:
            return scalar(string, idx, n)
        except JSONDecodeError as err:
            if err.pos == idx and err.msg == "Expecting value":
                raise StopIteration(idx) from None
            raise

    return scan_once


class JSONDecoder(object):
    """Decodes JSON text: objects become dicts (or what object_hook /
    object_pairs_hook make of them), arrays lists, strings str, numbers
    int or float (or what parse_int / parse_float return), true / false /
    null True / False / None; NaN, Infinity and -Infinity (not JSON, but
    accepted as CPython does) become floats through parse_constant.
    strict=False lets control characters appear inside strings.
    """

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = make_scanner(self)

    def decode(self, s):
        """The Python value of the JSON document s (a str); only
        whitespace may surround it."""
        n = len(s)
        idx = 0
        while idx < n and s[idx] in _WS:
            idx += 1
        obj, end = self.raw_decode(s, idx)
        while end < n and s[end] in _WS:
            end += 1
        if end != n:
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """(value, end) for the JSON value starting exactly at s[idx]:
        text after it is left alone (end is where it stops)."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
