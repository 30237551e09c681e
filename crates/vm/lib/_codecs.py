"""The codec functions `pickle` needs (CPython's `_codecs`, for ftl's
codecs: utf-8, ascii and latin-1).

Below protocol 3 a pickle writes bytes as `_codecs.encode(text,
'latin1')`, since Python 2 had no bytes type; reading such a pickle calls
`encode` here.
"""


def encode(obj, encoding='utf-8', errors='strict'):
    if not isinstance(obj, str):
        raise TypeError("ftl's _codecs.encode() encodes str only, not '"
                        + type(obj).__name__ + "'")
    return obj.encode(encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    if not isinstance(obj, bytes):
        raise TypeError("ftl's _codecs.decode() decodes bytes only, not '"
                        + type(obj).__name__ + "'")
    return obj.decode(encoding, errors)
