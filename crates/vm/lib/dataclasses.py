"""dataclasses: generated __init__/__repr__/__eq__/... for annotated
classes (ftl's frozen module), after CPython 3.11's dataclasses.

Covers: dataclass(cls=None, /, *, init, repr, eq, order, unsafe_hash,
frozen, match_args, kw_only, slots, weakref_slot); field(*, default,
default_factory, init, repr, hash, compare, metadata, kw_only); Field;
fields, asdict, astuple, replace, is_dataclass, make_dataclass;
FrozenInstanceError; MISSING; KW_ONLY; InitVar (InitVar[T]); ClassVar
detection (typing.ClassVar, ClassVar[T], and string annotations naming
them); __post_init__ with the InitVar values; inheritance (fields of
dataclass bases first, in MRO order; frozen/non-frozen mixing errors);
the __hash__ rules of CPython (the unsafe_hash/eq/frozen table); __doc__
as the class's signature; recursion-safe __repr__ ('...'); __slots__
classes (a new class is made, as CPython does, with __getstate__/
__setstate__ for frozen ones); abc.update_abstractmethods when abc exists.
The generated methods are made with exec() from source text (as fast as
hand-written methods) and CPython's messages are kept ("non-default
argument 'b' follows default argument", "mutable default <class 'list'>
for field x is not allowed: use default_factory", "cannot assign to field
'x'", ...).

Left out: nothing of the public API.  __doc__ is built here from the
fields when the inspect module is missing (same text as inspect's for the
usual annotations).

What this module needs from the interpreter: class annotations
(cls.__dict__['__annotations__']; without them a class has no fields),
exec(), writable function __qualname__ (for 'C.__init__' in messages),
sys.modules[...].__dict__, and for slots=True, __slots__ layout.
"""

import sys
import copy
import _thread

# Optional helpers: each is used when the interpreter has it.
try:
    from types import MappingProxyType as _MappingProxyType
except ImportError:
    _MappingProxyType = None
try:
    from types import MemberDescriptorType as _MemberDescriptorType
except ImportError:
    _MemberDescriptorType = None
try:
    import inspect as _inspect
except ImportError:
    _inspect = None
try:
    import abc as _abc
except ImportError:
    _abc = None

__all__ = ['dataclass',
           'field',
           'Field',
           'FrozenInstanceError',
           'InitVar',
           'KW_ONLY',
           'MISSING',

           # Helper functions.
           'fields',
           'asdict',
           'astuple',
           'make_dataclass',
           'replace',
           'is_dataclass',
           ]


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    # the default an __init__ parameter gets when its field has a
    # default_factory; its repr shows in signatures
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


def _read_only(mapping):
    if _MappingProxyType is None:
        return mapping
    return _MappingProxyType(mapping)


_EMPTY_METADATA = _read_only({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

# class attributes this module sets
_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    """Marks an __init__-only pseudo-field: InitVar[int]."""
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return 'dataclasses.InitVar[%s]' % type_name

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """What field() returns: one field's specification."""

    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr',
                 'hash', 'init', 'compare', 'metadata', 'kw_only',
                 '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _EMPTY_METADATA
        else:
            self.metadata = _read_only(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                'name=%r,type=%r,default=%r,default_factory=%r,init=%r,'
                'repr=%r,hash=%r,compare=%r,metadata=%r,kw_only=%r,'
                '_field_type=%r)'
                % (self.name, self.type, self.default, self.default_factory,
                   self.init, self.repr, self.hash, self.compare,
                   self.metadata, self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        # a descriptor default learns its name too
        set_name = getattr(type(self.default), '__set_name__', None)
        if set_name is not None:
            set_name(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                'init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order,
                   self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Specify a field of a dataclass beyond its plain default.

    default is the default value, default_factory a 0-argument callable
    making one; init, repr and compare say whether the field takes part in
    __init__, __repr__ and comparisons; hash whether it is hashed (None:
    as compare); metadata a mapping kept read-only; kw_only whether the
    __init__ parameter is keyword-only.
    """
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def _tuple_str(obj_name, fields):
    # "(obj.a,obj.b,)" -- the fields' values as a tuple expression
    if not fields:
        return '()'
    return '(%s,)' % ','.join('%s.%s' % (obj_name, f.name) for f in fields)


# ------------------------------------------------------------ recursion

_repr_running = set()


def _recursive_repr(user_function):
    # a repr that answers '...' when it meets its own object again
    def wrapper(self):
        key = (id(self), _thread.get_ident())
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return user_function(self)
        finally:
            _repr_running.discard(key)
    wrapper.__name__ = getattr(user_function, '__name__', '__repr__')
    wrapper.__qualname__ = getattr(user_function, '__qualname__', '__repr__')
    wrapper.__wrapped__ = user_function
    return wrapper


# ---------------------------------------------------- making functions

def _create_fn(name, args, body, *, globals=None, locals=None, return_type=MISSING):
    """Compile `def name(args): body` with the names of `locals` visible."""
    if locals is None:
        locals = {}
    return_annotation = ''
    if return_type is not MISSING:
        locals['__dataclass_return_type__'] = return_type
        return_annotation = '->__dataclass_return_type__'
    params = ','.join(args)
    body_text = '\n'.join('  ' + line for line in body)
    source = 'def %s(%s)%s:\n%s' % (name, params, return_annotation, body_text)
    namespace = dict(locals)
    if globals is not None and '__name__' in globals:
        namespace['__name__'] = globals['__name__']
    exec(source, namespace)
    return namespace[name]


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return ('__dataclass_builtins_object__.__setattr__(%s,%r,%s)'
                % (self_name, name, value))
    return '%s.%s=%s' % (self_name, name, value)


def _field_init(f, frozen, locals, self_name, slots):
    # the __init__ line storing field f, or None
    default_name = '__dataclass_dflt_%s__' % f.name
    if f.default_factory is not MISSING:
        locals[default_name] = f.default_factory
        if f.init:
            value = ('%s() if %s is __dataclass_HAS_DEFAULT_FACTORY__ else %s'
                     % (default_name, f.name, f.name))
        else:
            value = '%s()' % default_name
    elif f.init:
        if f.default is not MISSING:
            locals[default_name] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        # a slotted class cannot keep the default as a class attribute
        locals[default_name] = f.default
        value = default_name
    else:
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    # one parameter of __init__: "name:type" with its default
    if f.default is MISSING and f.default_factory is MISSING:
        default = ''
    elif f.default is not MISSING:
        default = '=__dataclass_dflt_%s__' % f.name
    else:
        default = '=__dataclass_HAS_DEFAULT_FACTORY__'
    return '%s:__dataclass_type_%s__%s' % (f.name, f.name, default)


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init,
             self_name, globals, slots):
    seen_default = False
    for f in std_fields:
        if not f.init:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default argument'
                            % (f.name,))

    locals = {'__dataclass_type_%s__' % f.name: f.type for f in fields}
    locals['__dataclass_HAS_DEFAULT_FACTORY__'] = _HAS_DEFAULT_FACTORY
    locals['__dataclass_builtins_object__'] = object

    body = []
    for f in fields:
        line = _field_init(f, frozen, locals, self_name, slots)
        if line:
            body.append(line)
    if has_post_init:
        initvars = ','.join(f.name for f in fields
                            if f._field_type is _FIELD_INITVAR)
        body.append('%s.%s(%s)' % (self_name, _POST_INIT_NAME, initvars))
    if not body:
        body = ['pass']

    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params.append('*')
        params.extend(_init_param(f) for f in kw_only_fields)
    return _create_fn('__init__', params, body, locals=locals,
                      globals=globals, return_type=None)


def _repr_fn(fields, globals):
    parts = ', '.join('%s={self.%s!r}' % (f.name, f.name) for f in fields)
    fn = _create_fn('__repr__', ('self',),
                    ['return self.__class__.__qualname__ + f"(%s)"' % parts],
                    globals=globals)
    return _recursive_repr(fn)


def _frozen_get_del_attr(cls, fields, globals):
    locals = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    condition = 'type(self) is cls'
    if fields:
        condition += ' or name in {%s}' % ', '.join(repr(f.name) for f in fields)
    setattr_fn = _create_fn(
        '__setattr__', ('self', 'name', 'value'),
        ['if %s:' % condition,
         ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
         'super(cls, self).__setattr__(name, value)'],
        locals=locals, globals=globals)
    delattr_fn = _create_fn(
        '__delattr__', ('self', 'name'),
        ['if %s:' % condition,
         ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
         'super(cls, self).__delattr__(name)'],
        locals=locals, globals=globals)
    return setattr_fn, delattr_fn


def _cmp_fn(name, op, self_tuple, other_tuple, globals):
    return _create_fn(name, ('self', 'other'),
                      ['if other.__class__ is self.__class__:',
                       ' return %s%s%s' % (self_tuple, op, other_tuple),
                       'return NotImplemented'],
                      globals=globals)


def _hash_fn(fields, globals):
    return _create_fn('__hash__', ('self',),
                      ['return hash(%s)' % _tuple_str('self', fields)],
                      globals=globals)


# ------------------------------------------------------ ClassVar/InitVar

def _is_classvar(a_type, typing):
    return (a_type is typing.ClassVar
            or getattr(a_type, '__origin__', None) is typing.ClassVar)


def _is_initvar(a_type, dataclasses):
    return a_type is dataclasses.InitVar or type(a_type) is dataclasses.InitVar


def _is_kw_only(a_type, dataclasses):
    return a_type is dataclasses.KW_ONLY


def _is_word_char(ch):
    return ch.isalnum() or ch == '_'


def _split_annotation_name(text):
    # For 'mod.Name[...]' / 'Name[...]' (leading blanks allowed) the pair
    # (mod or None, Name); None when the text does not start with a name.
    i, n = 0, len(text)

    def skip_blanks(i):
        while i < n and text[i].isspace():
            i += 1
        return i

    def read_word(i):
        start = i
        while i < n and _is_word_char(text[i]):
            i += 1
        return text[start:i], i

    i = skip_blanks(i)
    first, i = read_word(i)
    if not first:
        return None
    j = skip_blanks(i)
    if j < n and text[j] == '.':
        k = skip_blanks(j + 1)
        second, k = read_word(k)
        if second:
            return first, second
    return None, first


def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    """Whether the string annotation names a_type (such as ClassVar),
    directly ('ClassVar[int]') or through its module ('typing.ClassVar')
    as the class's module sees those names."""
    parts = _split_annotation_name(annotation)
    if parts is None:
        return False
    module_name, name = parts
    cls_module = sys.modules.get(cls.__module__)
    namespace = None
    if module_name is None:
        if cls_module is not None:
            namespace = cls_module.__dict__
        if namespace is None:
            return False
        return is_type_predicate(namespace.get(name), a_module)
    if cls_module is not None and cls_module.__dict__.get(module_name) is a_module:
        namespace = cls_module.__dict__
    if namespace is None:
        return False
    return is_type_predicate(getattr(a_module, name, None), a_module)


def _get_field(cls, a_name, a_type, default_kw_only):
    # the Field for annotation a_name: a_type, from the class attribute
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if _is_member_descriptor(default):
            # a __slots__ entry, not a default
            default = MISSING
        f = field(default=default)

    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD

    typing = sys.modules.get('typing')
    if typing:
        if (_is_classvar(a_type, typing)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, typing, typing.ClassVar, _is_classvar))):
            f._field_type = _FIELD_CLASSVAR

    if f._field_type is _FIELD:
        dataclasses = sys.modules[__name__]
        if (_is_initvar(a_type, dataclasses)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, dataclasses, dataclasses.InitVar,
                                 _is_initvar))):
            f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % f.name)

    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError('field %s is a ClassVar but specifies kw_only' % f.name)

    # a value whose type is unhashable (list, dict, set, ...) would be
    # shared by all instances
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError('mutable default %s for field %s is not allowed: '
                         'use default_factory' % (type(f.default), f.name))
    return f


def _is_member_descriptor(obj):
    return _MemberDescriptorType is not None and isinstance(obj, _MemberDescriptorType)


def _set_qualname(cls, value):
    if callable(value) and hasattr(value, '__qualname__'):
        try:
            value.__qualname__ = '%s.%s' % (cls.__qualname__, value.__name__)
        except (AttributeError, TypeError):
            pass
    return value


def _set_new_attribute(cls, name, value):
    # set cls.name unless the class defines it; True when it did
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


# __hash__ decisions, indexed by (unsafe_hash, eq, frozen, has_explicit_hash):
#   unsafe_hash  eq     frozen | no __hash__ in class | __hash__ in class
#   False        False  *      | keep the base's      | keep
#   False        True   False  | set to None          | keep
#   False        True   True   | add                  | keep
#   True         *      *      | add                  | TypeError

def _hash_set_none(cls, fields, globals):
    return None


def _hash_add(cls, fields, globals):
    flds = [f for f in fields if (f.compare if f.hash is None else f.hash)]
    return _set_qualname(cls, _hash_fn(flds, globals))


def _hash_exception(cls, fields, globals):
    raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)


def _hash_action(unsafe_hash, eq, frozen, has_explicit_hash):
    if unsafe_hash:
        return _hash_exception if has_explicit_hash else _hash_add
    if not eq or has_explicit_hash:
        return None
    return _hash_add if frozen else _hash_set_none


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    fields = {}

    if cls.__module__ in sys.modules:
        globals = sys.modules[cls.__module__].__dict__
    else:
        globals = {}

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen))

    # the fields of dataclass bases, most basic first
    any_frozen_base = False
    has_dataclass_bases = False
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(base, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = cls.__dict__.get('__annotations__', {})

    cls_fields = []
    kw_only_seen = False
    dataclasses = sys.modules[__name__]
    for name, a_type in cls_annotations.items():
        if (_is_kw_only(a_type, dataclasses)
                or (isinstance(a_type, str)
                    and _is_type(a_type, cls, dataclasses, dataclasses.KW_ONLY,
                                 _is_kw_only))):
            if kw_only_seen:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified'
                                % (name,))
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        # a Field object as class attribute gives way to its default (or
        # to nothing)
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError('%r is a field but has no type annotation' % (name,))

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.init and f.kw_only]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _set_new_attribute(cls, '__init__',
                           _init_fn(all_init_fields, std_init_fields,
                                    kw_only_init_fields, frozen, has_post_init,
                                    self_name, globals, slots))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, '__repr__',
                           _repr_fn([f for f in field_list if f.repr], globals))

    if eq:
        compared = [f for f in field_list if f.compare]
        _set_new_attribute(cls, '__eq__',
                           _cmp_fn('__eq__', '==', _tuple_str('self', compared),
                                   _tuple_str('other', compared), globals))

    if order:
        compared = [f for f in field_list if f.compare]
        self_tuple = _tuple_str('self', compared)
        other_tuple = _tuple_str('other', compared)
        for name, op in (('__lt__', '<'), ('__le__', '<='),
                         ('__gt__', '>'), ('__ge__', '>=')):
            if _set_new_attribute(cls, name,
                                  _cmp_fn(name, op, self_tuple, other_tuple, globals)):
                raise TypeError('Cannot overwrite attribute %s in class %s. '
                                'Consider using functools.total_ordering'
                                % (name, cls.__name__))

    if frozen:
        for fn in _frozen_get_del_attr(cls, field_list, globals):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (fn.__name__, cls.__name__))

    action = _hash_action(bool(unsafe_hash), bool(eq), bool(frozen),
                          has_explicit_hash)
    if action is not None:
        cls.__hash__ = action(cls, field_list, globals)

    if not getattr(cls, '__doc__'):
        cls.__doc__ = cls.__name__ + _text_signature(cls, all_init_fields,
                                                     std_init_fields,
                                                     kw_only_init_fields, init)

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    update = getattr(_abc, 'update_abstractmethods', None)
    if update is not None:
        update(cls)
    return cls


# ------------------------------------------------------------- __doc__

def _format_annotation(annotation):
    # what inspect shows for an annotation in a signature
    module = getattr(annotation, '__module__', None)
    if module == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type) and not hasattr(annotation, '__origin__'):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return '%s.%s' % (annotation.__module__, annotation.__qualname__)
    return repr(annotation)


def _text_signature(cls, all_fields, std_fields, kw_fields, init):
    if _inspect is not None:
        try:
            return str(_inspect.signature(cls)).replace(' -> None', '')
        except (TypeError, ValueError):
            return ''
    if not init:
        return '()' if cls.__init__ is object.__init__ else ''

    def param(f):
        text = '%s: %s' % (f.name, _format_annotation(f.type))
        if f.default is not MISSING:
            text += ' = %r' % (f.default,)
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        return text

    params = [param(f) for f in std_fields]
    if kw_fields:
        params.append('*')
        params.extend(param(f) for f in kw_fields)
    return '(%s)' % ', '.join(params)


# ------------------------------------------------------------- slots

def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        # the class is frozen: go around its __setattr__
        object.__setattr__(self, f.name, value)


def _get_slots(cls):
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        if getattr(cls, '__weakrefoffset__', False):
            yield '__weakref__'
        if getattr(cls, '__dictoffset__', False):
            yield '__dict__'
    elif isinstance(slots, str):
        yield slots
    elif hasattr(slots, '__next__'):
        raise TypeError("Slots of '%s' cannot be determined" % cls.__name__)
    else:
        yield from slots


def _add_slots(cls, is_frozen, weakref_slot):
    # __slots__ only works when the class is made: make a new one
    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(_get_slots(base))
    slots = [name for name in field_names if name not in inherited]
    if weakref_slot and '__weakref__' not in inherited:
        slots.append('__weakref__')
    if '__slots__' in cls_dict:
        raise TypeError('%s already specifies __slots__' % cls.__name__)
    cls_dict['__slots__'] = tuple(slots)
    for name in field_names:
        # the slot descriptors replace the defaults
        cls_dict.pop(name, None)
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)
    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname
    if is_frozen:
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = _dataclass_setstate
    return cls


# ------------------------------------------------------------ the API

def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Class decorator generating methods from the class's annotated
    fields: __init__ (init), __repr__ (repr), __eq__ (eq), the ordering
    methods (order), __hash__ (unsafe_hash, or the eq/frozen rules),
    assignment-refusing __setattr__/__delattr__ (frozen), __match_args__
    (match_args); kw_only makes the fields keyword-only by default and
    slots returns a new class with __slots__ (weakref_slot adds
    __weakref__ to them).
    """
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or dataclass instance (no ClassVar
    or InitVar pseudo-fields)."""
    try:
        all_fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in all_fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, recursing into
    dataclasses, lists, tuples and dicts (other values are deep-copied)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        # a namedtuple is rebuilt from positional arguments
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a dataclass instance as a tuple, recursing like asdict."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
])


def _new_class(name, bases, body):
    # class name(*bases): body, through the most derived metaclass
    meta = type
    for base in bases:
        base_meta = type(base)
        if issubclass(base_meta, meta):
            meta = base_meta
    prepare = getattr(meta, '__prepare__', None)
    namespace = prepare(name, bases) if prepare is not None else {}
    for key, value in body.items():
        namespace[key] = value
    return meta(name, bases, namespace)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Return a new dataclass named cls_name.

    fields is an iterable of names, (name, type) or (name, type, Field)
    items; a field without a type is typed 'typing.Any'.  namespace adds
    class attributes; the other arguments are dataclass()'s.
    """
    if namespace is None:
        namespace = {}
    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if name in _KEYWORDS:
            raise TypeError('Field names must not be keywords: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp

    body = dict(namespace)
    body.update(defaults)
    body['__annotations__'] = annotations
    # CPython 3.11 makes the class inside types.new_class, so that is the
    # module it reports
    body.setdefault('__module__', 'types')
    cls = _new_class(cls_name, tuple(bases), body)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A copy of the dataclass instance obj with the fields in `changes`
    replaced (InitVars without a default must be given)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot '
                                 'be specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()"
                                 % (f.name,))
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
