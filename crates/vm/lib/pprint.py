"""pprint: pretty-printing of Python data structures (ftl's frozen module).

CPython 3.11's API and layout: pprint, pformat, pp, saferepr, isreadable,
isrecursive and PrettyPrinter (indent, width, depth, stream, compact,
sort_dicts, underscore_numbers; methods pprint, pformat, isreadable,
isrecursive, format).  An object whose repr fits in the room left is
written as its repr; otherwise dicts, lists, tuples, sets, frozensets,
str (cut at whitespace into implicitly concatenated pieces), bytes,
bytearray and mappingproxy are split over lines exactly as CPython does,
as are the collections types (OrderedDict, defaultdict, Counter,
ChainMap, deque, UserDict, UserList, UserString), SimpleNamespace and
dataclass instances with a generated repr.  Recursive structures show
``<Recursion on list with id=...>`` and depth-limited ones ``[...]``.

A container is pretty-printed when its type's __repr__ is the built-in
one (a subclass that keeps it is laid out like its base).  The
collections, types and dataclasses modules are not imported here: their
types are recognised once the program has imported them (it must have,
to hold such objects).

The text is built in a list and written to the stream in one write()
(CPython calls write() for each piece); PrettyPrinter's private methods
(_format, _dispatch, _pprint_*) are not CPython's and are no hooks.
"""

import sys as _sys

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr",
           "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    """Write the pretty-printed text of object and a newline to stream
    (sys.stdout when None).
    """
    printer = PrettyPrinter(
        stream=stream, indent=indent, width=width, depth=depth,
        compact=compact, sort_dicts=sort_dicts,
        underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *,
            compact=False, sort_dicts=True, underscore_numbers=False):
    """The pretty-printed text of object."""
    return PrettyPrinter(indent=indent, width=width, depth=depth,
                         compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """pprint() with sort_dicts=False by default (dicts in insertion order)."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """repr() of object, with recursive references shown as
    <Recursion on ...> instead of recursing.
    """
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """Whether saferepr(object) is a valid Python expression for it."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """Whether object contains itself."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _safe_key:
    """Sort key that orders values of types that do not compare by their
    type's name and their id instead of raising TypeError."""

    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) <
                    (str(type(other.obj)), id(other.obj)))


def _safe_tuple(t):
    """Sort key for (key, value) pairs."""
    return _safe_key(t[0]), _safe_key(t[1])


def _recursion(object):
    return ("<Recursion on %s with id=%s>"
            % (type(object).__name__, id(object)))


def _space_parts(line):
    """line cut after each run of whitespace: ['ab  ', 'cd ', 'e']."""
    parts = []
    n = len(line)
    i = 0
    while i < n:
        j = i
        while j < n and not line[j].isspace():
            j += 1
        while j < n and line[j].isspace():
            j += 1
        parts.append(line[i:j])
        i = j
    return parts


def _bytes_pieces(object, width, allowance):
    """The reprs of object cut in 4-byte steps to fit width (the last
    piece also leaves allowance)."""
    pieces = []
    current = b''
    last = len(object) // 4 * 4
    for i in range(0, len(object), 4):
        part = object[i:i + 4]
        candidate = current + part
        if i == last:
            width -= allowance
        if len(repr(candidate)) > width:
            if current:
                pieces.append(repr(current))
            current = part
        else:
            current = candidate
    if current:
        pieces.append(repr(current))
    return pieces


# Types whose repr is the whole story (no recursion, always readable).
_builtin_scalars = frozenset({str, bytes, bytearray, float, bool, type(None)})


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        """A pretty-printer with its settings:

        indent: spaces added for each nesting level.
        width: the width the output tries to keep within.
        depth: how many levels are shown (deeper ones become "...").
        stream: where pprint() writes (sys.stdout by default).
        compact: put as many items of a sequence on each line as fit.
        sort_dicts: show dict items sorted by key.
        underscore_numbers: write ints with _ between thousands.
        """
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        if stream is not None:
            self._stream = stream
        else:
            self._stream = _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        if self._stream is not None:
            out = []
            self._format(object, out, 0, 0, {}, 0)
            out.append("\n")
            self._stream.write(''.join(out))

    def pformat(self, object):
        out = []
        self._format(object, out, 0, 0, {}, 0)
        return ''.join(out)

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """(text, readable, recursive) for object at nesting level; context
        holds the ids of the containers being shown, maxlevels is the
        depth limit (0: none).  Subclasses may override it.
        """
        return self._safe_repr(object, context, maxlevels, level)

    # -- layout ---------------------------------------------------------

    def _format(self, object, out, indent, allowance, context, level):
        """Append object's text to out: its repr if that fits in the
        width less indent (the column) and allowance (the characters that
        will follow on the line), else its multi-line layout."""
        objid = id(object)
        if objid in context:
            out.append(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        if len(rep) > self._width - indent - allowance:
            layout = _layout_for(object)
            if layout is not None:
                context[objid] = 1
                layout(self, object, out, indent, allowance, context,
                       level + 1)
                del context[objid]
                return
            if _is_plain_dataclass(object):
                context[objid] = 1
                self._pprint_dataclass(object, out, indent, allowance,
                                       context, level + 1)
                del context[objid]
                return
        out.append(rep)

    def _repr(self, object, context, level):
        rep, readable, recursive = self.format(object, context.copy(),
                                               self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return rep

    def _pprint_dataclass(self, object, out, indent, allowance, context,
                          level):
        dataclasses = _sys.modules['dataclasses']
        name = object.__class__.__name__
        items = [(f.name, getattr(object, f.name))
                 for f in dataclasses.fields(object) if f.repr]
        out.append(name + '(')
        self._format_namespace_items(items, out, indent + len(name) + 1,
                                     allowance, context, level)
        out.append(')')

    def _pprint_dict(self, object, out, indent, allowance, context, level):
        out.append('{')
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        if len(object):
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = list(object.items())
            self._format_dict_items(items, out, indent, allowance + 1,
                                    context, level)
        out.append('}')

    def _pprint_ordered_dict(self, object, out, indent, allowance, context,
                             level):
        if not len(object):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '(')
        self._format(list(object.items()), out, indent + len(name) + 1,
                     allowance + 1, context, level)
        out.append(')')

    def _pprint_list(self, object, out, indent, allowance, context, level):
        out.append('[')
        self._format_items(object, out, indent, allowance + 1, context, level)
        out.append(']')

    def _pprint_tuple(self, object, out, indent, allowance, context, level):
        out.append('(')
        end = ',)' if len(object) == 1 else ')'
        self._format_items(object, out, indent, allowance + len(end),
                           context, level)
        out.append(end)

    def _pprint_set(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        typ = object.__class__
        if typ is set:
            out.append('{')
            end = '}'
        else:
            out.append(typ.__name__ + '({')
            end = '})'
            indent += len(typ.__name__) + 1
        items = sorted(object, key=_safe_key)
        self._format_items(items, out, indent, allowance + len(end),
                           context, level)
        out.append(end)

    def _pprint_str(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            # At the top the pieces go in parentheses.
            indent += 1
            allowance += 1
        max_width = self._width - indent
        last_line = len(lines) - 1
        for i in range(len(lines)):
            line = lines[i]
            rep = repr(line)
            room = max_width - allowance if i == last_line else max_width
            if len(rep) <= room:
                chunks.append(rep)
                continue
            # Too long: cut after whitespace, as few pieces as fit.
            parts = _space_parts(line)
            room = max_width
            current = ''
            last_part = len(parts) - 1
            for j in range(len(parts)):
                candidate = current + parts[j]
                if j == last_part and i == last_line:
                    room -= allowance
                if len(repr(candidate)) > room:
                    if current:
                        chunks.append(repr(current))
                    current = parts[j]
                else:
                    current = candidate
            if current:
                chunks.append(repr(current))
        if len(chunks) == 1:
            # (CPython writes the repr of the last line here.)
            out.append(rep)
            return
        if level == 1:
            out.append('(')
        out.append(chunks[0])
        for piece in chunks[1:]:
            out.append('\n' + ' ' * indent)
            out.append(piece)
        if level == 1:
            out.append(')')

    def _pprint_bytes(self, object, out, indent, allowance, context, level):
        if len(object) <= 4:
            out.append(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            out.append('(')
        pieces = _bytes_pieces(object, self._width - indent, allowance)
        out.append(pieces[0])
        for piece in pieces[1:]:
            out.append('\n' + ' ' * indent)
            out.append(piece)
        if parens:
            out.append(')')

    def _pprint_bytearray(self, object, out, indent, allowance, context,
                          level):
        out.append('bytearray(')
        self._pprint_bytes(bytes(object), out, indent + 10,
                           allowance + 1, context, level + 1)
        out.append(')')

    def _pprint_mappingproxy(self, object, out, indent, allowance, context,
                             level):
        out.append('mappingproxy(')
        self._format(object.copy(), out, indent + 13, allowance + 1,
                     context, level)
        out.append(')')

    def _pprint_simplenamespace(self, object, out, indent, allowance,
                                context, level):
        if type(object) is type(_sys.implementation):
            # SimpleNamespace itself shows as "namespace(...)".
            name = 'namespace'
        else:
            name = object.__class__.__name__
        out.append(name + '(')
        self._format_namespace_items(list(object.__dict__.items()), out,
                                     indent + len(name) + 1, allowance,
                                     context, level)
        out.append(')')

    def _format_dict_items(self, items, out, indent, allowance, context,
                           level):
        indent += self._indent_per_level
        newline = ',\n' + ' ' * indent
        last = len(items) - 1
        for i in range(len(items)):
            key, value = items[i]
            rep = self._repr(key, context, level)
            out.append(rep)
            out.append(': ')
            self._format(value, out, indent + len(rep) + 2,
                         allowance if i == last else 1, context, level)
            if i != last:
                out.append(newline)

    def _format_namespace_items(self, items, out, indent, allowance, context,
                                level):
        newline = ',\n' + ' ' * indent
        last = len(items) - 1
        for i in range(len(items)):
            key, value = items[i]
            out.append(key)
            out.append('=')
            if id(value) in context:
                # As the generated repr of a recursive dataclass shows it.
                out.append("...")
            else:
                self._format(value, out, indent + len(key) + 1,
                             allowance if i == last else 1, context, level)
            if i != last:
                out.append(newline)

    def _format_items(self, items, out, indent, allowance, context, level):
        """The items of a sequence, one per line (compact: as many per
        line as fit); the last leaves allowance for what follows it."""
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        items = list(items)
        if not items:
            return
        newline = ',\n' + ' ' * indent
        sep = ''
        width = max_width = self._width - indent + 1
        last = len(items) - 1
        for i in range(len(items)):
            item = items[i]
            if i == last:
                max_width -= allowance
                width -= allowance
            if self._compact:
                rep = self._repr(item, context, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if sep:
                        sep = newline
                if width >= w:
                    width -= w
                    out.append(sep)
                    sep = ', '
                    out.append(rep)
                    continue
            out.append(sep)
            sep = newline
            self._format(item, out, indent, allowance if i == last else 1,
                         context, level)

    def _pprint_default_dict(self, object, out, indent, allowance, context,
                             level):
        if not len(object):
            out.append(repr(object))
            return
        factory = self._repr(object.default_factory, context, level)
        name = object.__class__.__name__
        indent += len(name) + 1
        out.append('%s(%s,\n%s' % (name, factory, ' ' * indent))
        self._pprint_dict(object, out, indent, allowance + 1, context, level)
        out.append(')')

    def _pprint_counter(self, object, out, indent, allowance, context,
                        level):
        if not len(object):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '({')
        if self._indent_per_level > 1:
            out.append((self._indent_per_level - 1) * ' ')
        self._format_dict_items(object.most_common(), out,
                                indent + len(name) + 1, allowance + 2,
                                context, level)
        out.append('})')

    def _pprint_chain_map(self, object, out, indent, allowance, context,
                          level):
        if not len(object.maps):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '(')
        indent += len(name) + 1
        maps = object.maps
        last = len(maps) - 1
        for i in range(len(maps)):
            if i == last:
                self._format(maps[i], out, indent, allowance + 1, context,
                             level)
                out.append(')')
            else:
                self._format(maps[i], out, indent, 1, context, level)
                out.append(',\n' + ' ' * indent)

    def _pprint_deque(self, object, out, indent, allowance, context, level):
        if not len(object):
            out.append(repr(object))
            return
        name = object.__class__.__name__
        out.append(name + '(')
        indent += len(name) + 1
        out.append('[')
        if object.maxlen is None:
            self._format_items(object, out, indent, allowance + 2, context,
                               level)
            out.append('])')
        else:
            self._format_items(object, out, indent, 2, context, level)
            maxlen = self._repr(object.maxlen, context, level)
            out.append('],\n%smaxlen=%s)' % (' ' * indent, maxlen))

    def _pprint_user_data(self, object, out, indent, allowance, context,
                          level):
        # UserDict, UserList, UserString: laid out as their data.
        self._format(object.data, out, indent, allowance, context, level - 1)

    # -- the one-line repr ----------------------------------------------

    def _safe_repr(self, object, context, maxlevels, level):
        """(repr string, whether it is readable, whether it is recursive)."""
        typ = type(object)
        if typ in _builtin_scalars:
            return repr(object), True, False

        r = getattr(typ, "__repr__", None)

        if issubclass(typ, int) and r is int.__repr__:
            if self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False

        if issubclass(typ, dict) and r is dict.__repr__:
            if not object:
                return "{}", True, False
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return "{...}", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            parts = []
            level += 1
            if self._sort_dicts:
                items = sorted(object.items(), key=_safe_tuple)
            else:
                items = object.items()
            for k, v in items:
                krepr, kreadable, krecur = self.format(k, context, maxlevels,
                                                       level)
                vrepr, vreadable, vrecur = self.format(v, context, maxlevels,
                                                       level)
                parts.append("%s: %s" % (krepr, vrepr))
                readable = readable and kreadable and vreadable
                if krecur or vrecur:
                    recursive = True
            del context[objid]
            return "{%s}" % ", ".join(parts), readable, recursive

        is_list = issubclass(typ, list) and r is list.__repr__
        if is_list or (issubclass(typ, tuple) and r is tuple.__repr__):
            if is_list:
                if not object:
                    return "[]", True, False
                template = "[%s]"
            elif len(object) == 1:
                template = "(%s,)"
            else:
                if not object:
                    return "()", True, False
                template = "(%s)"
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return template % "...", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            parts = []
            level += 1
            for o in object:
                orepr, oreadable, orecur = self.format(o, context, maxlevels,
                                                       level)
                parts.append(orepr)
                if not oreadable:
                    readable = False
                if orecur:
                    recursive = True
            del context[objid]
            return template % ", ".join(parts), readable, recursive

        rep = repr(object)
        return rep, bool(rep) and not rep.startswith('<'), False


# -- which layout serves which type ---------------------------------------
#
# Keyed by the type's __repr__, as CPython's pprint does: a subclass that
# keeps its base's __repr__ is laid out like the base.

_layouts = {
    dict.__repr__: PrettyPrinter._pprint_dict,
    list.__repr__: PrettyPrinter._pprint_list,
    tuple.__repr__: PrettyPrinter._pprint_tuple,
    set.__repr__: PrettyPrinter._pprint_set,
    frozenset.__repr__: PrettyPrinter._pprint_set,
    str.__repr__: PrettyPrinter._pprint_str,
    bytes.__repr__: PrettyPrinter._pprint_bytes,
    bytearray.__repr__: PrettyPrinter._pprint_bytearray,
    type(_sys.implementation).__repr__: PrettyPrinter._pprint_simplenamespace,
}

# Modules whose types were added to _layouts (once each, when imported).
_layouts_from = set()


def _add_module_layouts():
    mods = _sys.modules
    coll = mods.get('collections')
    if coll is not None and 'collections' not in _layouts_from:
        for name, layout in (
                ('OrderedDict', PrettyPrinter._pprint_ordered_dict),
                ('defaultdict', PrettyPrinter._pprint_default_dict),
                ('Counter', PrettyPrinter._pprint_counter),
                ('ChainMap', PrettyPrinter._pprint_chain_map),
                ('deque', PrettyPrinter._pprint_deque),
                ('UserDict', PrettyPrinter._pprint_user_data),
                ('UserList', PrettyPrinter._pprint_user_data),
                ('UserString', PrettyPrinter._pprint_user_data)):
            cls = getattr(coll, name, None)
            if cls is not None:
                _layouts[cls.__repr__] = layout
        _layouts_from.add('collections')
    types = mods.get('types')
    if types is not None and 'types' not in _layouts_from:
        proxy = getattr(types, 'MappingProxyType', None)
        if proxy is not None:
            _layouts[proxy.__repr__] = PrettyPrinter._pprint_mappingproxy
        _layouts_from.add('types')


def _layout_for(object):
    r = type(object).__repr__
    layout = _layouts.get(r)
    if layout is None and len(_layouts_from) < 2:
        _add_module_layouts()
        layout = _layouts.get(r)
    return layout


def _is_plain_dataclass(object):
    """A dataclass instance whose repr is the generated one."""
    dataclasses = _sys.modules.get('dataclasses')
    if dataclasses is None or isinstance(object, type):
        return False
    if not dataclasses.is_dataclass(object):
        return False
    if not object.__dataclass_params__.repr:
        return False
    wrapped = getattr(object.__repr__, "__wrapped__", None)
    return wrapped is not None and "__create_fn__" in wrapped.__qualname__
