"""typing: the runtime side of type hints (ftl's frozen module), after
CPython 3.11's typing.

Covers: Any; the special forms ClassVar, Final, Union, Optional, Literal,
Annotated, Concatenate, TypeGuard, TypeAlias, Self, Never, NoReturn,
LiteralString, Required, NotRequired, Unpack; the subscriptable aliases
List, Dict, Set, FrozenSet, Tuple, Type, Callable, DefaultDict,
OrderedDict, Counter, ChainMap, Deque, and those of collections.abc
(Iterable, Iterator, Generator, Sequence, Mapping, MutableMapping, ...),
ContextManager, Pattern, Match, with CPython's reprs ('typing.List[int]',
'typing.Optional[int]', 'typing.Union[int, str]', 'typing.Callable[[int],
str]', 'typing.Tuple[()]') and errors ("Too many arguments for
typing.List; actual 2, expected 1"); equality and hashing of aliases;
substitution of type variables (Dict[str, T][int]); TypeVar (bound,
constraints, variance; '~T', '+T', '-T'), ParamSpec (P.args, P.kwargs),
TypeVarTuple (minimal); Generic (Generic[T] as a base through
__class_getitem__ and __mro_entries__, __parameters__, __orig_bases__,
Box[int]() setting __orig_class__); Protocol with runtime_checkable and
the Supports* protocols; NamedTuple (class syntax and functional);
TypedDict (class syntax, total=, Required/NotRequired, functional);
ForwardRef; cast, assert_type, assert_never, reveal_type, overload
(get_overloads, clear_overloads), final, no_type_check,
no_type_check_decorator, dataclass_transform, get_type_hints (classes,
functions, modules; string annotations evaluated; include_extras),
get_origin, get_args, is_typeddict, NewType, TYPE_CHECKING = False, AnyStr,
Text, IO, TextIO, BinaryIO.

Left out: the caching of subscriptions (each subscription builds a new,
equal alias), the deprecated typing.io/typing.re pseudo-modules,
ParamSpec substitution in user generics beyond the plain case,
Unpack/TypeVarTuple substitution.

What this module needs from the interpreter: class annotations
(__annotations__) for NamedTuple, TypedDict, Protocol members and
get_type_hints; isinstance()/issubclass() calling __instancecheck__/
__subclasscheck__ of an alias or a metaclass (isinstance(x, List),
runtime_checkable protocols, Union checks, TypedDict's refusal); the
collections and collections.abc modules (collections.namedtuple for
NamedTuple; the abc classes as alias origins; stand-in classes named like
them are used while those modules are missing) and abc.ABCMeta for
Protocol; types.UnionType/GenericAlias (int | str, list[int]) where the
interpreter has them; assigning a class's __bases__ (recomputing its
__mro__) for generic NamedTuples; sys._getframe for the defining module
of TypeVar, NewType, NamedTuple and TypedDict (without it '__main__' is
assumed).
"""

import sys
import _thread

try:
    import collections as _collections
except ImportError:
    _collections = None
try:
    import collections.abc as _cabc
except ImportError:
    _cabc = None
try:
    import contextlib as _contextlib
except ImportError:
    _contextlib = None
try:
    from abc import ABCMeta as _ABCMeta, abstractmethod as _abstractmethod
except ImportError:
    _ABCMeta = type

    def _abstractmethod(funcobj):
        funcobj.__isabstractmethod__ = True
        return funcobj

__all__ = [
    # Super-special typing primitives.
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol',
    'Tuple', 'Type', 'TypeVar', 'TypeVarTuple', 'Union',
    # ABCs (from collections.abc).
    'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable',
    'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping',
    'MappingView', 'MutableMapping', 'MutableSequence', 'MutableSet',
    'Sequence', 'Sized', 'ValuesView', 'Awaitable', 'AsyncIterator',
    'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator',
    'AsyncContextManager',
    # Structural checks, a.k.a. protocols.
    'Reversible', 'SupportsAbs', 'SupportsBytes', 'SupportsComplex',
    'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound',
    # Concrete collection types.
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List',
    'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple', 'TypedDict',
    'Generator',
    # Other concrete types.
    'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO',
    # One-off things.
    'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin',
    'get_overloads', 'get_type_hints', 'is_typeddict', 'LiteralString',
    'Never', 'NewType', 'no_type_check', 'no_type_check_decorator',
    'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs',
    'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable',
    'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack',
]

TYPE_CHECKING = False

_NoneType = type(None)


def _types_attr(name):
    # an attribute of the types module, or None while it is missing
    try:
        import types
    except ImportError:
        return None
    return getattr(types, name, None)


_UnionType = _types_attr('UnionType')
_BuiltinGenericAlias = _types_attr('GenericAlias')


def _is_union_type(obj):
    return _UnionType is not None and isinstance(obj, _UnionType)


def _is_builtin_generic(obj):
    return _BuiltinGenericAlias is not None and isinstance(obj, _BuiltinGenericAlias)


def _caller(depth=1, default='__main__'):
    # the __name__ of the module `depth` frames above our caller
    getframe = getattr(sys, '_getframe', None)
    if getframe is None:
        return default
    try:
        return getframe(depth + 1).f_globals.get('__name__', default)
    except (AttributeError, ValueError):
        return default


def _is_dunder(attr):
    return attr.startswith('__') and attr.endswith('__')


# ---------------------------------------------------------- type helpers

def _type_repr(obj):
    """How a type shows inside an alias's repr: builtins by name, other
    classes as module.qualname, ... as '...', others by repr()."""
    if isinstance(obj, type) and not _is_builtin_generic(obj):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


def _type_convert(arg, module=None, *, allow_special_forms=False):
    # None means NoneType; a string is a forward reference
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg, module=module, is_class=allow_special_forms)
    return arg


def _type_check(arg, msg, is_argument=True, module=None, *, allow_special_forms=False):
    """Check that arg may stand as a type argument; msg starts the error."""
    invalid_generic_forms = (Generic, Protocol)
    if not allow_special_forms:
        invalid_generic_forms += (ClassVar,)
        if is_argument:
            invalid_generic_forms += (Final,)
    arg = _type_convert(arg, module=module, allow_special_forms=allow_special_forms)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in invalid_generic_forms:
        raise TypeError('%s is not valid as type argument' % (arg,))
    if any(arg is form for form in (Any, LiteralString, NoReturn, Never, Self, TypeAlias)):
        return arg
    if allow_special_forms and (arg is ClassVar or arg is Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg is Generic or arg is Protocol:
        raise TypeError('Plain %s is not valid as type argument' % (arg,))
    if type(arg) is tuple:
        raise TypeError('%s Got %s.' % (msg, repr(arg)[:100]))
    return arg


def _is_param_expr(arg):
    return (arg is ... or isinstance(arg, (tuple, list, ParamSpec,
                                           _ConcatenateGenericAlias)))


def _collect_parameters(args):
    """The type variables in args, in order of first appearance."""
    parameters = []
    for t in args:
        if isinstance(t, type):
            continue
        if isinstance(t, (tuple, list)):
            found = _collect_parameters(t)
        elif hasattr(t, '__typing_subst__'):
            found = (t,)
        else:
            found = getattr(t, '__parameters__', ())
        for x in found:
            if x not in parameters:
                parameters.append(x)
    return tuple(parameters)


def _check_generic(cls, parameters, elen):
    if not elen:
        raise TypeError('%s is not a generic class' % (cls,))
    alen = len(parameters)
    if alen != elen:
        raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                        % ('many' if alen > elen else 'few', cls, alen, elen))


def _deduplicate(params):
    # keep the first of equal items
    if len(params) < 2:
        return params
    unique = []
    for p in params:
        if p not in unique:
            unique.append(p)
    return unique


def _remove_dups_flatten(parameters):
    # Union[Union[a, b], c] is Union[a, b, c]; repeats go
    flat = []
    for p in parameters:
        if isinstance(p, _UnionGenericAlias) or _is_union_type(p):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    return tuple(_deduplicate(flat))


def _flatten_literal_params(parameters):
    flat = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    return tuple(flat)


def _value_and_type_iter(parameters):
    return ((p, type(p)) for p in parameters)


# ------------------------------------------------------------ _Final

class _Final:
    """Base of the typing classes that user code may not subclass."""

    def __init_subclass__(cls, /, *args, **kwds):
        if '_root' not in kwds:
            raise TypeError('Cannot subclass special typing classes')


class _Immutable:
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class _NotIterable:
    # aliases have __getitem__ but are not sequences
    __iter__ = None


# --------------------------------------------------------------- Any

class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """The type compatible with every type (typing.Any)."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls, *args, **kwargs)


# ------------------------------------------------------ special forms

class _SpecialForm(_Final, _Immutable, _root=True):
    """A name such as ClassVar or Union: subscripted through the function
    it decorates."""

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass %r' % (self,))

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate %r' % (self,))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError('%s cannot be used with isinstance()' % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError('%s cannot be used with issubclass()' % (self,))

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _LiteralSpecialForm(_SpecialForm, _root=True):
    def __getitem__(self, parameters):
        if not isinstance(parameters, tuple):
            parameters = (parameters,)
        return self._getitem(self, *parameters)


@_SpecialForm
def LiteralString(self, parameters):
    """Represents an arbitrary literal string."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def Never(self, parameters):
    """The bottom type, a type that has no members."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def NoReturn(self, parameters):
    """Special type indicating functions that never return."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def Self(self, parameters):
    """Used to spell the type of "self" in classes."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def TypeAlias(self, parameters):
    """Special form for marking type aliases."""
    raise TypeError('%s is not subscriptable' % (self,))


@_SpecialForm
def ClassVar(self, parameters):
    """Special type construct to mark class variables."""
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    return _GenericAlias(self, (item,))


@_SpecialForm
def Final(self, parameters):
    """Special typing construct to indicate final names to type checkers."""
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    return _GenericAlias(self, (item,))


@_SpecialForm
def Union(self, parameters):
    """Union type; Union[X, Y] means either X or Y."""
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = 'Union[arg, ...]: each arg must be a type.'
    parameters = tuple(_type_check(p, msg) for p in parameters)
    parameters = _remove_dups_flatten(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and _NoneType in parameters:
        return _UnionGenericAlias(self, parameters, name='Optional')
    return _UnionGenericAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is equivalent to Union[X, None]."""
    arg = _type_check(parameters, '%s requires a single type.' % (self,))
    return Union[arg, _NoneType]


@_LiteralSpecialForm
def Literal(self, *parameters):
    """Special typing form to define literal types (a.k.a. value types)."""
    parameters = _flatten_literal_params(parameters)
    pairs = _deduplicate(list(_value_and_type_iter(parameters)))
    parameters = tuple(p for p, _ in pairs)
    return _LiteralGenericAlias(self, parameters)


@_SpecialForm
def Concatenate(self, parameters):
    """Special form for annotating higher-order functions.

    Used with ParamSpec and Callable for a callable whose parameters are
    another callable's with some added in front."""
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not (parameters[-1] is ... or isinstance(parameters[-1], ParamSpec)):
        raise TypeError('The last parameter to Concatenate should be a '
                        'ParamSpec variable or ellipsis.')
    msg = 'Concatenate[arg, ...]: each arg must be a type.'
    parameters = tuple(_type_check(p, msg) for p in parameters[:-1]) + (parameters[-1],)
    return _ConcatenateGenericAlias(self, parameters)


@_SpecialForm
def TypeGuard(self, parameters):
    """Special typing construct for marking user-defined type guard functions."""
    item = _type_check(parameters, '%s accepts only single type.' % (self,))
    return _GenericAlias(self, (item,))


@_SpecialForm
def Required(self, parameters):
    """Special typing construct to mark a TypedDict key as required."""
    item = _type_check(parameters, '%s accepts only a single type.' % (self._name,))
    return _GenericAlias(self, (item,))


@_SpecialForm
def NotRequired(self, parameters):
    """Special typing construct to mark a TypedDict key as potentially missing."""
    item = _type_check(parameters, '%s accepts only a single type.' % (self._name,))
    return _GenericAlias(self, (item,))


@_SpecialForm
def Unpack(self, parameters):
    """Type unpack operator."""
    item = _type_check(parameters, '%s accepts only single type.' % (self._name,))
    return _UnpackGenericAlias(origin=self, args=(item,))


# ---------------------------------------------------------- ForwardRef

class ForwardRef(_Final, _root=True):
    """Internal wrapper to hold a forward reference."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        if arg[0] == '*':
            source = '(%s,)[0]' % arg   # a starred expression alone is not one
        else:
            source = arg
        try:
            code = compile(source, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError('Forward reference must be an expression -- got %r' % (arg,))
        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard):
        if self.__forward_arg__ in recursive_guard:
            return self
        if not self.__forward_evaluated__ or localns is not globalns:
            if globalns is None and localns is None:
                globalns = localns = {}
            elif globalns is None:
                globalns = localns
            elif localns is None:
                localns = globalns
            if self.__forward_module__ is not None:
                module = sys.modules.get(self.__forward_module__, None)
                globalns = getattr(module, '__dict__', globalns)
            value = _type_check(
                eval(self.__forward_code__, globalns, localns),
                'Forward references must evaluate to types.',
                is_argument=self.__forward_is_argument__,
                allow_special_forms=self.__forward_is_class__)
            self.__forward_value__ = _eval_type(
                value, globalns, localns, recursive_guard | {self.__forward_arg__})
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        if self.__forward_evaluated__ and other.__forward_evaluated__:
            return (self.__forward_arg__ == other.__forward_arg__
                    and self.__forward_value__ == other.__forward_value__)
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        if self.__forward_module__ is None:
            module_repr = ''
        else:
            module_repr = ', module=%r' % (self.__forward_module__,)
        return 'ForwardRef(%r%s)' % (self.__forward_arg__, module_repr)


# -------------------------------------------------------- type variables

class _BoundVarianceMixin:
    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def _setup_variance(self, bound, covariant, contravariant):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if bound:
            self.__bound__ = _type_check(bound, 'Bound must be a type.')
        else:
            self.__bound__ = None


class _PickleUsingNameMixin:
    def __reduce__(self):
        return self.__name__


class TypeVar(_Final, _Immutable, _BoundVarianceMixin, _PickleUsingNameMixin,
              _root=True):
    """A type variable: T = TypeVar('T'), with an optional bound= or
    constraints, covariant= or contravariant=."""

    def __init__(self, name, *constraints, bound=None,
                 covariant=False, contravariant=False):
        self.__name__ = name
        self._setup_variance(bound, covariant, contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if constraints and len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        msg = 'TypeVar(name, constraint, ...): constraints must be types.'
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        module = _caller()
        if module != 'typing':
            self.__module__ = module

    def __typing_subst__(self, arg):
        msg = 'Parameters to generic types must be types.'
        arg = _type_check(arg, msg, is_argument=True)
        if isinstance(arg, _GenericAlias) and arg.__origin__ is Unpack:
            raise TypeError('%s is not valid as type argument' % (arg,))
        return arg


class TypeVarTuple(_Final, _Immutable, _PickleUsingNameMixin, _root=True):
    """Type variable tuple (minimal: creation, repr, unpacking)."""

    def __init__(self, name):
        self.__name__ = name
        module = _caller()
        if module != 'typing':
            self.__module__ = module

    def __iter__(self):
        yield Unpack[self]

    def __repr__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        raise TypeError("Substitution of bare TypeVarTuple is not supported")


class ParamSpecArgs(_Final, _Immutable, _root=True):
    """The type of P.args for a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.args' % (self.__origin__.__name__,)

    def __eq__(self, other):
        if not isinstance(other, ParamSpecArgs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecArgs, self.__origin__.__name__))


class ParamSpecKwargs(_Final, _Immutable, _root=True):
    """The type of P.kwargs for a ParamSpec P."""

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return '%s.kwargs' % (self.__origin__.__name__,)

    def __eq__(self, other):
        if not isinstance(other, ParamSpecKwargs):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((ParamSpecKwargs, self.__origin__.__name__))


class ParamSpec(_Final, _Immutable, _BoundVarianceMixin, _PickleUsingNameMixin,
                _root=True):
    """Parameter specification variable: P = ParamSpec('P')."""

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self._setup_variance(bound, covariant, contravariant)
        module = _caller()
        if module != 'typing':
            self.__module__ = module

    def __typing_subst__(self, arg):
        if isinstance(arg, (list, tuple)):
            arg = tuple(_type_check(a, 'Expected a type.') for a in arg)
        elif not _is_param_expr(arg):
            raise TypeError('Expected a list of types, an ellipsis, '
                            'ParamSpec, or Concatenate. Got %s' % (arg,))
        return arg


# ------------------------------------------------------------- aliases

class _BaseGenericAlias(_Final, _root=True):
    """Common part of the subscriptable aliases: calling makes an
    instance of the origin, attributes come from the origin, and the
    alias stands for its origin (plus Generic) among a class's bases."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type %s cannot be instantiated; use %s() instead'
                            % (self._name, self.__origin__.__name__))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        entries = []
        if self.__origin__ not in bases:
            entries.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            entries.append(Generic)
        return tuple(entries)

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with'
                        ' class and instance checks')

    def __dir__(self):
        return list(set(object.__dir__(self)
                        + [attr for attr in dir(self.__origin__) if not _is_dunder(attr)]))


class _GenericAlias(_BaseGenericAlias, _root=True):
    """A subscripted generic: List[int], Box[T], ClassVar[int], ..."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if self.__origin__ is Generic or self.__origin__ is Protocol:
            raise TypeError('Cannot subscript already-subscripted %s' % (self,))
        if not self.__parameters__:
            raise TypeError('%s is not a generic class' % (self,))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        new_args = self._determine_new_args(args)
        return self.copy_with(new_args)

    def _determine_new_args(self, args):
        params = self.__parameters__
        if (len(params) == 1 and isinstance(params[0], ParamSpec)
                and not _is_param_expr(args[0] if len(args) == 1 else None)):
            args = (args,)   # P substituted by a bare list of types
        alen, plen = len(args), len(params)
        if alen != plen:
            raise TypeError('Too %s arguments for %s; actual %d, expected %d'
                            % ('many' if alen > plen else 'few', self, alen, plen))
        by_param = dict(zip(params, args))
        return tuple(self._substitute(old, by_param) for old in self.__args__)

    def _substitute(self, old, by_param):
        if isinstance(old, type):
            return old
        if isinstance(old, (tuple, list)):
            return type(old)(self._substitute(x, by_param) for x in old)
        subst = getattr(old, '__typing_subst__', None)
        if subst is not None:
            return subst(by_param[old])
        subparams = getattr(old, '__parameters__', ())
        if not subparams:
            return old
        return old[tuple(by_param[x] for x in subparams)]

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join(_type_repr(a) for a in self.__args__)
        else:
            args = '()'      # Tuple[()]
        return '%s[%s]' % (name, args)

    def __reduce__(self):
        import operator
        if self._name:
            origin = globals()[self._name]
        else:
            origin = self.__origin__
        args = tuple(self.__args__)
        if len(args) == 1 and not isinstance(args[0], tuple):
            args, = args
        return operator.getitem, (origin, args)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError('Cannot subclass %r' % (self,))
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)


class _SpecialGenericAlias(_NotIterable, _BaseGenericAlias, _root=True):
    """An unsubscripted alias of a generic class: List, Dict, Iterable, ..."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        if origin.__module__ == 'builtins':
            self.__doc__ = 'A generic version of %s.' % (origin.__qualname__,)
        else:
            self.__doc__ = 'A generic version of %s.%s.' % (origin.__module__,
                                                           origin.__qualname__)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = 'Parameters to generic types must be types.'
        params = tuple(_type_check(p, msg) for p in params)
        _check_generic(self, params, self._nparams)
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableGenericAlias(_NotIterable, _GenericAlias, _root=True):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _is_param_expr(args[0]):
            return super().__repr__()
        return 'typing.Callable[[%s], %s]' % (
            ', '.join(_type_repr(a) for a in args[:-1]), _type_repr(args[-1]))

    def __reduce__(self):
        import operator
        args = self.__args__
        if not (len(args) == 2 and _is_param_expr(args[0])):
            args = list(args[:-1]), args[-1]
        return operator.getitem, (Callable, args)


class _CallableType(_SpecialGenericAlias, _root=True):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as '
                            'Callable[[arg, ...], result].')
        args, result = params
        result = _type_check(result, 'Callable[args, result]: result must be a type.')
        if args is ...:
            return self.copy_with((..., result))
        if isinstance(args, list):
            args = tuple(args)
        elif not isinstance(args, tuple):
            args = (args,)
        if len(args) == 1 and isinstance(args[0], (ParamSpec, _ConcatenateGenericAlias)):
            return self.copy_with((args[0], result))
        args = tuple(_type_convert(a) for a in args)
        return self.copy_with(args + (result,))


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = 'Tuple[t, ...]: t must be a type.'
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with(params + (...,))
        msg = 'Tuple[t0, t1, ...]: each t must be a type.'
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _UnionGenericAlias(_NotIterable, _GenericAlias, _root=True):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not (isinstance(other, _UnionGenericAlias) or _is_union_type(other)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[1])
            if args[1] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[0])
        return super().__repr__()

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def __reduce__(self):
        func, (origin, args) = super().__reduce__()
        return func, (Union, args)


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return (set(_value_and_type_iter(self.__args__))
                == set(_value_and_type_iter(other.__args__)))

    def __hash__(self):
        return hash(frozenset(_value_and_type_iter(self.__args__)))


class _ConcatenateGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        if isinstance(params[-1], (list, tuple)):
            return (*params[:-1], *params[-1])
        if isinstance(params[-1], _ConcatenateGenericAlias):
            params = (*params[:-1], *params[-1].__args__)
        return super().copy_with(params)


class _UnpackGenericAlias(_GenericAlias, _root=True):
    def __repr__(self):
        return '*' + repr(self.__args__[0])

    def __getitem__(self, args):
        if self.__typing_is_unpacked_typevartuple__:
            return args
        return super().__getitem__(args)

    @property
    def __typing_is_unpacked_typevartuple__(self):
        return isinstance(self.__args__[0], TypeVarTuple)


class _AnnotatedAlias(_NotIterable, _GenericAlias, _root=True):
    """Annotated[T, x, ...]: T with metadata; nested ones flatten."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin)
        self.__metadata__ = metadata

    def copy_with(self, params):
        assert len(params) == 1
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (
            _type_repr(self.__origin__),
            ', '.join(repr(a) for a in self.__metadata__))

    def __reduce__(self):
        import operator
        return operator.getitem, (Annotated, (self.__origin__,) + self.__metadata__)

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return 'Annotated'
        return super().__getattr__(attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Annotated:
    """Add context-specific metadata to a type: Annotated[T, x]."""

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    @classmethod
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used '
                            'with at least two arguments (a type and an '
                            'annotation).')
        allow_special_forms = get_origin(params[0]) in (ClassVar, Final)
        msg = 'Annotated[t, ...]: t must be a type.'
        origin = _type_check(params[0], msg, allow_special_forms=allow_special_forms)
        metadata = tuple(params[1:])
        return _AnnotatedAlias(origin, metadata)

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError('Cannot subclass %s.Annotated' % (cls.__module__,))


# ------------------------------------------------------------- Generic

class Generic:
    """Base of generic classes: class Box(Generic[T]) makes Box[int]
    valid and records the type variables in Box.__parameters__."""
    _is_protocol = False

    @classmethod
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        if cls is Generic or cls is Protocol:
            if not params:
                raise TypeError('Parameter list to %s[...] cannot be empty'
                                % (cls.__qualname__,))
            if not all(isinstance(p, (TypeVar, ParamSpec, TypeVarTuple))
                       or (isinstance(p, _UnpackGenericAlias)
                           and p.__typing_is_unpacked_typevartuple__)
                       for p in params):
                raise TypeError('Parameters to %s[...] must all be type variables '
                                'or parameter specification variables.' % (cls.__name__,))
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique' % (cls.__name__,))
        else:
            parameters = cls.__dict__.get('__parameters__', getattr(cls, '__parameters__', ()))
            if (len(parameters) == 1 and isinstance(parameters[0], ParamSpec)
                    and not (len(params) == 1 and _is_param_expr(params[0]))):
                params = (params,)
            _check_generic(cls, params, len(parameters))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        if '__orig_bases__' in cls.__dict__:
            error = Generic in cls.__orig_bases__
        else:
            error = (Generic in cls.__bases__ and cls.__name__ != 'Protocol'
                     and type(cls) is not _TypedDictMeta)
        if error:
            raise TypeError('Cannot inherit from plain Generic')
        if '__orig_bases__' in cls.__dict__:
            tvars = _collect_parameters(cls.__orig_bases__)
            gvars = None
            for base in cls.__orig_bases__:
                if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                    if gvars is not None:
                        raise TypeError('Cannot inherit from Generic[...] multiple types.')
                    gvars = base.__parameters__
            if gvars is not None:
                tvarset = set(tvars)
                gvarset = set(gvars)
                if not tvarset <= gvarset:
                    s_vars = ', '.join(str(t) for t in tvars if t not in gvarset)
                    s_args = ', '.join(str(g) for g in gvars)
                    raise TypeError('Some type variables (%s) are not listed in Generic[%s]'
                                    % (s_vars, s_args))
                tvars = gvars
        cls.__parameters__ = tuple(tvars)


# ------------------------------------------------------------- Protocol

_TYPING_INTERNALS = ['__parameters__', '__orig_bases__', '__orig_class__',
                     '_is_protocol', '_is_runtime_protocol']

_SPECIAL_NAMES = ['__abstractmethods__', '__annotations__', '__dict__', '__doc__',
                  '__init__', '__module__', '__new__', '__slots__',
                  '__subclasshook__', '__weakref__', '__class_getitem__',
                  '__qualname__', '__firstlineno__', '__static_attributes__']

_PROTO_ALLOWLIST = {
    'collections.abc': [
        'Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable',
        'Hashable', 'Sized', 'Container', 'Collection', 'Reversible',
    ],
    'contextlib': ['AbstractContextManager', 'AbstractAsyncContextManager'],
}


def _get_protocol_attrs(cls):
    """The member names a protocol class declares (methods, attributes,
    annotated names) along its MRO, without typing's own."""
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if (not attr.startswith('_abc_') and attr not in _TYPING_INTERNALS
                    and attr not in _SPECIAL_NAMES and attr != '_MutableMapping__marker'):
                attrs.add(attr)
    return attrs


def _is_callable_members_only(cls):
    return all(callable(getattr(cls, attr, None)) for attr in _get_protocol_attrs(cls))


def _no_init_or_replace_init(self, *args, **kwargs):
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    # the first __init__ along the MRO that is not this one
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


def _allow_reckless_class_checks(depth=3):
    # abc and functools may probe any class
    return _caller(depth) in ('abc', 'functools')


class _ProtocolMeta(_ABCMeta):
    def __instancecheck__(cls, instance):
        if (getattr(cls, '_is_protocol', False)
                and not getattr(cls, '_is_runtime_protocol', False)
                and not _allow_reckless_class_checks(depth=2)):
            raise TypeError('Instance and class checks can only be used with'
                            ' @runtime_checkable protocols')
        if ((not getattr(cls, '_is_protocol', False) or _is_callable_members_only(cls))
                and issubclass(instance.__class__, cls)):
            return True
        if cls._is_protocol:
            if all(hasattr(instance, attr)
                   and (not callable(getattr(cls, attr, None))
                        or getattr(instance, attr) is not None)
                   for attr in _get_protocol_attrs(cls)):
                return True
        return super().__instancecheck__(instance)


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes (structural subtyping)."""
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)

        def _proto_hook(other):
            if not cls.__dict__.get('_is_protocol', False):
                return NotImplemented
            if not getattr(cls, '_is_runtime_protocol', False):
                if _allow_reckless_class_checks():
                    return NotImplemented
                raise TypeError('Instance and class checks can only be used with'
                                ' @runtime_checkable protocols')
            if not _is_callable_members_only(cls):
                if _allow_reckless_class_checks():
                    return NotImplemented
                raise TypeError("Protocols with non-method members"
                                " don't support issubclass()")
            if not isinstance(other, type):
                raise TypeError('issubclass() arg 1 must be a class')
            for attr in _get_protocol_attrs(cls):
                for base in other.__mro__:
                    if attr in base.__dict__:
                        if base.__dict__[attr] is None:
                            return NotImplemented
                        break
                    annotations = getattr(base, '__annotations__', {})
                    if (isinstance(annotations, dict) and attr in annotations
                            and issubclass(other, Generic) and other._is_protocol):
                        break
                else:
                    return NotImplemented
            return True

        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _proto_hook

        if not cls._is_protocol:
            return
        for base in cls.__bases__:
            if not (base in (object, Generic)
                    or (base.__module__ in _PROTO_ALLOWLIST
                        and base.__name__ in _PROTO_ALLOWLIST[base.__module__])
                    or (issubclass(base, Generic) and base._is_protocol)):
                raise TypeError('Protocols can only inherit from other'
                                ' protocols, got %r' % base)
        if cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol (for isinstance())."""
    if not issubclass(cls, Generic) or not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


# -------------------------------------------------- the simple functions

def cast(typ, val):
    """Cast a value to a type: returns the value unchanged."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm val's type; returns val."""
    return val


_ASSERT_NEVER_REPR_MAX_LENGTH = 100


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > _ASSERT_NEVER_REPR_MAX_LENGTH:
        value = value[:_ASSERT_NEVER_REPR_MAX_LENGTH] + '...'
    raise AssertionError('Expected code to be unreachable, but got: %s' % value)


def reveal_type(obj, /):
    """Print the runtime type of obj on stderr and return it."""
    print('Runtime type is %r' % (type(obj).__name__,), file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    """Helper for @overload to raise when called."""
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


_overload_lock = _thread.allocate_lock()
_overload_registry = {}   # module -> qualname -> {key: function}


def _overload_key(f):
    code = getattr(f, '__code__', None)
    return getattr(code, 'co_firstlineno', None)


def overload(func):
    """Decorator for overloaded functions/methods: records func (see
    get_overloads) and returns a function that refuses to be called."""
    f = getattr(func, '__func__', func)
    try:
        module, qualname = f.__module__, f.__qualname__
    except AttributeError:
        return _overload_dummy
    key = _overload_key(f)
    with _overload_lock:
        by_name = _overload_registry.setdefault(module, {}).setdefault(qualname, {})
        if key is None:
            key = len(by_name)
        by_name[key] = func
    return _overload_dummy


def get_overloads(func):
    """The overloads recorded for func."""
    f = getattr(func, '__func__', func)
    with _overload_lock:
        by_name = _overload_registry.get(getattr(f, '__module__', None), {})
        return list(by_name.get(getattr(f, '__qualname__', None), {}).values())


def clear_overloads():
    """Forget every recorded overload."""
    with _overload_lock:
        _overload_registry.clear()


def final(f):
    """Decorator marking a method or class final (sets __final__)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator: the annotations are not type hints (sets
    __no_type_check__, also on a class's own methods)."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if (not hasattr(obj, '__qualname__')
                    or obj.__qualname__ != '%s.%s' % (arg.__qualname__, obj.__name__)
                    or getattr(obj, '__module__', None) != arg.__module__):
                continue
            if isinstance(obj, type):
                no_type_check(obj)
                continue
            target = getattr(obj, '__func__', obj)
            if callable(target):
                try:
                    target.__no_type_check__ = True
                except (AttributeError, TypeError):
                    pass
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    """Decorator giving another decorator the @no_type_check effect."""
    def wrapped_decorator(*args, **kwds):
        func = decorator(*args, **kwds)
        return no_type_check(func)
    try:
        import functools
        wrapped_decorator = functools.wraps(decorator)(wrapped_decorator)
    except Exception:
        pass
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, field_specifiers=(), **kwargs):
    """Decorator marking an object as providing dataclass-like behaviour."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            'eq_default': eq_default,
            'order_default': order_default,
            'kw_only_default': kw_only_default,
            'field_specifiers': field_specifiers,
            'kwargs': kwargs,
        }
        return cls_or_fn
    return decorator


# ------------------------------------------------- introspection helpers

def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    # evaluate the forward references inside t
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if isinstance(t, _GenericAlias) or _is_builtin_generic(t) or _is_union_type(t):
        if isinstance(t, _AnnotatedAlias):
            inner = _eval_type(t.__origin__, globalns, localns, recursive_guard)
            if inner is t.__origin__:
                return t
            return _AnnotatedAlias(inner, t.__metadata__)
        evaluated = tuple(_eval_type(a, globalns, localns, recursive_guard)
                          for a in t.__args__)
        if evaluated == t.__args__:
            return t
        if _is_builtin_generic(t):
            return _BuiltinGenericAlias(t.__origin__, evaluated)
        if _is_union_type(t):
            result = evaluated[0]
            for a in evaluated[1:]:
                result = result | a
            return result
        return t.copy_with(evaluated)
    return t


def _strip_annotations(t):
    # Annotated[T, ...] -> T; Required[T]/NotRequired[T] -> T, recursively
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if hasattr(t, '__origin__') and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, _GenericAlias):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        return t.copy_with(stripped)
    if _is_builtin_generic(t):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        return _BuiltinGenericAlias(t.__origin__, stripped)
    if _is_union_type(t):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        result = stripped[0]
        for a in stripped[1:]:
            result = result | a
        return result
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The type hints of a module, class, method or function, with string
    annotations evaluated (None meaning NoneType); Annotated, Required and
    NotRequired are stripped unless include_extras."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__, None), '__dict__', {})
            else:
                base_globals = globalns
            annotations = base.__dict__.get('__annotations__', {})
            if not isinstance(annotations, dict):
                annotations = {}
            base_locals = dict(base.__dict__) if localns is None else localns
            if localns is None and globalns is None:
                # names of the class body shadow the module's
                base_globals, base_locals = base_locals, base_globals
            for name, value in annotations.items():
                if value is None:
                    value = _NoneType
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                hints[name] = _eval_type(value, base_globals, base_locals)
        if include_extras:
            return hints
        return {k: _strip_annotations(t) for k, t in hints.items()}

    is_module = type(obj) is type(sys)
    if globalns is None:
        if is_module:
            globalns = obj.__dict__
        else:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', None)
            if globalns is None:
                module = sys.modules.get(getattr(nsobj, '__module__', None), None)
                globalns = getattr(module, '__dict__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if is_module or callable(obj):
            return {}
        raise TypeError('%r is not a module, class, method, or function.' % (obj,))
    hints = dict(hints)
    for name, value in hints.items():
        if value is None:
            value = _NoneType
        if isinstance(value, str):
            value = ForwardRef(value, is_argument=not is_module, is_class=False)
        hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}


def get_origin(tp):
    """The unsubscripted version of a type: get_origin(List[int]) is list,
    get_origin(Union[int, str]) is Union, get_origin(int) is None."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if _is_builtin_generic(tp):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if _is_union_type(tp):
        return _UnionType
    return None


def get_args(tp):
    """The type arguments: get_args(Dict[int, str]) == (int, str),
    get_args(Callable[[], T]) == ([], T)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias) or _is_builtin_generic(tp):
        res = tp.__args__
        if (tp.__origin__ is _CALLABLE_ORIGIN
                and not (len(res) == 2 and _is_param_expr(res[0]))):
            res = (list(res[:-1]), res[-1])
        return res
    if _is_union_type(tp):
        return tp.__args__
    return ()


def is_typeddict(tp):
    """Whether tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)


# -------------------------------------------------------------- NewType

def _idfunc(_, x):
    return x


class NewType:
    """A distinct name for a type, for type checkers: at run time
    UserId = NewType('UserId', int) returns its argument when called."""

    __call__ = _idfunc

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller()
        if module != 'typing':
            self.__module__ = module

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError('Cannot subclass an instance of NewType. Perhaps '
                                'you were looking for: `%s = NewType(%r, %s)`'
                                % (subclass_name, subclass_name, superclass_name))

        return (Dummy,)

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# ----------------------------------------------------- alias definitions

def _stand_in(module, name):
    # a class standing for module.name while that module is missing
    return type(name, (), {'__module__': module, '__qualname__': name})


def _abc(name):
    if _cabc is not None and hasattr(_cabc, name):
        return getattr(_cabc, name)
    return _stand_in('collections.abc', name)


def _coll(name):
    if _collections is not None and hasattr(_collections, name):
        return getattr(_collections, name)
    return _stand_in('collections', name)


def _ctx(name):
    if _contextlib is not None and hasattr(_contextlib, name):
        return getattr(_contextlib, name)
    return _stand_in('contextlib', name)


def _re(name):
    stdlib_re = sys.modules.get('re')
    if stdlib_re is None:
        try:
            import re as stdlib_re
        except ImportError:
            stdlib_re = None
    if stdlib_re is not None and hasattr(stdlib_re, name):
        return getattr(stdlib_re, name)
    return _stand_in('re', name)


_alias = _SpecialGenericAlias
_CALLABLE_ORIGIN = _abc('Callable')

Hashable = _alias(_abc('Hashable'), 0)
Awaitable = _alias(_abc('Awaitable'), 1)
Coroutine = _alias(_abc('Coroutine'), 3)
AsyncIterable = _alias(_abc('AsyncIterable'), 1)
AsyncIterator = _alias(_abc('AsyncIterator'), 1)
Iterable = _alias(_abc('Iterable'), 1)
Iterator = _alias(_abc('Iterator'), 1)
Reversible = _alias(_abc('Reversible'), 1)
Sized = _alias(_abc('Sized'), 0)
Container = _alias(_abc('Container'), 1)
Collection = _alias(_abc('Collection'), 1)
Callable = _CallableType(_CALLABLE_ORIGIN, 2)
Callable.__doc__ = """Callable[[arg, ...], result]: a callable taking those arguments and
    returning result (Callable[..., result] for any arguments)."""
AbstractSet = _alias(_abc('Set'), 1, name='AbstractSet')
MutableSet = _alias(_abc('MutableSet'), 1)
Mapping = _alias(_abc('Mapping'), 2)
MutableMapping = _alias(_abc('MutableMapping'), 2)
Sequence = _alias(_abc('Sequence'), 1)
MutableSequence = _alias(_abc('MutableSequence'), 1)
ByteString = _alias(_abc('ByteString'), 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _alias(list, 1, inst=False, name='List')
Deque = _alias(_coll('deque'), 1, name='Deque')
Set = _alias(set, 1, inst=False, name='Set')
FrozenSet = _alias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _alias(_abc('MappingView'), 1)
KeysView = _alias(_abc('KeysView'), 1)
ItemsView = _alias(_abc('ItemsView'), 2)
ValuesView = _alias(_abc('ValuesView'), 1)
ContextManager = _alias(_ctx('AbstractContextManager'), 1, name='ContextManager')
AsyncContextManager = _alias(_ctx('AbstractAsyncContextManager'), 1,
                             name='AsyncContextManager')
Dict = _alias(dict, 2, inst=False, name='Dict')
DefaultDict = _alias(_coll('defaultdict'), 2, name='DefaultDict')
OrderedDict = _alias(_coll('OrderedDict'), 2)
Counter = _alias(_coll('Counter'), 1)
ChainMap = _alias(_coll('ChainMap'), 2)
Generator = _alias(_abc('Generator'), 3)
AsyncGenerator = _alias(_abc('AsyncGenerator'), 2)
Type = _alias(type, 1, inst=False, name='Type')
Pattern = _alias(_re('Pattern'), 1)
Match = _alias(_re('Match'), 1)

# Various type variables
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
AnyStr = TypeVar('AnyStr', bytes, str)
for _tv in (T, KT, VT, T_co, V_co, VT_co, T_contra, CT_co, AnyStr):
    _tv.__module__ = 'typing'
del _tv

Text = str


# ------------------------------------------------------ Supports* protocols

@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""

    @_abstractmethod
    def __int__(self):
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""

    @_abstractmethod
    def __float__(self):
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""

    @_abstractmethod
    def __complex__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""

    @_abstractmethod
    def __bytes__(self):
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""

    @_abstractmethod
    def __index__(self):
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """An ABC with one abstract method __abs__ that is covariant in its return type."""

    @_abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """An ABC with one abstract method __round__ that is covariant in its return type."""

    @_abstractmethod
    def __round__(self, ndigits=0):
        pass


# ------------------------------------------------------------ NamedTuple

_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults', '_make', '_replace',
                         '_asdict', '_source'})

_special = frozenset({'__module__', '__name__', '__annotations__'})


def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    types = {n: _type_check(t, 'field %s annotation must be a type' % n)
             for n, t in types}
    if _collections is None or not hasattr(_collections, 'namedtuple'):
        raise NotImplementedError('typing.NamedTuple needs collections.namedtuple, '
                                  'which this ftl build lacks')
    nm_tpl = _collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = types
    try:
        nm_tpl.__new__.__annotations__ = types
    except (AttributeError, TypeError):
        pass
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        assert _NamedTuple in bases
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        bases = tuple(tuple if base is _NamedTuple else base for base in bases)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError('Non-default namedtuple field %s cannot follow '
                                'default field%s %s'
                                % (field_name, 's' if len(default_names) > 1 else '',
                                   ', '.join(default_names)))
        nm_tpl = _make_nmtuple(typename, types.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        if nm_tpl.__bases__ != bases:
            nm_tpl.__bases__ = bases
        if Generic in bases:
            nm_tpl.__class_getitem__ = Generic.__dict__['__class_getitem__']
        for key in ns:
            if key in _prohibited:
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        if Generic in bases:
            nm_tpl.__init_subclass__()
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """A namedtuple with field types, by class syntax (annotated fields,
    defaults, methods) or as NamedTuple('Name', [('field', type), ...])."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError('Either list of fields or keywords'
                        ' can be provided to NamedTuple, not both')
    return _make_nmtuple(typename, fields, module=_caller())


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    assert NamedTuple in bases
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# ------------------------------------------------------------- TypedDict

class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        """Build a TypedDict class: a dict subclass recording its keys'
        types and which keys are required."""
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        if any(issubclass(b, Generic) for b in bases):
            generic_base = (Generic,)
        else:
            generic_base = ()
        tp_dict = type.__new__(_TypedDictMeta, name, generic_base + (dict,), ns)

        annotations = {}
        own_annotations = ns.get('__annotations__', {})
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own_annotations = {
            n: _type_check(tp, msg, module=tp_dict.__module__)
            for n, tp in own_annotations.items()
        }
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own_annotations)
        for key, key_type in own_annotations.items():
            origin = get_origin(key_type)
            if origin is Annotated:
                args = get_args(key_type)
                if args:
                    key_type = args[0]
                    origin = get_origin(key_type)
            if origin is Required:
                is_required = True
            elif origin is NotRequired:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(key)
                optional_keys.discard(key)
            else:
                optional_keys.add(key)
                required_keys.discard(key)

        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        # a TypedDict "instance" is a plain dict
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict type with given keys and value types, by class syntax or as
    TypedDict('Name', {'key': type, ...}); calling it makes a plain dict."""
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError('TypedDict takes either a dict or keyword arguments,'
                        ' but not both')
    ns = {'__annotations__': dict(fields)}
    module = _caller()
    if module is not None:
        ns['__module__'] = module
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


# --------------------------------------------------------------- IO names

class IO(Generic[AnyStr]):
    """Generic base class for TextIO and BinaryIO (names only: the
    methods are abstract)."""

    __slots__ = ()

    @property
    @_abstractmethod
    def mode(self):
        pass

    @property
    @_abstractmethod
    def name(self):
        pass

    @_abstractmethod
    def close(self):
        pass

    @property
    @_abstractmethod
    def closed(self):
        pass

    @_abstractmethod
    def fileno(self):
        pass

    @_abstractmethod
    def flush(self):
        pass

    @_abstractmethod
    def isatty(self):
        pass

    @_abstractmethod
    def read(self, n=-1):
        pass

    @_abstractmethod
    def readable(self):
        pass

    @_abstractmethod
    def readline(self, limit=-1):
        pass

    @_abstractmethod
    def readlines(self, hint=-1):
        pass

    @_abstractmethod
    def seek(self, offset, whence=0):
        pass

    @_abstractmethod
    def seekable(self):
        pass

    @_abstractmethod
    def tell(self):
        pass

    @_abstractmethod
    def truncate(self, size=None):
        pass

    @_abstractmethod
    def writable(self):
        pass

    @_abstractmethod
    def write(self, s):
        pass

    @_abstractmethod
    def writelines(self, lines):
        pass

    @_abstractmethod
    def __enter__(self):
        pass

    @_abstractmethod
    def __exit__(self, type, value, traceback):
        pass


class BinaryIO(IO[bytes]):
    """The type of a binary file object."""

    __slots__ = ()

    @_abstractmethod
    def write(self, s):
        pass

    @_abstractmethod
    def __enter__(self):
        pass


class TextIO(IO[str]):
    """The type of a text file object."""

    __slots__ = ()

    @property
    @_abstractmethod
    def buffer(self):
        pass

    @property
    @_abstractmethod
    def encoding(self):
        pass

    @property
    @_abstractmethod
    def errors(self):
        pass

    @property
    @_abstractmethod
    def line_buffering(self):
        pass

    @property
    @_abstractmethod
    def newlines(self):
        pass

    @_abstractmethod
    def __enter__(self):
        pass
