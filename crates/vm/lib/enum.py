"""enum: enumerations (ftl's frozen module), after CPython 3.11's enum.

Covers: EnumType (alias EnumMeta) with __prepare__'s member-collecting
namespace; Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag; auto, member,
nonmember, enum.property; unique, verify with EnumCheck (CONTINUOUS,
NAMED_FLAGS, UNIQUE); FlagBoundary (STRICT, CONFORM, EJECT, KEEP);
global_enum (with global_enum_repr, global_flag_repr, global_str),
show_flag_values, pickle_by_global_name/pickle_by_enum_name and enum.bin.

Members are singletons carrying _name_ and _value_ (read through the
enum.property descriptors `name` and `value`); aliases (a second name for
a value already used) map to the first member; iteration, len(), `in`,
reversed(), Color['RED'] (by name), Color(1) (by value, with the
_missing_ hook and "3 is not a valid Color"), the functional API
Enum('Color', 'RED GREEN') / [(name, value), ...] / {name: value},
_generate_next_value_ (auto() values), _ignore_, _order_, __init__ taking
a tuple value's items, a user __new__ setting _value_, mixed-in data types
(class Foo(int, Enum)), pickling through __reduce_ex__ (class, (value,)),
CPython 3.11's repr/str/format rules (<Color.RED: 1>, 'Color.RED';
IntEnum/StrEnum/IntFlag str() and format() are the value's own since
3.11), Flag composition with | & ^ ~, iteration over a flag's members,
pseudo-members such as <Perm.R|W: 6> and the boundary rules, and the
error messages of CPython 3.11.

Left out: _simple_enum/_test_simple_enum and EnumType._convert_ (used by
CPython's own stdlib modules only), the DeprecationWarnings of 3.11 (a
nested class still becomes a member, `'x' in Color` raises TypeError as in
3.11, silently).

What this module needs from the interpreter: metaclasses with
__prepare__ returning a dict subclass whose __setitem__ sees the class
body's stores, class keywords (boundary=), __set_name__, user descriptors
(__get__/__set__/__delete__ on enum.property, which `name` and `value`
are), a metaclass's __setattr__/__delattr__ (blocking reassignment and
deletion of members), int.__repr__/str.__str__ applied to a subclass
instance giving the plain value (IntEnum's str()), object.__dir__ (dir()
of a member with a data type), and sys._getframe for
the functional API's module (without it the module is taken to be
'__main__').  types.MappingProxyType is used for __members__ where the
types module offers it (a dict copy otherwise).
"""

import sys
import builtins as _builtins
from functools import reduce as _reduce
from operator import or_ as _or_

try:
    from types import MappingProxyType as _MappingProxyType
except ImportError:  # the types module is not there yet
    _MappingProxyType = dict

__all__ = [
    'EnumType', 'EnumMeta',
    'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
    'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
    'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
    'global_flag_repr', 'global_enum_repr', 'global_str', 'global_enum',
    'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE',
    'pickle_by_global_name', 'pickle_by_enum_name',
]

# The classes below refer to each other while they are being built: until
# a name is bound to its class it is None, which the metaclass checks.
Enum = Flag = ReprEnum = None
STRICT = CONFORM = EJECT = KEEP = None


# ---------------------------------------------------------------- helpers

def _plain_function():
    pass


# Objects that never become members.  Functions, bound methods and the
# built-in decorator objects are listed explicitly besides the __get__ /
# __set__ / __delete__ test, so that the decision does not depend on
# whether the interpreter exposes __get__ on functions.
_DESCRIPTOR_TYPES = (
    type(_plain_function), type(len), classmethod, staticmethod,
    _builtins.property,
)


def _is_descriptor(obj):
    if isinstance(obj, _DESCRIPTOR_TYPES):
        return True
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == '__' and name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == '_' and name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    # a mangled private name: _ClsName__attr (but not _ClsName__attr__)
    prefix = '_%s__' % cls_name.lstrip('_')
    if len(name) <= len(prefix) or not name.startswith(prefix):
        return False
    return not name.endswith('__')


def _is_single_bit(num):
    # num is an int; zero is not a single bit
    return num != 0 and num & (num - 1) == 0


def _high_bit(value):
    # index of the highest set bit, -1 for zero
    return value.bit_length() - 1


def _iter_bits_lsb(num):
    # the set bits of a non-negative int, lowest first
    original = num
    if isinstance(num, Enum):
        num = num.value
    if num < 0:
        raise ValueError('%r is not a positive integer' % original)
    while num:
        low = num & -num
        yield low
        num ^= low


def show_flag_values(value):
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    """Like the built-in bin(), with a sign bit after the prefix and
    negative numbers in two's complement: bin(10) == '0b0 1010',
    bin(~10) == '0b1 0101'."""
    width = num.bit_length()
    if num >= 0:
        sign = '0b0'
        digits = _builtins.bin(num)[2:] if num else ''
        digits = digits.rjust(width, '0')
    else:
        sign = '0b1'
        # two's complement of num in `width` bits
        digits = _builtins.bin((1 << width) + num)[2:] if width else ''
        digits = digits.rjust(width, '0')
    if max_bits is not None and len(digits) < max_bits:
        digits = sign[-1] * (max_bits - len(digits)) + digits
    return '%s %s' % (sign, digits)


def _make_class_unpicklable(obj):
    """Make an enum class (or the namespace it is made from) refuse to pickle."""
    def _break_on_call_reduce(self, proto):
        raise TypeError('%r cannot be pickled' % self)
    if isinstance(obj, dict):
        obj['__reduce_ex__'] = _break_on_call_reduce
        obj['__module__'] = '<unknown>'
    else:
        setattr(obj, '__reduce_ex__', _break_on_call_reduce)
        setattr(obj, '__module__', '<unknown>')


def _mapping_proxy(mapping):
    return _MappingProxyType(mapping)


# ------------------------------------------------- auto / member / nonmember

class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Stands for a value the enumeration computes (_generate_next_value_)."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class member:
    """Forces an object to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps an object from becoming a member."""

    def __init__(self, value):
        self.value = value


# ----------------------------------------------------------- enum.property

class property:
    """A descriptor whose instance access acts like the built-in property's
    and whose class access looks the name up among the class's members, so
    that an enumeration may have members called `name` or `value`."""

    member = None

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        if doc is None and fget is not None:
            doc = getattr(fget, '__doc__', None)
        self.__doc__ = doc
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(
            getattr(fget, '__isabstractmethod__', False))
        self.name = getattr(fget, '__name__', None)
        self.clsname = None

    def getter(self, fget):
        new = type(self)(fget, self.fset, self.fdel,
                         None if self.overwrite_doc else self.__doc__)
        new.overwrite_doc = self.overwrite_doc
        return new

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.member is not None:
                return self.member
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError(
                    '%r has no attribute %r' % (ownerclass, self.name))
        if self.fget is not None:
            return self.fget(instance)
        if self.member is not None:
            return self.member
        try:
            return ownerclass._member_map_[self.name]
        except KeyError:
            raise AttributeError(
                '%r has no attribute %r' % (ownerclass, self.name)) from None

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError(
                '<enum %r> cannot set attribute %r' % (self.clsname, self.name))
        return self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError(
                '<enum %r> cannot delete attribute %r' % (self.clsname, self.name))
        return self.fdel(instance)


def _is_property_like(obj):
    if isinstance(obj, (property, _builtins.property)):
        return True
    return (hasattr(obj, 'fget') and hasattr(obj, 'fset')
            and hasattr(obj, 'fdel'))


# ------------------------------------------------------- class namespace

_ALLOWED_SUNDERS = (
    '_order_', '_generate_next_value_', '_numeric_repr_', '_missing_',
    '_ignore_', '_iter_member_', '_iter_member_by_value_',
    '_iter_member_by_def_',
)


class _EnumDict(dict):
    """The namespace an enumeration's body runs in: it records which names
    become members (in order) and turns auto() into values."""

    def __init__(self):
        super().__init__()
        self._member_names = {}       # a dict for its insertion order
        self._last_values = []
        self._ignore = []
        self._auto_called = False
        self._cls_name = None
        self._generate_next_value = None

    def __setitem__(self, key, value):
        if self._cls_name is not None and _is_private(self._cls_name, key):
            pass                                    # an ordinary attribute
        elif _is_sunder(key):
            if key not in _ALLOWED_SUNDERS:
                raise ValueError(
                    '_sunder_ names, such as %r, are reserved for future Enum use'
                    % (key,))
            if key == '_generate_next_value_':
                if self._auto_called:
                    raise TypeError(
                        '_generate_next_value_ must be defined before members')
                if isinstance(value, staticmethod):
                    self._generate_next_value = value.__func__
                else:
                    self._generate_next_value = value
            elif key == '_ignore_':
                if isinstance(value, str):
                    names = value.replace(',', ' ').split()
                else:
                    names = list(value)
                self._ignore = names
                already = set(names) & set(self._member_names)
                if already:
                    raise ValueError(
                        '_ignore_ cannot specify already set names: %r'
                        % (already,))
                value = names
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            value = self._resolve_autos(key, value)
            self._member_names[key] = None
        dict.__setitem__(self, key, value)

    def _resolve_autos(self, key, value):
        # auto() alone, or auto() items of a plain tuple, get their values
        # here; the value is remembered for the next auto()
        if isinstance(value, auto):
            items, single = [value], True
        elif type(value) is tuple and any(isinstance(v, auto) for v in value):
            items, single = list(value), False
        else:
            self._last_values.append(value)
            return value
        resolved = []
        for item in items:
            if isinstance(item, auto):
                if item.value is _auto_null:
                    item.value = self._generate_next_value(
                        key, 1, len(self._member_names), self._last_values[:])
                    self._auto_called = True
                item = item.value
                self._last_values.append(item)
            resolved.append(item)
        return resolved[0] if single else tuple(resolved)

    def update(self, members=(), **more_members):
        if hasattr(members, 'keys'):
            for name in members.keys():
                self[name] = members[name]
        else:
            for name, value in members:
                self[name] = value
        for name, value in more_members.items():
            self[name] = value


# ------------------------------------------------------------- members

class _proto_member:
    """Stands in the class body for a future member; the class's creation
    calls __set_name__, which turns it into the real member."""

    def __init__(self, value):
        self.value = value

    def __set_name__(self, enum_class, member_name):
        delattr(enum_class, member_name)
        _add_member(enum_class, member_name, self.value)


def _add_member(enum_class, member_name, value):
    args = value if isinstance(value, tuple) else (value,)
    if enum_class._member_type_ is tuple:
        args = (args,)                    # a tuple enum gets the whole tuple
    if enum_class._use_args_:
        new_member = enum_class._new_member_(enum_class, *args)
    else:
        new_member = enum_class._new_member_(enum_class)
    if not hasattr(new_member, '_value_'):
        if enum_class._member_type_ is object:
            new_member._value_ = value
        else:
            try:
                new_member._value_ = enum_class._member_type_(*args)
            except Exception as exc:
                error = TypeError('_value_ not set in __new__, unable to create it')
                error.__cause__ = exc
                raise error
    value = new_member._value_
    new_member._name_ = member_name
    new_member.__objclass__ = enum_class
    new_member.__init__(*args)
    new_member._sort_order_ = len(enum_class._member_names_)

    is_flag = Flag is not None and issubclass(enum_class, Flag)
    if is_flag:
        enum_class._flag_mask_ |= value
        if _is_single_bit(value):
            enum_class._singles_mask_ |= value
        enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1

    # the first member with a value is canonical; later ones are aliases
    canonical = _lookup_value(enum_class, value)
    if canonical is not None:
        new_member = canonical
    elif not is_flag or _is_single_bit(value):
        enum_class._member_names_.append(member_name)

    # A property of that name in a base (such as `name` or `value`) must
    # keep working on members: the class gets a redirecting enum.property
    # that answers the member on class access.
    found = None
    for base in enum_class.__mro__[1:]:
        attr = base.__dict__.get(member_name)
        if attr is None:
            continue
        if isinstance(attr, (property, _builtins.property)):
            found = attr
            break
        if _is_property_like(attr):
            found = attr
    if found is not None:
        redirect = property()
        redirect.member = new_member
        redirect.__set_name__(enum_class, member_name)
        redirect.fget = found.fget
        redirect.fset = found.fset
        redirect.fdel = found.fdel
        type.__setattr__(enum_class, member_name, redirect)
    else:
        type.__setattr__(enum_class, member_name, new_member)

    enum_class._member_map_[member_name] = new_member
    try:
        enum_class._value2member_map_.setdefault(value, new_member)
    except TypeError:
        enum_class._unhashable_values_.append(value)


def _lookup_value(enum_class, value):
    # the member with this value, or None
    try:
        return enum_class._value2member_map_.get(value)
    except TypeError:
        for candidate in enum_class._member_map_.values():
            if candidate._value_ == value:
                return candidate
        return None


# -------------------------------------------------------------- EnumType

class EnumType(type):
    """Metaclass of Enum: builds the members and makes the class iterable
    and indexable by member name."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        namespace = _EnumDict()
        namespace._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            namespace['_generate_next_value_'] = getattr(
                first_enum, '_generate_next_value_', None)
        return namespace

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if _simple:
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        if not isinstance(classdict, _EnumDict):
            # called directly (e.g. EnumType('X', (Enum,), {...})): replay
            # the namespace through an _EnumDict so members are recognised
            fresh = metacls.__prepare__(cls, bases, **kwds)
            for key, val in classdict.items():
                fresh[key] = val
            classdict = fresh

        ignore = list(classdict.get('_ignore_', []))
        ignore.append('_ignore_')
        for key in ignore:
            classdict.pop(key, None)

        member_names = [n for n in classdict._member_names if n in classdict]
        invalid = [n for n in member_names if n in ('mro', '')]
        if invalid:
            raise ValueError('invalid enum member name(s) %s'
                             % ','.join(repr(n) for n in invalid))

        order = classdict.pop('_order_', None)
        body = dict(classdict.items())

        member_type, first_enum = metacls._get_mixins_(cls, bases)
        new_member, save_new, use_args = metacls._find_new_(
            body, member_type, first_enum)
        body['_new_member_'] = new_member
        body['_use_args_'] = use_args

        for name in member_names:
            body[name] = _proto_member(body[name])

        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        body['_value_repr_'] = metacls._find_data_repr_(cls, bases)
        # the Flag bookkeeping; removed again below unless this is a Flag
        body['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
        body['_flag_mask_'] = 0
        body['_singles_mask_'] = 0
        body['_all_bits_'] = 0
        body['_inverted_'] = None

        try:
            enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        except RuntimeError as exc:
            # a member's creation failing inside __set_name__ comes wrapped
            # in a RuntimeError: raise the original error instead
            if exc.__cause__ is not None:
                raise exc.__cause__
            raise
        body.update(enum_class.__dict__)

        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError(
                    'ReprEnum subclasses must be mixed with a data type '
                    '(i.e. int, str, float, etc.)')
            if '__format__' not in body:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
                body['__format__'] = member_type.__format__
            if '__str__' not in body:
                data_str = member_type.__str__
                if data_str is object.__str__:
                    data_str = member_type.__repr__
                type.__setattr__(enum_class, '__str__', data_str)
                body['__str__'] = data_str

        # the data type's repr/str/format/reduce must not shadow the enum's
        for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
            if name in body:
                continue
            found = getattr(enum_class, name, None)
            if (found == getattr(member_type, name, None)
                    or found == getattr(object, name, None)):
                type.__setattr__(enum_class, name, getattr(first_enum, name))

        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            for name in ('__or__', '__and__', '__xor__', '__ror__',
                         '__rand__', '__rxor__', '__invert__'):
                if name not in body:
                    type.__setattr__(enum_class, name, Flag.__dict__[name])
                    body[name] = Flag.__dict__[name]

        if Enum is not None:
            # members exist now: calling the class looks values up
            if save_new:
                type.__setattr__(enum_class, '__new_member__', new_member)
            type.__setattr__(enum_class, '__new__', Enum.__new__)

        if isinstance(order, str):
            order = order.replace(',', ' ').split()
        if not is_flag and (Flag is not None or cls != 'Flag'):
            for name in ('_boundary_', '_flag_mask_', '_singles_mask_',
                         '_all_bits_', '_inverted_'):
                type.__delattr__(enum_class, name)
        elif is_flag:
            values = [m._value_ for m in enum_class]
            if values != sorted(values):
                type.__setattr__(enum_class, '_iter_member_',
                                 enum_class._iter_member_by_def_)
            if order:
                order = [o for o in order
                         if o not in enum_class._member_map_
                         or _is_single_bit(enum_class._member_map_[o]._value_)]
        if order:
            order = [o for o in order
                     if o not in enum_class._member_map_
                     or o in enum_class._member_names_]
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        """Either returns an existing member (Color(1)), or creates a new
        enum class (the functional API: Enum('Color', 'RED GREEN'))."""
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        names = set(['__class__', '__contains__', '__doc__', '__getitem__',
                     '__iter__', '__len__', '__members__', '__module__',
                     '__name__', '__qualname__'])
        names.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            names.add('__new__')
        if cls.__init_subclass__ != object.__init_subclass__:
            names.add('__init_subclass__')
        if cls._member_type_ is not object:
            names.update(dir(cls._member_type_))
        return sorted(names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @_builtins.property
    def __members__(cls):
        """A read-only mapping of every member name (aliases too) to its member."""
        return _mapping_proxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return '<flag %r>' % cls.__name__
        return '<enum %r>' % cls.__name__

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        """The functional API: Enum('Name', names, ...)."""
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)

        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs = []
            last_values = []
            for count, name in enumerate(names):
                value = first_enum._generate_next_value_(
                    name, start, count, last_values[:])
                last_values.append(value)
                pairs.append((name, value))
            names = pairs
        if names is None:
            names = ()
        for item in names:
            if isinstance(item, str):
                classdict[item] = names[item]
            else:
                member_name, member_value = item
                classdict[member_name] = member_value

        if module is None:
            module = _caller_module(3)
        if module is None:
            _make_class_unpicklable(classdict)
        else:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict,
                               boundary=boundary)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError('<enum %r> cannot extend %r' % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        """(the data type of the members, the last enum base)."""
        if not bases:
            return object, Enum
        mcls._check_for_existing_members_(class_name, bases)
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        member_type = mcls._find_data_type_(class_name, bases) or object
        return member_type, first_enum

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    return base._value_repr_
                if '__repr__' in base.__dict__:
                    return base.__dict__['__repr__']
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        # the data type is the first base (along each base's MRO) that has
        # its own __new__ (or is a dataclass)
        found = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        if base._member_type_ not in found:
                            found.append(base._member_type_)
                        break
                elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                    data_type = candidate or base
                    if data_type not in found:
                        found.append(data_type)
                    break
                else:
                    candidate = candidate or base
        if len(found) > 1:
            raise TypeError('too many data types for %r: %r'
                            % (class_name, set(found)))
        return found[0] if found else None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        """(the function creating members, whether to keep the class's own
        __new__ as __new_member__, whether it takes the value's items)."""
        new = classdict.get('__new__')
        if isinstance(new, staticmethod):
            new = new.__func__
        save_new = first_enum is not None and new is not None
        if new is None:
            for method in ('__new_member__', '__new__'):
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if not _is_default_new(target):
                        new = target
                        break
                if new is not None:
                    break
            else:
                new = object.__new__
        if first_enum is None or _is_default_new(new):
            use_args = False
        else:
            use_args = True
        return new, save_new, use_args


EnumMeta = EnumType


def _is_default_new(target):
    # None, object.__new__ or Enum's value lookup: none of them makes members
    if target is None or target == object.__new__:
        return True
    return Enum is not None and target == Enum.__new__


def _caller_module(depth):
    # the __name__ of the module `depth` frames up, when the interpreter
    # can tell; ftl without sys._getframe answers '__main__'
    getframe = getattr(sys, '_getframe', None)
    if getframe is None:
        return '__main__'
    try:
        return getframe(depth).f_globals['__name__']
    except (AttributeError, ValueError, KeyError):
        return None


# ------------------------------------------------------------------ Enum

class Enum(metaclass=EnumType):
    """Base class of enumerations: each class attribute of a subclass
    (other than methods and descriptors) becomes a member, a singleton
    with .name and .value; Color.RED, Color(1) and Color['RED'] find one,
    and the class iterates over its members in definition order."""

    def __new__(cls, value):
        # all enum instances are made when the class is; this looks one up
        if type(value) is cls:
            return value
        found = _lookup_value(cls, value)
        if found is not None:
            return found
        if not cls._member_map_:
            raise TypeError('%r has no members defined' % cls)
        error = None
        try:
            result = cls._missing_(value)
        except Exception as exc:
            error = exc
            result = None
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag)
                and cls._boundary_ is EJECT and isinstance(result, int)):
            return result
        not_valid = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if result is None and error is None:
            raise not_valid
        if error is None:
            error = TypeError(
                'error in %s._missing_: returned %r instead of None or a valid member'
                % (cls.__name__, result))
        if not isinstance(error, ValueError):
            error.__context__ = not_valid
        raise error

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        """The value of the next auto(): one more than the largest so far."""
        if not last_values:
            return start
        try:
            ordered = sorted(last_values)
            if ordered[-1] == last_values[-1]:
                return last_values[-1] + 1
        except TypeError:
            pass
        # values that do not sort: one more than the latest that can add 1
        for earlier in reversed(last_values):
            try:
                return earlier + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        value_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_,
                                value_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __dir__(self):
        names = set()
        if self.__class__._member_type_ is not object:
            names = set(object.__dir__(self))
        for name in getattr(self, '__dict__', ()):
            if name[0] != '_' and name not in self._member_map_:
                names.add(name)
        for klass in self.__class__.mro():
            for name, obj in klass.__dict__.items():
                if name[0] == '_':
                    continue
                if isinstance(obj, property):
                    if obj.fget is not None or name not in self._member_map_:
                        names.add(name)
                    else:
                        names.discard(name)
                elif name not in self._member_map_:
                    names.add(name)
        names.update(('__class__', '__doc__', '__eq__', '__hash__', '__module__'))
        return sorted(names)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """An enumeration whose str() and format() are the data type's own
    (only repr() names the member)."""


class IntEnum(int, ReprEnum):
    """An enumeration whose members are ints."""


class StrEnum(str, ReprEnum):
    """An enumeration whose members are strs."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2]))
        text = str(*values)
        new_member = str.__new__(cls, text)
        new_member._value_ = text
        return new_member

    def _generate_next_value_(name, start, count, last_values):
        """The lower-cased member name."""
        return name.lower()


def pickle_by_global_name(self, proto):
    # a member of a global_enum pickles as the module-level name
    return self.name


_reduce_ex_by_global_name = pickle_by_global_name


def pickle_by_enum_name(self, proto):
    # pickle a member as getattr(its class, its name)
    return getattr, (self.__class__, self._name_)


class FlagBoundary(StrEnum):
    """What a Flag does with a value holding bits no member has:
    STRICT raises ValueError (Flag's default), CONFORM drops those bits,
    EJECT returns the plain int, KEEP keeps them (IntFlag's default)."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


# ------------------------------------------------------------------ Flag

class Flag(Enum, boundary=STRICT):
    """An enumeration of bit flags that combine with |, & and ^."""

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        """The next power of two above the largest value so far."""
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            top = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (top + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        """The canonical members in `value`, lowest bit first."""
        for bit in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(bit)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        """The canonical members in `value`, in definition order."""
        yield from sorted(cls._iter_member_by_value_(value),
                          key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        """Builds (and caches) the pseudo-member combining the members in
        `value`; bits outside the flag follow the class's boundary."""
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        boundary = cls._boundary_
        neg_value = None
        out_of_range = not (~all_bits <= value <= all_bits)
        if out_of_range or value & (all_bits ^ flag_mask):
            if boundary is STRICT:
                width = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                                 % (cls, value, bin(value, width),
                                    bin(flag_mask, width)))
            elif boundary is CONFORM:
                value = value & flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError('%r unknown flag boundary %r' % (cls, boundary))
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and boundary is not KEEP:
            raise ValueError('%s(%r) -->  unknown values %r [%s]'
                             % (cls.__name__, value, unknown, bin(unknown)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo, '_value_'):
            pseudo._value_ = value
        if member_value or aliases:
            members = []
            combined = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined |= m._value_
            if aliases:
                value = member_value | aliases
                for m in cls._member_map_.values():
                    if (m not in members and m._value_
                            and m._value_ & value == m._value_):
                        members.append(m)
                        combined |= m._value_
            unknown = value ^ combined
            pseudo._name_ = '|'.join([m._name_ for m in members])
            if not combined:
                pseudo._name_ = None
            elif unknown and boundary is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))
            elif unknown:
                pseudo._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo._name_ = None
        # setdefault: another thread may have made the same one meanwhile
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo
        return pseudo

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        value_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, value_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, value_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        # the int to combine with, or None where the operation does not apply
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return None

    def __or__(self, other):
        other_value = self._other_value(other)
        if other_value is None:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = self._other_value(other)
        if other_value is None:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = self._other_value(other)
        if other_value is None:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """A Flag whose members are ints."""


# ------------------------------------------------------------ decorators

def unique(enumeration):
    """Class decorator: no two names may share a value."""
    duplicates = [(name, m.name) for name, m in enumeration.__members__.items()
                  if name != m.name]
    if duplicates:
        details = ', '.join('%s -> %s' % pair for pair in duplicates)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration


def _power_of_two(value):
    if value < 1:
        return False
    return value == 2 ** _high_bit(value)


def global_enum_repr(self):
    """repr() as module.MEMBER (the last part of a dotted module name)."""
    module = self.__class__.__module__.split('.')[-1]
    return '%s.%s' % (module, self._name_)


def global_flag_repr(self):
    """repr() of a flag as module.A|module.B."""
    module = self.__class__.__module__.split('.')[-1]
    cls_name = self.__class__.__name__
    if self._name_ is None:
        return '%s.%s(%r)' % (module, cls_name, self._value_)
    if _is_single_bit(self._value_):
        return '%s.%s' % (module, self._name_)
    parts = []
    for part in self._name_.split('|'):
        if self._boundary_ is KEEP and part[0].isdigit():
            parts.append(part)
        else:
            parts.append('%s.%s' % (module, part))
    return '|'.join(parts)


def global_str(self):
    """str() as the bare member name."""
    if self._name_ is None:
        return '%s(%r)' % (self.__class__.__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Class decorator: members' repr names the module instead of the
    class, and the members become globals of the class's module."""
    if issubclass(cls, Flag):
        type.__setattr__(cls, '__repr__', global_flag_repr)
    else:
        type.__setattr__(cls, '__repr__', global_enum_repr)
    if not issubclass(cls, ReprEnum) or update_str:
        type.__setattr__(cls, '__str__', global_str)
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Class decorator turning a plain class into an enumeration of
    `etype` (what CPython's own modules use).  Here it replays the class
    body through the ordinary class creation; use_args is ignored."""
    def convert_class(cls):
        metacls = type(etype)
        bases = (etype,)
        namespace = metacls.__prepare__(cls.__name__, bases)
        for name, obj in cls.__dict__.items():
            if name in ('__dict__', '__weakref__'):
                continue
            namespace[name] = obj
        if cls.__dict__.get('__doc__') is None:
            namespace['__doc__'] = 'An enumeration.'
        return metacls.__new__(metacls, cls.__name__, bases, namespace,
                               boundary=boundary)
    return convert_class


class EnumCheck(StrEnum):
    """The conditions verify() can check."""
    CONTINUOUS = 'no skipped integer values'
    NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
    UNIQUE = 'one name per value'


CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """Class decorator checking an enumeration against EnumCheck conditions."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        cls_name = enumeration.__name__
        if Flag is not None and issubclass(enumeration, Flag):
            enum_type = 'flag'
        elif issubclass(enumeration, Enum):
            enum_type = 'enum'
        else:
            raise TypeError("the 'verify' decorator only works with Enum and Flag")
        for check in self.checks:
            if check is UNIQUE:
                duplicates = [(name, m.name)
                              for name, m in enumeration.__members__.items()
                              if name != m.name]
                if duplicates:
                    details = ', '.join('%s -> %s' % pair for pair in duplicates)
                    raise ValueError('aliases found in %r: %s' % (enumeration, details))
            elif check is CONTINUOUS:
                values = set(m.value for m in enumeration)
                if len(values) < 2:
                    continue
                low, high = min(values), max(values)
                if enum_type == 'flag':
                    missing = [2 ** i for i in range(_high_bit(low) + 1, _high_bit(high))
                               if 2 ** i not in values]
                else:
                    missing = [i for i in range(low + 1, high) if i not in values]
                if missing:
                    message = 'invalid %s %r: missing values %s' % (
                        enum_type, cls_name, ', '.join(str(m) for m in missing))
                    raise ValueError(message[:256])
            elif check is NAMED_FLAGS:
                canonical = enumeration._member_names_
                canonical_values = [m.value for m in enumeration]
                missing_names = []
                missing_value = 0
                for name, alias in enumeration._member_map_.items():
                    if name in canonical or alias.value < 0:
                        continue
                    missed = [v for v in _iter_bits_lsb(alias.value)
                              if v not in canonical_values]
                    if missed:
                        missing_names.append(name)
                        missing_value |= _reduce(_or_, missed)
                if missing_names:
                    if len(missing_names) == 1:
                        alias_text = 'alias %s is missing' % missing_names[0]
                    else:
                        alias_text = 'aliases %s and %s are missing' % (
                            ', '.join(missing_names[:-1]), missing_names[-1])
                    if _is_single_bit(missing_value):
                        value_text = 'value 0x%x' % missing_value
                    else:
                        value_text = 'combined values of 0x%x' % missing_value
                    raise ValueError(
                        'invalid Flag %r: %s %s [use enum.show_flag_values(value) for details]'
                        % (cls_name, alias_text, value_text))
        return enumeration
