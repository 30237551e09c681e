"""binascii: conversions between binary data and ASCII (ftl's frozen module).

The part of CPython 3.11's binascii (a C module there) that base64 and
everyday code use, in Python:

* b2a_base64(data, *, newline=True) and a2b_base64(data, *,
  strict_mode=False), with CPython's padding rules and messages
  ("Incorrect padding", "Invalid base64-encoded string: number of data
  characters (5) cannot be 1 more than a multiple of 4", and in strict
  mode "Leading padding not allowed", "Only base64 data is allowed",
  "Discontinuous padding not allowed", "Excess data after padding");
* b2a_hex / hexlify(data, sep, bytes_per_sep) and a2b_hex / unhexlify
  ("Odd-length string", "Non-hexadecimal digit found");
* crc32(data, value=0);
* the exceptions Error (a ValueError) and Incomplete.

Left out: uu, quoted-printable and BinHex codecs (b2a_uu, a2b_uu, b2a_qp,
a2b_qp, crc_hqx, b2a_hqx...): calling them raises NotImplementedError.

Arguments: the b2a functions take bytes-like objects (bytes, bytearray,
and memoryview where the interpreter has it); the a2b functions also take
a str of ASCII characters, as CPython's do, with CPython's TypeError and
ValueError messages otherwise.
"""


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

# Decoding table: byte -> 6-bit value, or -1 for any other byte.
_B64_VALUE = [-1] * 256
for _i in range(64):
    _B64_VALUE[_B64[_i]] = _i
del _i

# Encoding table: a 12-bit value -> its two base64 characters.
_B64_PAIRS = [bytes([_B64[_i >> 6], _B64[_i & 63]]) for _i in range(4096)]


def _bytes_arg(data):
    """data as bytes, for a function taking bytes-like objects only."""
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray):
        return bytes(data)
    if isinstance(data, str) or not _has_buffer(data):
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(data).__name__)
    return bytes(memoryview(data))


def _ascii_arg(data):
    """data as bytes, for a function taking bytes-like objects or an
    ASCII str."""
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII '
                             'characters') from None
    if isinstance(data, bytes):
        return data
    if isinstance(data, bytearray):
        return bytes(data)
    if not _has_buffer(data):
        raise TypeError("argument should be bytes, buffer or ASCII string, "
                        "not '%s'" % type(data).__name__)
    return bytes(memoryview(data))


def _has_buffer(obj):
    try:
        memoryview(obj)
    except (TypeError, NameError):
        return False
    return True


def b2a_base64(data, *, newline=True):
    """The Base64 of data (bytes), with a newline at the end if newline."""
    data = _bytes_arg(data)
    n = len(data)
    full = n - n % 3
    pairs = _B64_PAIRS
    out = []
    append = out.append
    for i in range(0, full, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        append(pairs[v >> 12])
        append(pairs[v & 0xfff])
    rest = n - full
    if rest == 1:
        v = data[full] << 16
        append(pairs[v >> 12])
        append(b'==')
    elif rest == 2:
        v = (data[full] << 16) | (data[full + 1] << 8)
        append(pairs[v >> 12])
        append(bytes([_B64[(v >> 6) & 63]]))
        append(b'=')
    if newline:
        append(b'\n')
    return b''.join(out)


def a2b_base64(data, *, strict_mode=False):
    """The bytes whose Base64 is data (bytes-like or ASCII str).

    Characters outside the alphabet are skipped, and what follows the
    padding that completes a group is ignored; with strict_mode both are
    errors, and so are padding first and data after padding.
    """
    data = _ascii_arg(data)
    n = len(data)
    values = _B64_VALUE
    if strict_mode and n and data[0] == 61:
        raise Error('Leading padding not allowed')
    out = bytearray()
    quad = 0        # how many characters of the current group are read
    left = 0        # the bits not yet written
    pads = 0
    padding = False
    for i in range(n):
        c = data[i]
        if c == 61:     # '='
            padding = True
            if quad >= 2:
                pads += 1
                if quad + pads >= 4:
                    # The group is complete: nothing after it is read.
                    if strict_mode and i + 1 < n:
                        raise Error('Excess data after padding')
                    return bytes(out)
            continue
        v = values[c]
        if v < 0:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad == 0:
            left = v
            quad = 1
        elif quad == 1:
            out.append(((left << 2) | (v >> 4)) & 0xff)
            left = v & 0x0f
            quad = 2
        elif quad == 2:
            out.append(((left << 4) | (v >> 2)) & 0xff)
            left = v & 0x03
            quad = 3
        else:
            out.append(((left << 6) | v) & 0xff)
            quad = 0
    if quad == 1:
        raise Error('Invalid base64-encoded string: number of data '
                    'characters (%d) cannot be 1 more than a multiple of 4'
                    % (len(out) // 3 * 4 + 1))
    if quad:
        raise Error('Incorrect padding')
    return bytes(out)


def b2a_hex(data, sep=None, bytes_per_sep=1):
    """The hex digits (lower case, as bytes) of data; with sep, that
    character goes between groups of bytes_per_sep bytes (counted from
    the right, or from the left when negative).  Also named hexlify.
    """
    data = _bytes_arg(data)
    if sep is None:
        return data.hex().encode('ascii')
    return data.hex(sep, bytes_per_sep).encode('ascii')


hexlify = b2a_hex

_HEX_DIGITS = b'0123456789abcdefABCDEF'


def a2b_hex(hexstr):
    """The bytes whose hex digits (either case, an even number of them)
    are hexstr.  Also named unhexlify.
    """
    data = _ascii_arg(hexstr)
    if len(data) % 2:
        raise Error('Odd-length string')
    for c in data:
        if c not in _HEX_DIGITS:
            raise Error('Non-hexadecimal digit found')
    return bytes.fromhex(data.decode('ascii'))


unhexlify = a2b_hex


def _make_crc_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            if c & 1:
                c = (c >> 1) ^ 0xEDB88320
            else:
                c >>= 1
        table.append(c)
    return table


_CRC_TABLE = _make_crc_table()


def crc32(data, crc=0):
    """The CRC-32 of data, continuing from crc (for data given in parts)."""
    data = _bytes_arg(data)
    table = _CRC_TABLE
    c = (crc & 0xffffffff) ^ 0xffffffff
    for b in data:
        c = table[(c ^ b) & 0xff] ^ (c >> 8)
    return c ^ 0xffffffff


def _not_here(name):
    def refuse(*args, **kwargs):
        raise NotImplementedError('binascii.%s is not available in ftl' % name)
    return refuse


b2a_uu = _not_here('b2a_uu')
a2b_uu = _not_here('a2b_uu')
b2a_qp = _not_here('b2a_qp')
a2b_qp = _not_here('a2b_qp')
crc_hqx = _not_here('crc_hqx')
