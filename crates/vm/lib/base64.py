"""base64: Base16, Base32, Base64, Base85 and Ascii85 data encodings.

ftl's frozen module with CPython 3.11's API: b64encode / b64decode
(altchars, validate: binascii's strict mode), standard_b64encode /
standard_b64decode, urlsafe_b64encode / urlsafe_b64decode, b32encode /
b32decode (casefold, map01), b32hexencode / b32hexdecode, b16encode /
b16decode (casefold), a85encode / a85decode (foldspaces, wrapcol, pad,
adobe, ignorechars), b85encode / b85decode, encodebytes / decodebytes,
and encode / decode between binary file objects.  The decoders take
bytes, bytearray or an ASCII str; the encoders bytes-like objects, with
CPython's TypeError / ValueError / binascii.Error messages.

Base64 and hex go through binascii (ftl's binascii.py); the others are
written here.  Left out: the command-line interface (main) and the
deprecated encodestring / decodestring (removed in 3.9 anyway).
"""

import binascii

__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'b85encode', 'b85decode', 'a85encode', 'a85decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
]

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII '
                             'characters') from None
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except (TypeError, NameError):
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None


def _to_bytes(s):
    """A bytes-like argument of the base32 / base85 encoders as bytes
    (CPython's memoryview TypeError otherwise)."""
    if isinstance(s, bytes):
        return s
    if isinstance(s, bytearray):
        return bytes(s)
    try:
        return memoryview(s).tobytes()
    except (TypeError, NameError):
        raise TypeError("memoryview: a bytes-like object is required, "
                        "not '%s'" % s.__class__.__name__) from None


# -- Base64 (the work is binascii's) --------------------------------------

def b64encode(s, altchars=None):
    """Base64 of the bytes-like s; altchars (2 bytes) replace '+' and '/'."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """The bytes whose Base64 is s (bytes-like or ASCII str).

    altchars (2 bytes or characters) stand for '+' and '/'.  Without
    validate, characters outside the alphabet are skipped; with it they
    are an error (binascii's strict mode).  Bad padding raises
    binascii.Error.
    """
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    """b64encode(s): the standard alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """b64decode(s): the standard alphabet."""
    return b64decode(s)


def urlsafe_b64encode(s):
    """Base64 of s with '-' and '_' in place of '+' and '/'."""
    return b64encode(s).translate(bytes.maketrans(b'+/', b'-_'))


def urlsafe_b64decode(s):
    """Decodes Base64 written with '-' and '_' for '+' and '/' (a '+'
    or '/' still counts; other characters are skipped).
    """
    s = _bytes_from_decode_data(s)
    s = s.translate(bytes.maketrans(b'-_', b'+/'))
    return b64decode(s)


# -- Base32 -----------------------------------------------------------------

_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEX_ALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'

# How many '=' end the last group, by the number of bytes it encodes.
_B32_PADDING = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}
# How many bytes a last group ending in that many '=' encodes.
_B32_LAST_BYTES = {1: 4, 3: 3, 4: 2, 6: 1}


def _b32encode(alphabet, s):
    s = _to_bytes(s)
    n = len(s)
    rest = n % 5
    if rest:
        s = s + bytes(5 - rest)
    out = bytearray()
    for i in range(0, len(s), 5):
        v = int.from_bytes(s[i:i + 5], 'big')
        for shift in (35, 30, 25, 20, 15, 10, 5, 0):
            out.append(alphabet[(v >> shift) & 31])
    pad = _B32_PADDING[rest]
    if pad:
        out[-pad:] = b'=' * pad
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    # map01: the digit 0 is read as O, and 1 as the letter given.
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    total = len(s)
    s = s.rstrip(b'=')
    padchars = total - len(s)
    values = {}
    for i in range(32):
        values[alphabet[i]] = i
    out = bytearray()
    for i in range(0, len(s), 8):
        acc = 0
        for c in s[i:i + 8]:
            v = values.get(c)
            if v is None:
                raise binascii.Error('Non-base32 digit found')
            acc = (acc << 5) | v
        out += acc.to_bytes(5, 'big')
    if padchars not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    if padchars and out:
        # The last group was short: realign its bits, keep its bytes.
        acc <<= 5 * padchars
        keep = _B32_LAST_BYTES[padchars]
        out[-5:] = acc.to_bytes(5, 'big')[:keep]
    return bytes(out)


def b32encode(s):
    """Base32 (RFC 4648) of the bytes-like s."""
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """The bytes whose Base32 is s.

    casefold: accept lower-case letters too.  map01: read the digit 0
    as the letter O and 1 as this letter (I or L).  Bad padding or a
    character outside the alphabet raises binascii.Error.
    """
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """Base32 with the extended hex alphabet (RFC 4648) of s."""
    return _b32encode(_B32HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    """The bytes whose base32hex is s (casefold: lower case allowed)."""
    return _b32decode(_B32HEX_ALPHABET, s, casefold)


# -- Base16: upper-case hex (lower case accepted with casefold only) -------

_B16_DIGITS = b'0123456789ABCDEF'


def b16encode(s):
    """Base16 (upper-case hex) of the bytes-like s."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """The bytes whose Base16 is s (casefold: lower case allowed)."""
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if c not in _B16_DIGITS:
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# -- Ascii85 and Base85 --------------------------------------------------------

_A85START = b"<~"
_A85END = b"~>"

_b85alphabet = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")


def _85encode(b, alphabet, pad=False, foldnuls=False, foldspaces=False):
    """The base-85 digits of b, four bytes to five digits (big-endian),
    with the 'z' / 'y' abbreviations if asked; a partial last group is cut
    back unless pad is true."""
    b = _to_bytes(b)
    padding = (-len(b)) % 4
    if padding:
        b = b + bytes(padding)
    chunks = []
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], 'big')
        if foldnuls and word == 0:
            chunks.append(b'z')
        elif foldspaces and word == 0x20202020:
            chunks.append(b'y')
        else:
            d4 = word % 85
            word //= 85
            d3 = word % 85
            word //= 85
            d2 = word % 85
            word //= 85
            d1 = word % 85
            d0 = word // 85
            chunks.append(bytes([alphabet[d0], alphabet[d1], alphabet[d2],
                                 alphabet[d3], alphabet[d4]]))
    if padding and not pad:
        if chunks[-1] == b'z':
            chunks[-1] = alphabet[0:1] * 5
        chunks[-1] = chunks[-1][:-padding]
    return b''.join(chunks)


_A85_ALPHABET = bytes(range(33, 118))


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85 of the bytes-like b.

    foldspaces: 'y' for four spaces (btoa's extension).  wrapcol: cut
    the output into lines that long.  pad: pad the input to a multiple
    of 4 bytes.  adobe: frame the output in <~ ~>.
    """
    result = _85encode(b, _A85_ALPHABET, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i: i + wrapcol]
                  for i in range(0, len(result), wrapcol)]
        if adobe:
            if len(chunks[-1]) + 2 > wrapcol:
                chunks.append(b'')
        result = b'\n'.join(chunks)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """The bytes whose Ascii85 is b.

    foldspaces: accept 'y' for four spaces.  adobe: the input is framed
    in <~ ~> (the end marker is required).  ignorechars: bytes to skip
    (ASCII whitespace by default).
    """
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError(
                "Ascii85 encoded byte sequences must end "
                "with {!r}".format(_A85END)
            )
        if b.startswith(_A85START):
            b = b[2:-2]
        else:
            b = b[:-2]
    out = bytearray()
    group = []
    # Four 'u' (the highest digit) complete a last partial group.
    for x in b + b'uuuu':
        if 33 <= x <= 117:
            group.append(x - 33)
            if len(group) == 5:
                acc = (((group[0] * 85 + group[1]) * 85 + group[2]) * 85
                       + group[3]) * 85 + group[4]
                if acc > 0xffffffff:
                    raise ValueError('Ascii85 overflow')
                out += acc.to_bytes(4, 'big')
                group = []
        elif x == 122:      # 'z'
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\0\0\0\0'
        elif foldspaces and x == 121:       # 'y'
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif x in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % x)
    padding = 4 - len(group)
    if padding:
        del out[-padding:]
    return bytes(out)


def b85encode(b, pad=False):
    """Base85 (the git / RFC 1924 alphabet) of b; pad: pad the input
    to a multiple of 4 bytes.
    """
    return _85encode(b, _b85alphabet, pad)


_b85values = [-1] * 256
for _i in range(85):
    _b85values[_b85alphabet[_i]] = _i
del _i


def b85decode(b):
    """The bytes whose Base85 is b."""
    b = _bytes_from_decode_data(b)
    padding = (-len(b)) % 5
    b = b + b'~' * padding
    values = _b85values
    out = bytearray()
    for i in range(0, len(b), 5):
        acc = 0
        for j in range(i, i + 5):
            v = values[b[j]]
            if v < 0:
                raise ValueError('bad base85 character at position %d' % j)
            acc = acc * 85 + v
        if acc > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i)
        out += acc.to_bytes(4, 'big')
    if padding:
        del out[-padding:]
    return bytes(out)


# -- MIME-style Base64 in lines (files opened in binary mode) -------------

MAXLINESIZE = 76  # characters of Base64 per line
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Base64 of the binary file input, written to output in lines
    of 76 characters.
    """
    while True:
        block = input.read(MAXBINSIZE)
        if not block:
            break
        # A read may give less than asked: fill the line's block first.
        while len(block) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(block))
            if not more:
                break
            block += more
        output.write(binascii.b2a_base64(block))


def decode(input, output):
    """Decodes the Base64 lines of binary file input into output."""
    line = input.readline()
    while line:
        output.write(binascii.a2b_base64(line))
        line = input.readline()


def _input_type_check(s):
    if isinstance(s, bytes_types):
        return
    try:
        m = memoryview(s)
    except (TypeError, NameError) as err:
        msg = "expected bytes-like object, not %s" % s.__class__.__name__
        raise TypeError(msg) from None
    if m.format not in ('c', 'b', 'B'):
        msg = ("expected single byte elements, not %r from %s" %
               (m.format, s.__class__.__name__))
        raise TypeError(msg)
    if m.ndim != 1:
        msg = ("expected 1-D data, not %d-D data from %s" %
               (m.ndim, s.__class__.__name__))
        raise TypeError(msg)


def encodebytes(s):
    """Base64 of s in lines of 76 characters, each ending with a newline."""
    _input_type_check(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        chunk = s[i: i + MAXBINSIZE]
        pieces.append(binascii.b2a_base64(chunk))
    return b"".join(pieces)


def decodebytes(s):
    """The bytes whose Base64 (any number of lines) is s."""
    _input_type_check(s)
    return binascii.a2b_base64(s)
