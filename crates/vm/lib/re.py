"""re: regular expressions, as CPython 3.11's `re` module.

The engine is the crate `ftl-regex` (CPython 3.11's sre parser, compiler
and backtracking matcher, with sre's syntax, error messages and match
semantics); the native module `_sre` (crates/vm/src/stdlib/re.rs) binds
it. This file is the Python face over `_sre`:

* `compile`, `search`, `match`, `fullmatch`, `split`, `findall`,
  `finditer`, `sub`, `subn`, `escape`, `purge`, `template`, and the
  compile cache (bounded, guarded by a lock for free-threaded runtimes);
* `error` (`msg`, `pattern`, `pos`, `lineno`, `colno`, and CPython's
  "... at position N (line L, column C)" text);
* the flags (`I`, `IGNORECASE`, ...) as `RegexFlag`, an int subclass whose
  repr is CPython 3.11's (`re.IGNORECASE|re.MULTILINE`);
* `Pattern` (`pattern`, `flags`, `groups`, `groupindex`, the methods with
  `pos`/`endpos`, `scanner`, equality, hashing, copy, pickling) and
  `Match` (`group`, `m[g]`, `groups`, `groupdict`, `start`, `end`,
  `span`, `expand`, `lastindex`, `lastgroup`, `re`, `string`, `pos`,
  `endpos`, `regs`), for str, bytes and bytearray subjects, with CPython's
  TypeErrors between str and bytes;
* `sub` with a template (expanded natively) or a function, with 3.11's
  rule that a negative `count` or `maxsplit` means no replacement/split.

Left out or different (see also the crate docs of ftl-regex):
* `RegexFlag` is an int subclass, not an `enum.IntFlag`: no iteration
  over the class, no `__members__`; `RegexFlag(2) is re.I` holds.
* `re.DEBUG` is accepted but prints nothing; `re.template` and
  `re.TEMPLATE` give no DeprecationWarning.
* `Pattern.groupindex` is a read-only mapping whose repr is CPython's
  (`mappingproxy({...})`), not a `types.MappingProxyType`.
* `finditer` returns a generator (CPython: a `callable_iterator`);
  a function given to `sub` is called after the matches are found, not
  in between (the subject is immutable, so the results are the same).
* `scanner().match()` after an empty match refuses an empty match at the
  same place instead of backtracking into a longer one.
* `re.Scanner` (undocumented) is not provided; memoryview subjects are
  not (ftl has no memoryview).
"""

import _sre
import _thread

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_MAXSIZE = 9223372036854775807
_MAXCACHE = 512

# ---------------------------------------------------------------------------
# Flags
# ---------------------------------------------------------------------------

# CPython 3.11's member order (the order a combination's repr lists them).
_FLAG_MEMBERS = (
    ("ASCII", 256),
    ("IGNORECASE", 2),
    ("LOCALE", 4),
    ("UNICODE", 32),
    ("MULTILINE", 8),
    ("DOTALL", 16),
    ("VERBOSE", 64),
    ("TEMPLATE", 1),
    ("DEBUG", 128),
)
_ALL_FLAGS = 511

_members = {}


class RegexFlag(int):
    """The `re` flags: an int whose repr names the flags it holds."""

    def __new__(cls, value=0):
        member = _members.get(value)
        if member is not None and cls is RegexFlag:
            return member
        return int.__new__(cls, value)

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        v = int(self)
        if v == 0:
            return "NOFLAG"
        names = [n for n, bit in _FLAG_MEMBERS if v & bit]
        if v & ~_ALL_FLAGS or not names:
            return None
        return "|".join(names)

    def __repr__(self):
        v = int(self)
        if v == 0:
            return "re.NOFLAG"
        parts = ["re." + n for n, bit in _FLAG_MEMBERS if v & bit]
        rest = v & ~_ALL_FLAGS
        if rest:
            parts.append(hex(rest))
        return "|".join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        if spec == "":
            return str(self)
        return format(int(self), spec)

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & _ALL_FLAGS)

    def __reduce__(self):
        return (RegexFlag, (int(self),))


for _name, _bit in _FLAG_MEMBERS:
    _members[_bit] = int.__new__(RegexFlag, _bit)
_members[0] = int.__new__(RegexFlag, 0)

NOFLAG = _members[0]
ASCII = A = _members[256]
IGNORECASE = I = _members[2]
LOCALE = L = _members[4]
UNICODE = U = _members[32]
MULTILINE = M = _members[8]
DOTALL = S = _members[16]
VERBOSE = X = _members[64]
TEMPLATE = T = _members[1]
DEBUG = _members[128]

RegexFlag.NOFLAG = NOFLAG
for _name, _bit in _FLAG_MEMBERS:
    setattr(RegexFlag, _name, _members[_bit])
RegexFlag.A = ASCII
RegexFlag.I = IGNORECASE
RegexFlag.L = LOCALE
RegexFlag.U = UNICODE
RegexFlag.M = MULTILINE
RegexFlag.S = DOTALL
RegexFlag.X = VERBOSE
RegexFlag.T = TEMPLATE
del _name, _bit

# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class error(Exception):
    """A bad regular expression or replacement template.

    `msg` is the bare message, `pattern` the text it was found in, `pos`
    the index there; `lineno` and `colno` locate `pos` by lines.
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = None
            self.colno = None
        Exception.__init__(self, msg)


def _raise(info, text):
    """Raises the engine's error `(kind, msg, pos)` found in `text`."""
    kind, msg, pos = info
    if kind == "error":
        if pos is None:
            raise error(msg)
        raise error(msg, text, pos)
    if kind == "ValueError":
        raise ValueError(msg)
    if kind == "OverflowError":
        raise OverflowError(msg)
    if kind == "IndexError":
        raise IndexError(msg)
    raise NotImplementedError("ftl: " + msg)


# ---------------------------------------------------------------------------
# Pattern and Match
# ---------------------------------------------------------------------------


def _clamp(v, n):
    v = int(v)
    if v < 0:
        return 0
    if v > n:
        return n
    return v


def _slice(string, s, e):
    if isinstance(string, bytearray):
        return bytes(string[s:e])
    return string[s:e]


def _whole(string):
    t = type(string)
    if t is str or t is bytes:
        return string
    if isinstance(string, bytearray):
        return bytes(string)
    return string[0:len(string)]


def _new_match(pattern, string, pos, endpos, t):
    # `t` is `_sre`'s match tuple: (lastindex, start0, end0, ..., texts);
    # `pos` and `endpos` are kept as given and clamped when read.
    m = object.__new__(Match)
    m._t = t
    m.re = pattern
    m.string = string
    m._pos = pos
    m._endpos = endpos
    return m


class mappingproxy:
    """A read-only view of a dict (what `Pattern.groupindex` gives)."""

    __slots__ = ("_d",)

    def __init__(self, d):
        self._d = d

    def __getitem__(self, key):
        return self._d[key]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, key):
        return key in self._d

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def copy(self):
        return dict(self._d)

    def __eq__(self, other):
        if isinstance(other, mappingproxy):
            other = other._d
        return self._d == other

    __hash__ = None

    def __repr__(self):
        return "mappingproxy(%r)" % (self._d,)

    def __str__(self):
        return str(self._d)


# The flags in the order `Pattern.__repr__` names them (CPython's
# `pattern_repr`).
_REPR_FLAGS = (
    ("TEMPLATE", 1),
    ("IGNORECASE", 2),
    ("LOCALE", 4),
    ("MULTILINE", 8),
    ("DOTALL", 16),
    ("UNICODE", 32),
    ("VERBOSE", 64),
    ("DEBUG", 128),
    ("ASCII", 256),
)


class Pattern:
    """A compiled regular expression (made by `re.compile`)."""

    __slots__ = ("_code", "_bytes", "_groupindex", "_names",
                 "pattern", "flags", "groups")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    @property
    def groupindex(self):
        return mappingproxy(dict(self._groupindex))

    def match(self, string, pos=0, endpos=_MAXSIZE):
        t = _sre.match(self._code, string, pos, endpos, 0)
        if t is None:
            return None
        m = object.__new__(Match)
        m._t = t
        m.re = self
        m.string = string
        m._pos = pos
        m._endpos = endpos
        return m

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        t = _sre.match(self._code, string, pos, endpos, 1)
        if t is None:
            return None
        return _new_match(self, string, pos, endpos, t)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        t = _sre.match(self._code, string, pos, endpos, 2)
        if t is None:
            return None
        m = object.__new__(Match)
        m._t = t
        m.re = self
        m.string = string
        m._pos = pos
        m._endpos = endpos
        return m

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        return _sre.findall(self._code, string, pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        # The first batch now, so that a bad subject raises here.
        first = _sre.scan(self._code, string, pos, endpos, False, 8)
        return _iter_matches(self, string, pos, endpos, first, 8)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return _Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        return _sre.split(self._code, string, maxsplit)

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def _template(self, repl):
        """The parsed template, or None when `repl` is of the other kind
        (str for a bytes pattern, or the reverse: parsed all the same, for
        its errors, as CPython does)."""
        if isinstance(repl, str):
            same = not self._bytes
        elif isinstance(repl, (bytes, bytearray)):
            same = self._bytes
        else:
            raise TypeError("decoding to str: need a bytes-like object, %s found"
                            % type(repl).__name__)
        t = _sre.template(self._code, repl)
        if type(t) is tuple:
            _raise(t, repl)
        if not same:
            return None
        return t

    def _subx(self, repl, string, count):
        if callable(repl):
            return self._sub_call(repl, string, count)
        t = self._template(repl)
        if t is None:
            # As CPython: the replacement of the wrong kind fails when the
            # pieces are joined ("sequence item 1: expected str instance,
            # bytes found"), and only if something matched.
            return self._sub_call(lambda m: repl, string, count)
        return _sre.subn(self._code, t, string, count)

    def _sub_call(self, func, string, count):
        matches = _sre.scan(self._code, string, 0, _MAXSIZE, False, count)
        if not matches:
            return (_whole(string), 0)
        gaps = _sre.gaps(string, matches)
        parts = []
        k = 0
        for t in matches:
            gap = gaps[k]
            k += 1
            if gap:
                parts.append(gap)
            r = func(_new_match(self, string, 0, _MAXSIZE, t))
            if r is not None:
                parts.append(r)
        if gaps[k]:
            parts.append(gaps[k])
        joiner = b"" if self._bytes else ""
        return (joiner.join(parts), len(matches))

    def __repr__(self):
        flags = self.flags
        if not self._bytes and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for name, bit in _REPR_FLAGS:
            if flags & bit:
                names.append("re." + name)
                flags &= ~bit
        if flags:
            names.append("0x%x" % flags)
        text = repr(self.pattern)[:200]
        if names:
            return "re.compile(%s, %s)" % (text, "|".join(names))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self._bytes == other._bytes and self.flags == other.flags
                and self.pattern == other.pattern)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))


def _iter_matches(pattern, string, pos, endpos, batch, limit):
    code = pattern._code
    while True:
        for t in batch:
            m = object.__new__(Match)
            m._t = t
            m.re = pattern
            m.string = string
            m._pos = pos
            m._endpos = endpos
            yield m
        if len(batch) < limit:
            return
        last = batch[-1]
        if limit < 1048576:
            limit *= 4
        batch = _sre.scan(code, string, last[2], endpos, last[1] == last[2], limit)


class _Scanner:
    """What `Pattern.scanner` gives: successive `match()`/`search()` calls
    that go on from where the last match ended."""

    def __init__(self, pattern, string, pos, endpos):
        _sre.scan(pattern._code, string, pos, endpos, False, -1)
        self.pattern = pattern
        self._string = string
        n = len(string)
        self._pos = _clamp(pos, n)
        self._start = self._pos
        self._endpos = _clamp(endpos, n)
        self._must = False
        self._done = False

    def _found(self, t):
        if t is None:
            self._done = True
            return None
        self._must = t[1] == t[2]
        self._pos = t[2]
        return _new_match(self.pattern, self._string, self._start, self._endpos, t)

    def match(self):
        if self._done:
            return None
        t = _sre.match(self.pattern._code, self._string, self._pos, self._endpos, 0)
        if t is not None and self._must and t[1] == t[2]:
            t = None
        return self._found(t)

    def search(self):
        if self._done:
            return None
        ts = _sre.scan(self.pattern._code, self._string, self._pos, self._endpos,
                       self._must, 1)
        return self._found(ts[0] if ts else None)


class Match:
    """The result of a successful match."""

    __slots__ = ("_t", "_pos", "_endpos", "re", "string")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return int(g)
        else:
            i = self.re._groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def _get(self, i, default):
        t = self._t
        s = t[2 * i + 1]
        if s < 0:
            return default
        texts = t[-1]
        if texts is not None:
            return texts[i]
        return _slice(self.string, s, t[2 * i + 2])

    def group(self, g=0, *more):
        if more:
            return tuple([self._get(self._index(x), None) for x in (g,) + more])
        if type(g) is not int or g < 0 or g > self.re.groups:
            g = self._index(g)
        t = self._t
        s = t[2 * g + 1]
        if s < 0:
            return None
        texts = t[-1]
        if texts is not None:
            return texts[g]
        string = self.string
        if type(string) is str:
            return string[s:t[2 * g + 2]]
        return _slice(string, s, t[2 * g + 2])

    def __getitem__(self, g):
        if type(g) is not int or g < 0 or g > self.re.groups:
            g = self._index(g)
        return self._get(g, None)

    def groups(self, default=None):
        return tuple([self._get(i, default) for i in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        d = {}
        for name, i in self.re._groupindex.items():
            d[name] = self._get(i, default)
        return d

    def start(self, group=0):
        if type(group) is not int or group < 0 or group > self.re.groups:
            group = self._index(group)
        return self._t[2 * group + 1]

    def end(self, group=0):
        if type(group) is not int or group < 0 or group > self.re.groups:
            group = self._index(group)
        return self._t[2 * group + 2]

    def span(self, group=0):
        if type(group) is not int or group < 0 or group > self.re.groups:
            group = self._index(group)
        t = self._t
        return (t[2 * group + 1], t[2 * group + 2])

    def expand(self, template):
        t = self.re._template(template)
        if t is None:
            kind = "a bytes-like object" if self.re._bytes else "str instance"
            raise TypeError("sequence item 0: expected %s, %s found"
                            % (kind, type(template).__name__))
        return _sre.expand(self.re._code, t, self.string, self._t)

    @property
    def pos(self):
        return _clamp(self._pos, len(self.string))

    @property
    def endpos(self):
        return _clamp(self._endpos, len(self.string))

    @property
    def lastindex(self):
        return self._t[0]

    @property
    def lastgroup(self):
        i = self._t[0]
        if i is None:
            return None
        return self.re._names[i]

    @property
    def regs(self):
        t = self._t
        return tuple([(t[2 * i + 1], t[2 * i + 2]) for i in range(self.re.groups + 1)])

    def __repr__(self):
        t = self._t
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            t[1], t[2], repr(self._get(0, None))[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        raise TypeError("cannot pickle 're.Match' object")

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 're.Match' object")


# ---------------------------------------------------------------------------
# Compiling, with the cache
# ---------------------------------------------------------------------------

_cache = {}
_cache_lock = _thread.allocate_lock()


def _new_pattern(pattern, flags):
    code = _sre.compile(pattern, flags)
    if type(code) is tuple:
        _raise(code, pattern)
    groups, allflags, names = _sre.info(code)
    p = object.__new__(Pattern)
    p._code = code
    p._bytes = not isinstance(pattern, str)
    p.pattern = pattern
    p.flags = allflags
    p.groups = groups
    index = {}
    group_names = [None] * (groups + 1)
    for name, i in names:
        index[name] = i
        group_names[i] = name
    p._groupindex = index
    p._names = tuple(group_names)
    return p


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    if not isinstance(flags, int):
        raise TypeError("unsupported operand type(s) for &: '%s' and 'RegexFlag'"
                        % type(flags).__name__)
    p = _new_pattern(pattern, flags)
    if not flags & 128:
        with _cache_lock:
            if len(_cache) >= _MAXCACHE:
                try:
                    del _cache[next(iter(_cache))]
                except (StopIteration, RuntimeError, KeyError):
                    pass
            _cache[key] = p
    return p


# ---------------------------------------------------------------------------
# The module functions
# ---------------------------------------------------------------------------


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string. For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    with _cache_lock:
        _cache.clear()


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object, deprecated"
    return _compile(pattern, flags | T)


def escape(pattern):
    """Escape special characters in a string."""
    if not isinstance(pattern, (str, bytes, bytearray)):
        raise TypeError("decoding to str: need a bytes-like object, %s found"
                        % type(pattern).__name__)
    return _sre.escape(pattern)
