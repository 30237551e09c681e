"""types: names for built-in types and helpers for making classes
(ftl's frozen module ``types``).

Covers CPython 3.11's names: the interpreter's types found from live
objects (FunctionType, LambdaType, CodeType, CellType, GeneratorType,
CoroutineType, AsyncGeneratorType, MethodType, BuiltinFunctionType,
BuiltinMethodType, WrapperDescriptorType, MethodWrapperType,
MethodDescriptorType, ClassMethodDescriptorType, ModuleType,
TracebackType, FrameType, GetSetDescriptorType, MemberDescriptorType,
UnionType, NoneType, NotImplementedType, EllipsisType), and, written here
in Python: SimpleNamespace (CPython's repr `namespace(a=1)` and equality),
MappingProxyType (a read-only view of a mapping, repr
`mappingproxy({...})`), GenericAlias (`list[int]`-style aliases: __origin__,
__args__, __parameters__, repr, equality, hashing, calling, subclassing
through __mro_entries__, substitution of parameters), DynamicClassAttribute,
new_class, prepare_class and resolve_bases.

Differences from CPython, for the next engineer:
* A type that ftl's objects do not show yet (no `function.__code__`, no
  `__closure__`, no `tb_frame`, no `async def`) is a
  placeholder class of CPython's name that cannot be instantiated and
  that no object is an instance of; it becomes the real type by itself
  once ftl has the object it is taken from.  Several of ftl's callables
  share one type (`builtin_function_or_method` is also the type of
  `object.__init__`, `str.join` and `object().__str__`), so
  WrapperDescriptorType, MethodWrapperType, MethodDescriptorType and
  BuiltinFunctionType may be the same class.
* SimpleNamespace and MappingProxyType are Python classes here (in CPython
  they are the types of `sys.implementation` and `type.__dict__`); ftl's
  `type.__dict__` is a plain dict.
* GenericAlias and UnionType are Python classes: the VM makes
  `list[int]` (and dict, tuple, set, frozenset, type, enumerate) with
  `GenericAlias(cls, item)` and `int | str` (two types, or a type and
  None) with `_union`; aliases and unions define `|` themselves.
  Attribute reads that the alias lacks go to its origin
  (`list[int].append`), but __module__ and __doc__ are the alias's own.
  A union cannot be subscripted to substitute its parameters.
* coroutine() is left out: ftl has no coroutines; calling it raises
  NotImplementedError.
* Constructing MethodType, ModuleType, FunctionType, CodeType objects is up
  to ftl's own types (which refuse it today: "cannot create 'method'
  instances").

Needs from ftl's language (written as natural code): descriptors'
__get__/__set__/__delete__ on user classes (DynamicClassAttribute),
`__slots__` (SimpleNamespace has none; MappingProxyType keeps its mapping
in a slot), and isinstance() calling __instancecheck__ of a non-class
second argument (GenericAlias refuses it with CPython's TypeError).
"""

import sys

__all__ = ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType',
           'SimpleNamespace', 'CellType', 'GeneratorType', 'CoroutineType',
           'AsyncGeneratorType', 'MethodType', 'BuiltinFunctionType',
           'BuiltinMethodType', 'WrapperDescriptorType', 'MethodWrapperType',
           'MethodDescriptorType', 'ClassMethodDescriptorType', 'ModuleType',
           'TracebackType', 'FrameType', 'GetSetDescriptorType',
           'MemberDescriptorType', 'new_class', 'resolve_bases',
           'prepare_class', 'DynamicClassAttribute', 'coroutine',
           'GenericAlias', 'UnionType', 'EllipsisType', 'NoneType',
           'NotImplementedType']


def _placeholder(name):
    """A stand-in for a type that ftl's objects do not show yet."""

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create '%s' instances: ftl has no such "
                        "objects yet" % name)

    return type(name, (), {'__new__': __new__, '__module__': 'builtins',
                           '__doc__': 'ftl has no %s objects yet.' % name})


def _type_of(make, name):
    """type(make()), or a placeholder named `name` where ftl cannot make
    the object yet."""
    try:
        return type(make())
    except (AttributeError, TypeError, IndexError, KeyError, NameError):
        return _placeholder(name)


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = _type_of(lambda: _f.__code__, 'code')


def _cell_maker():
    a = 1

    def f():
        return a
    return f.__closure__[0]


CellType = _type_of(_cell_maker, 'cell')


def _g():
    yield 1


GeneratorType = type(_g())


def _async_types():
    """(CoroutineType, AsyncGeneratorType), made from async functions
    compiled here so that this module still loads where `async def` is
    not compiled yet."""
    ns = {}
    try:
        exec("async def _c(): pass\n"
             "async def _ag(): yield\n", ns)
    except SyntaxError:
        return _placeholder('coroutine'), _placeholder('async_generator')
    coro = ns['_c']()
    coroutine_type = type(coro)
    coro.close()  # It is never run.
    return coroutine_type, type(ns['_ag']())


CoroutineType, AsyncGeneratorType = _async_types()


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)

WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = _type_of(lambda: dict.__dict__['fromkeys'],
                                     'classmethod_descriptor')

ModuleType = type(sys)


def _traceback():
    try:
        raise TypeError
    except TypeError as exc:
        return exc.__traceback__


TracebackType = type(_traceback())
FrameType = _type_of(lambda: _traceback().tb_frame, 'frame')

GetSetDescriptorType = _type_of(lambda: FunctionType.__code__,
                                'getset_descriptor')
MemberDescriptorType = _type_of(lambda: FunctionType.__globals__,
                                'member_descriptor')

NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(Ellipsis)

del _f, _g, _C, _cell_maker, _traceback


# --- SimpleNamespace -------------------------------------------------------

_repr_running = set()   # (id(obj), thread id) of reprs in progress


def _thread_ident():
    import _thread
    return _thread.get_ident()


class SimpleNamespace:
    """An object whose attributes are the keyword arguments it was made
    with: SimpleNamespace(**kwargs)."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = ("namespace" if type(self) is SimpleNamespace
                else type(self).__name__)
        key = (id(self), _thread_ident())
        if key in _repr_running:
            return name + "(...)"
        _repr_running.add(key)
        try:
            items = ["%s=%r" % (k, v) for k, v in self.__dict__.items()]
        finally:
            _repr_running.discard(key)
        return "%s(%s)" % (name, ", ".join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return (type(self), (), self.__dict__)


# --- MappingProxyType --------------------------------------------------------

class mappingproxy:
    """A read-only proxy of a mapping."""

    __module__ = 'builtins'
    __slots__ = ('_mapping',)

    def __new__(cls, mapping):
        if (not hasattr(mapping, 'keys') or not hasattr(mapping, '__getitem__')
                or isinstance(mapping, (list, tuple))):
            raise TypeError("mappingproxy() argument must be a mapping, not %s"
                            % type(mapping).__name__)
        self = object.__new__(cls)
        object.__setattr__(self, '_mapping', mapping)
        return self

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'mappingproxy' is not an acceptable base type")

    def __getitem__(self, key):
        return self._mapping[key]

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def get(self, key, default=None, /):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return "mappingproxy(%r)" % (self._mapping,)

    def __str__(self):
        return str(self._mapping)

    def __eq__(self, other):
        if isinstance(other, MappingProxyType):
            other = other._mapping
        return self._mapping == other

    def __ne__(self, other):
        if isinstance(other, MappingProxyType):
            other = other._mapping
        return self._mapping != other

    __hash__ = None

    def __or__(self, other):
        if isinstance(other, MappingProxyType):
            other = other._mapping
        if not isinstance(other, dict):
            return NotImplemented
        result = dict(self._mapping)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = dict(other)
        result.update(self._mapping)
        return result

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

    def __setattr__(self, name, value):
        raise AttributeError("'mappingproxy' object has no attribute '%s'" % name)

    def __delattr__(self, name):
        raise AttributeError("'mappingproxy' object has no attribute '%s'" % name)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'mappingproxy' object")

    def __class_getitem__(cls, item):
        return GenericAlias(cls, item)


MappingProxyType = mappingproxy
del mappingproxy


# --- GenericAlias --------------------------------------------------------------

def _alias_arg_repr(arg):
    """How an argument of a generic alias shows in its repr."""
    if arg is Ellipsis:
        return '...'
    if isinstance(arg, list):
        return '[' + ', '.join(_alias_arg_repr(a) for a in arg) + ']'
    if isinstance(arg, GenericAlias):
        return repr(arg)
    if hasattr(arg, '__origin__') and hasattr(arg, '__args__'):
        return repr(arg)
    if isinstance(arg, type):
        if arg.__module__ == 'builtins':
            return arg.__qualname__
        return '%s.%s' % (arg.__module__, arg.__qualname__)
    return repr(arg)


def _is_type_parameter(arg):
    # TypeVar, ParamSpec and TypeVarTuple have __typing_subst__ (typing).
    return not isinstance(arg, type) and hasattr(arg, '__typing_subst__')


def _collect_parameters(args):
    params = []
    for arg in args:
        if isinstance(arg, type):
            continue
        if _is_type_parameter(arg):
            if arg not in params:
                params.append(arg)
            continue
        for p in getattr(arg, '__parameters__', ()) or ():
            if p not in params:
                params.append(p)
    return tuple(params)


_ALIAS_OWN = frozenset({
    '__origin__', '__args__', '__parameters__', '__unpacked__',
    '__mro_entries__', '__reduce_ex__', '__reduce__', '__copy__',
    '__deepcopy__', '__typing_unpacked_tuple_args__',
})


class GenericAlias:
    """A parameterised generic such as list[int] (PEP 585): __origin__ is
    list, __args__ is (int,)."""

    def __init__(self, origin, args, /):
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, '__origin__', origin)
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _collect_parameters(args))
        object.__setattr__(self, '__unpacked__', False)

    def __getattr__(self, name):
        if name in _ALIAS_OWN:
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __repr__(self):
        origin = _alias_arg_repr(self.__origin__)
        if not self.__args__:
            return origin + '[()]'
        return '%s[%s]' % (origin, ', '.join(_alias_arg_repr(a)
                                             for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__
                and self.__unpacked__ == other.__unpacked__)

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __reduce__(self):
        return (GenericAlias, (self.__origin__, self.__args__))

    def __dir__(self):
        names = set(dir(self.__origin__))
        names.update(('__origin__', '__args__', '__parameters__',
                      '__unpacked__'))
        return sorted(names)

    def __getitem__(self, items):
        params = self.__parameters__
        if not params:
            raise TypeError("%r is not a generic class" % (self,))
        if not isinstance(items, tuple):
            items = (items,)
        if len(items) != len(params):
            raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                            % ("many" if len(items) > len(params) else "few",
                               self, len(items), len(params)))
        subst = dict(zip(params, items))
        new_args = []
        for arg in self.__args__:
            if isinstance(arg, type):
                new_args.append(arg)
            elif _is_type_parameter(arg):
                new_args.append(subst[arg])
            else:
                sub = getattr(arg, '__parameters__', ()) or ()
                if sub:
                    arg = arg[tuple(subst[p] for p in sub)]
                new_args.append(arg)
        return type(self)(self.__origin__, tuple(new_args))


    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


# --- UnionType -------------------------------------------------------------

def _unionable(arg):
    return (arg is None or isinstance(arg, (type, GenericAlias, UnionType))
            or type(arg).__module__ == 'typing')


def _union(left, right):
    """`left | right` for types, None, generic aliases and unions
    (CPython's `_Py_union_type_or`): NotImplemented for anything else."""
    if not (_unionable(left) and _unionable(right)):
        return NotImplemented
    if type(left).__module__ == 'typing' or type(right).__module__ == 'typing':
        # typing's special forms make typing.Union objects themselves.
        return NotImplemented
    args = []
    for side in (left, right):
        for arg in (side.__args__ if isinstance(side, UnionType) else (side,)):
            if arg is None:
                arg = type(None)
            if arg not in args:
                args.append(arg)
    if len(args) == 1:
        return args[0]
    union = object.__new__(UnionType)
    object.__setattr__(union, '__args__', tuple(args))
    object.__setattr__(union, '__parameters__', _collect_parameters(args))
    return union


class UnionType:
    """`int | str` (PEP 604): __args__ holds the members, deduplicated
    and flattened, None as NoneType; isinstance() and issubclass() accept
    it."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'types.UnionType' instances")

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __repr__(self):
        return ' | '.join('None' if a is type(None) else _alias_arg_repr(a)
                          for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError(
                    "isinstance() argument 2 cannot be a parameterized generic")
        return any(isinstance(obj, arg) for arg in self.__args__)

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if isinstance(arg, GenericAlias):
                raise TypeError(
                    "issubclass() argument 2 cannot be a parameterized generic")
        return any(issubclass(cls, arg) for arg in self.__args__)


# --- DynamicClassAttribute ------------------------------------------------

class DynamicClassAttribute:
    """A property for instances only: read through the class, it raises
    AttributeError, so that the class's metaclass __getattr__ can answer
    for the same name (enum's members use this)."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or getattr(fget, '__doc__', None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__',
                                                 False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        if self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


# --- Making classes ----------------------------------------------------------

def new_class(name, bases=(), kwds=None, exec_body=None):
    """Make class `name` as a class statement would: bases resolved
    through __mro_entries__, the metaclass chosen from kwds and the bases,
    the namespace from its __prepare__ filled by exec_body(ns)."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


def resolve_bases(bases):
    """bases with each non-class that has __mro_entries__ replaced by what
    that returns (PEP 560); bases itself when nothing changes."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        entries = base.__mro_entries__(bases)
        updated = True
        if not isinstance(entries, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = entries
        shift += len(entries) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def prepare_class(name, bases=(), kwds=None):
    """(metaclass, namespace, kwds) for making class `name`: the metaclass
    a class statement would use, the namespace its __prepare__ gives
    (a dict when it has none), and a copy of kwds without 'metaclass'."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    elif bases:
        meta = type(bases[0])
    else:
        meta = type
    if isinstance(meta, type):
        # An explicit metaclass that is a class gives way to a more derived
        # metaclass of one of the bases.
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def _calculate_meta(meta, bases):
    """The most derived metaclass among meta and the bases' metaclasses."""
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


def coroutine(func):
    """Would make a generator function usable as a coroutine; ftl has no
    coroutines yet, so it raises NotImplementedError."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    raise NotImplementedError("types.coroutine() is not supported by ftl: "
                              "it has no coroutines yet")
