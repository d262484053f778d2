/**
 * Type hints: the `types` module's GenericAlias (`list[int]`) and UnionType (`int | None`), and the
 * `typing` module (List, Dict, Optional, Union, Any, Callable, TypeVar, Generic, NamedTuple…), all Python
 * code compiled at their import (in the page, bundled in the interpreter's on-demand chunk). `list[int]`,
 * `int | str` and a class whose bases hold such objects (`__mro_entries__`) import `types` as they run.
 *
 * What programs print follows python3 (reprs, equality, the errors of isinstance() and of calls); the
 * objects are plain Python instances, so their sizes and type names differ from CPython's C types
 * (types.GenericAlias is a Python class here), and typing's ABC aliases (Iterable, Sequence…) have
 * stand-ins of collections.abc's classes that check the methods an object's type has (Sequence and
 * Mapping: the builtin sequences and dict, and their subclasses).
 */
import type { Obj } from "../vm/heap-api.js";
import { Kind, type KwArgs, type NativeFn } from "../vm/types.js";
import * as L from "../vm/layouts.js";
import type { VM } from "../vm/vm.js";

/** A function of the `types` module called with args (a new reference). */
function typesCall(vm: VM, name: string, args: Obj[]): Obj {
  const m = vm.importModule("types");
  const f = vm.getAttr(m, name);
  vm.decref(m);
  try {
    return vm.call(f, args);
  } finally {
    vm.decref(f);
  }
}

/** `C[k]` of a class without __class_getitem__: list[int]… (types.GenericAlias), else the TypeError. */
export function typeSubscript(vm: VM, c: Obj, k: Obj): Obj {
  return typesCall(vm, "_subscript", [c, k]);
}

/** `a | b` where a or b is a class and neither operand's method took it: a types.UnionType, or 0. */
export function typeOr(vm: VM, a: Obj, b: Obj): Obj {
  const r = typesCall(vm, "_or", [a, b]);
  if (r !== vm.NotImplemented) return r;
  vm.decref(r);
  return 0;
}

/** `__build_class__` with a base that is no class: the bases each one's __mro_entries__(bases) gives. */
export function classWithEntries(vm: VM, args: Obj[], kw: KwArgs | null): Obj {
  const orig = vm.h.newTuple(args.slice(2));
  const bases: Obj[] = [];
  try {
    for (const b of args.slice(2)) {
      const f = vm.kindOf(b) === Kind.TYPE ? 0 : vm.getAttrOrNull(b, "__mro_entries__");
      if (!f) {
        bases.push(vm.newRef(b));
        continue;
      }
      let r: Obj;
      try {
        r = vm.call(f, [orig]);
      } finally {
        vm.decref(f);
      }
      if (vm.kindOf(r) !== Kind.TUPLE) {
        vm.decref(r);
        vm.typeError("__mro_entries__ must return a tuple");
      }
      for (const x of vm.tupleItems(r)) bases.push(vm.newRef(x));
      vm.decref(r);
    }
    return vm.buildClass([args[0]!, args[1]!, ...bases], kw, orig);
  } finally {
    for (const b of bases) vm.decref(b);
    vm.decref(orig);
  }
}

export function typesSource(): string {
  return TYPES_PY;
}

/** The types module's natives: none, but importing it lets `types.MappingProxyType(d)` make a proxy of a
 *  dict (python3 takes any mapping but a list or tuple; a mapping that is no dict is a NotImplementedError). */
export function typesNatives(vm: VM): Record<string, NativeFn> {
  const h = vm.h;
  vm.ctors.set(vm.T.mappingproxy!, (_t, args, kw) => {
    const names = kw ? kw.names : [];
    const n = args.length + names.length;
    if (n > 1) vm.typeError(`mappingproxy() takes at most 1 ${args.length ? "" : "keyword "}argument (${n} given)`);
    const m = args.length ? args[0]! : names[0] === "mapping" ? kw!.values[0]! : 0;
    if (!m) vm.typeError("mappingproxy() missing required argument 'mapping' (pos 1)");
    const k = vm.kindOf(m);
    if (k !== Kind.DICT) {
      if (k === Kind.LIST || k === Kind.TUPLE || !vm.lookupType(vm.typeInfo(m), "__getitem__")) vm.typeError(`mappingproxy() argument must be a mapping, not ${vm.typeName(m)}`);
      vm.raise("NotImplementedError", `mappingproxy() of a '${vm.typeName(m)}' (a mapping that is not a dict) is not supported`);
    }
    const p = h.newObject(vm.T.mappingproxy!);
    h.setSlot(p, L.NATIVE_A, m);
    return p;
  });
  return {};
}

export function typingSource(): string {
  return TYPING_PY;
}

const TYPES_PY = `
FunctionType = LambdaType = type(lambda: None)
BuiltinFunctionType = BuiltinMethodType = type(len)
MethodType = type((lambda: None).__get__(0))
ModuleType = type(__import__("builtins"))
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)


def _gen():
    yield


GeneratorType = type(_gen())
CodeType = type(_gen.__code__)
del _gen


def _tb():
    try:
        raise TypeError
    except TypeError as e:
        return e.__traceback__


TracebackType = type(_tb())
FrameType = type(_tb().tb_frame)
del _tb
MappingProxyType = type(type.__dict__)
CellType = type((lambda x: lambda: x)(0).__closure__[0])
MethodDescriptorType = type(str.join)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)


class SimpleNamespace:
    def __init__(self, mapping=(), /, **kwargs):
        self.__dict__.update(mapping, **kwargs)

    def __repr__(self):
        return "%s(%s)" % ("namespace" if type(self) is SimpleNamespace else type(self).__name__,
                           ", ".join("%s=%r" % kv for kv in self.__dict__.items()))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


def _item_repr(x):
    if x is ...:
        return "..."
    if type(x) is GenericAlias:
        return repr(x)
    if type(x) is list:
        return "[" + ", ".join(map(_item_repr, x)) + "]"
    try:
        q = x.__qualname__
        m = x.__module__
    except AttributeError:
        return repr(x)
    return q if m == "builtins" else "%s.%s" % (m, q)


def _params(args):
    out = []
    for a in args:
        if hasattr(type(a), "__typing_subst__"):
            found = (a,)
        elif type(a) is list:
            found = _params(a)
        else:
            found = getattr(a, "__parameters__", ())
            if type(found) is not tuple:
                found = ()
        for p in found:
            if p not in out:
                out.append(p)
    return tuple(out)


def _unionable(x):
    return x is None or isinstance(x, (type, GenericAlias, UnionType))


_EXCEPTIONS = frozenset(("__origin__", "__args__", "__parameters__", "__class__", "__mro_entries__",
                         "__reduce__", "__copy__", "__deepcopy__"))


class GenericAlias:
    __slots__ = ("__origin__", "__args__", "__parameters__")

    def __init__(self, origin, args, /):
        if type(args) is not tuple:
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _params(args)

    def __repr__(self):
        if not self.__args__:
            return _item_repr(self.__origin__) + "[()]"
        return "%s[%s]" % (_item_repr(self.__origin__), ", ".join(map(_item_repr, self.__args__)))

    def __getattr__(self, name):
        if name in _EXCEPTIONS:
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if type(other) is not GenericAlias:
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __call__(self, *args, **kwargs):
        obj = self.__origin__(*args, **kwargs)
        try:
            obj.__orig_class__ = self
        except Exception:
            pass
        return obj

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __getitem__(self, items):
        return GenericAlias(self.__origin__, _subst(self, items))

    def __or__(self, other):
        return _or(self, other)

    def __ror__(self, other):
        return _or(other, self)


def _args_eq(a, b, kinds):
    if not isinstance(b, kinds):
        return NotImplemented
    return set(a.__args__) == set(b.__args__)


def _args_hash(self):
    return hash(frozenset(self.__args__))


def _subst(alias, items):
    params = alias.__parameters__
    if not params:
        raise TypeError("%r is not a generic class" % (alias,))
    if type(items) is not tuple:
        items = (items,)
    if len(items) != len(params):
        raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                        % ("many" if len(items) > len(params) else "few", alias, len(items), len(params)))
    subst = dict(zip(params, items))

    def sub(a):
        if a in params:
            return subst[a]
        if type(a) is list:
            return [sub(x) for x in a]
        ps = getattr(a, "__parameters__", ())
        if ps and type(ps) is tuple:
            return a[tuple(subst[p] for p in ps)]
        return a

    return tuple(sub(a) for a in alias.__args__)


class UnionType:
    __slots__ = ("__args__",)

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'types.UnionType' instances")

    def __repr__(self):
        return " | ".join(["None" if a is NoneType else _item_repr(a) for a in self.__args__])

    @property
    def __parameters__(self):
        return _params(self.__args__)

    def __eq__(self, other):
        return _args_eq(self, other, UnionType)

    __hash__ = _args_hash

    def _check(self, name):
        for a in self.__args__:
            if type(a) is GenericAlias:
                raise TypeError(name + "() argument 2 cannot be a parameterized generic")
        return self.__args__

    def __instancecheck__(self, obj):
        return isinstance(obj, self._check("isinstance"))

    def __subclasscheck__(self, cls):
        return issubclass(cls, self._check("issubclass"))

    def __or__(self, other):
        return _or(self, other)

    def __ror__(self, other):
        return _or(other, self)


_GENERIC = (list, dict, tuple, set, frozenset, type, enumerate, BaseExceptionGroup)


def _subscript(cls, key):
    if issubclass(cls, _GENERIC):
        return GenericAlias(cls, key)
    raise TypeError("type '%s' is not subscriptable" % cls.__name__)


def _or(a, b):
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in (a, b):
        for y in (x.__args__ if type(x) is UnionType else (x,)):
            if y is None:
                y = NoneType
            if y not in args:
                args.append(y)
    if len(args) == 1:
        return args[0]
    u = object.__new__(UnionType)
    u.__args__ = tuple(args)
    return u
`;

const TYPING_PY = `
import collections as _collections
import types as _types

TYPE_CHECKING = False
_NoneType = type(None)


def _type_repr(obj):
    if type(obj) is _types.GenericAlias:
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return "%s.%s" % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return "..."
    if isinstance(obj, _types.FunctionType):
        return obj.__name__
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _tuple(params):
    return params if type(params) is tuple else (params,)


class ForwardRef:
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __repr__(self):
        m = self.__forward_module__
        return "ForwardRef(%r%s)" % (self.__forward_arg__, "" if m is None else ", module=%r" % (m,))

    def __eq__(self, other):
        if type(other) is not ForwardRef:
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__ and self.__forward_module__ == other.__forward_module__

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))


class _Final:
    __slots__ = ()

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm(_Final):
    __slots__ = ("_name", "_getitem")

    def __init__(self, getitem, name):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate %r" % (self,))

    def __instancecheck__(self, obj):
        raise TypeError("%r cannot be used with isinstance()" % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError("%r cannot be used with issubclass()" % (self,))

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError("%r is not subscriptable" % (self,))
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls, *args, **kwargs)


def _plain(self, parameters):
    raise TypeError("%r is not subscriptable" % (self,))


def _one(self, parameters):
    p = _tuple(parameters)
    if len(p) != 1:
        raise TypeError("%s accepts only single type. Got %r." % (self, parameters))
    return _GenericAlias(self, (_type_check(p[0]),))


def _union(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    args = []
    for p in _tuple(parameters):
        p = _type_check(p)
        for q in (p.__args__ if isinstance(p, (_UnionGenericAlias, _types.UnionType)) else (p,)):
            if q not in args:
                args.append(q)
    if len(args) == 1:
        return args[0]
    return _UnionGenericAlias(self, tuple(args))


def _optional(self, parameters):
    return Union[_type_check(parameters), None]


def _literal(self, parameters):
    return _LiteralGenericAlias(self, _tuple(parameters))


NoReturn = _SpecialForm(None, "NoReturn")
Never = _SpecialForm(None, "Never")
Self = _SpecialForm(None, "Self")
LiteralString = _SpecialForm(None, "LiteralString")
TypeAlias = _SpecialForm(None, "TypeAlias")
ClassVar = _SpecialForm(_one, "ClassVar")
Final = _SpecialForm(_one, "Final")
Union = _SpecialForm(_union, "Union")
Optional = _SpecialForm(_optional, "Optional")
Literal = _SpecialForm(_literal, "Literal")


def _single(self, parameters):
    p = _tuple(parameters)
    if len(p) != 1:
        raise TypeError("%s accepts only a single type. Got %r." % (self._name, parameters))
    return _GenericAlias(self, (_type_check(p[0]),))


Required = _SpecialForm(_single, "Required")
NotRequired = _SpecialForm(_single, "NotRequired")


class _BaseGenericAlias(_Final):
    __slots__ = ("__origin__", "_name", "_inst", "__args__", "__parameters__")

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, self.__origin__.__name__.lower()))
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ("__origin__", "__args__", "_name", "_inst", "__parameters__"):
            raise AttributeError(attr)
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __eq__(self, other):
        # aliases of one kind (the same _key) compare by it
        if getattr(type(other), "_key", None) is not type(self)._key:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(self._key())


class _GenericAlias(_BaseGenericAlias):
    __slots__ = ()

    def __init__(self, origin, args, *, inst=True, name=None):
        self.__origin__ = origin
        self._name = name
        self._inst = inst
        self.__args__ = _tuple(args)
        self.__parameters__ = _types._params(self.__args__)

    def __mro_entries__(self, bases):
        if self._name:
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            for b in bases[bases.index(self) + 1:]:
                if isinstance(b, _BaseGenericAlias):
                    return ()
        return (self.__origin__,)

    def _key(self):
        return self.__origin__, self.__args__

    def _args_repr(self):
        if not self.__args__:
            return "()"
        return ", ".join(map(_type_repr, self.__args__))

    def __repr__(self):
        name = "typing." + self._name if self._name else _type_repr(self.__origin__)
        return "%s[%s]" % (name, self._args_repr())

    def __getitem__(self, args):
        return self.copy_with(_types._subst(self, args))

    def copy_with(self, args):
        return type(self)(self.__origin__, args, inst=self._inst, name=self._name)


class _CallableGenericAlias(_GenericAlias):
    __slots__ = ()

    def _args_repr(self):
        if len(self.__args__) == 2 and self.__args__[0] is ...:
            return "..., " + _type_repr(self.__args__[1])
        return "[%s], %s" % (", ".join(map(_type_repr, self.__args__[:-1])), _type_repr(self.__args__[-1]))


class _UnionGenericAlias(_GenericAlias):
    __slots__ = ()

    def __init__(self, origin, args, **kw):
        super().__init__(origin, args, inst=False)

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return "typing.Optional[%s]" % _type_repr(args[1])
            if args[1] is _NoneType:
                return "typing.Optional[%s]" % _type_repr(args[0])
        return "typing.Union[%s]" % ", ".join(map(_type_repr, args))

    def __eq__(self, other):
        return _types._args_eq(self, other, (_UnionGenericAlias, _types.UnionType))

    __hash__ = _types._args_hash

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, type) and issubclass(cls, a):
                return True
            if not isinstance(a, type):
                raise TypeError("Subscripted generics cannot be used with class and instance checks")
        return False

    def copy_with(self, args):
        return Union[args]


class _LiteralGenericAlias(_GenericAlias):
    __slots__ = ()

    def _args_repr(self):
        return ", ".join(map(repr, self.__args__))

    def __eq__(self, other):
        return _types._args_eq(self, other, _LiteralGenericAlias)

    __hash__ = _types._args_hash


class _SpecialGenericAlias(_BaseGenericAlias):
    __slots__ = ("_nparams",)

    def __init__(self, origin, nparams, *, inst=True, name=None):
        self.__origin__ = origin
        self._name = name or origin.__name__
        self._inst = inst
        self._nparams = nparams
        self.__parameters__ = ()

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        params = _tuple(params)
        n = self._nparams
        if self.__origin__ is tuple:
            if params == ():
                return _GenericAlias(tuple, (), name="Tuple", inst=False)
        elif self.__origin__ is _abc.Callable:
            if len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            if args is ...:
                return _CallableGenericAlias(self.__origin__, (..., _type_check(result)), name="Callable")
            if type(args) is not list:
                raise TypeError("Callable[args, result]: args must be a list. Got %s" % _type_repr(args))
            return _CallableGenericAlias(self.__origin__, tuple(map(_type_check, args)) + (_type_check(result),), name="Callable")
        elif len(params) != n:
            raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                            % ("many" if len(params) > n else "few", self, len(params), n))
        return _GenericAlias(self.__origin__, tuple(map(_type_check, params)), name=self._name, inst=self._inst)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def _key(self):
        return self.__origin__, self._nparams


class _AbcMeta(type):
    def __instancecheck__(cls, obj):
        if cls is _abc.Callable:
            return callable(obj)
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if cls in sub.__mro__:
            return True
        if cls._registered and issubclass(sub, cls._registered):
            return True
        if cls._methods is None:
            return False
        names = dir(sub)
        for name in cls._methods:
            if name not in names or getattr(sub, name) is None:
                return False
        return True


class _abc:
    pass


def _make_abc(name, methods, registered=()):
    cls = _AbcMeta(name, (), {"__module__": "collections.abc", "__qualname__": name,
                              "_methods": methods, "_registered": registered})
    setattr(_abc, name, cls)
    return cls


_make_abc("Hashable", ("__hash__",))
_make_abc("Sized", ("__len__",))
_make_abc("Container", ("__contains__",))
_make_abc("Iterable", ("__iter__",))
_make_abc("Iterator", ("__iter__", "__next__"))
_make_abc("Reversible", ("__reversed__", "__iter__"))
_make_abc("Collection", ("__len__", "__iter__", "__contains__"))
_make_abc("Callable", ("__call__",))
_make_abc("Generator", None, (_types.GeneratorType,))
_make_abc("Sequence", None, (tuple, str, range, list, bytes, bytearray))
_make_abc("MutableSequence", None, (list, bytearray))
_make_abc("Mapping", None, (dict,))
_make_abc("MutableMapping", None, (dict,))
_make_abc("Set", None, (set, frozenset))
_make_abc("MutableSet", None, (set,))


def _alias(origin, nparams, name=None, inst=True):
    return _SpecialGenericAlias(origin, nparams, name=name, inst=inst)


Hashable = _alias(_abc.Hashable, 0)
Sized = _alias(_abc.Sized, 0)
Container = _alias(_abc.Container, 1)
Iterable = _alias(_abc.Iterable, 1)
Iterator = _alias(_abc.Iterator, 1)
Reversible = _alias(_abc.Reversible, 1)
Collection = _alias(_abc.Collection, 1)
Callable = _alias(_abc.Callable, 2)
Generator = _alias(_abc.Generator, 3)
Sequence = _alias(_abc.Sequence, 1)
MutableSequence = _alias(_abc.MutableSequence, 1)
Mapping = _alias(_abc.Mapping, 2)
MutableMapping = _alias(_abc.MutableMapping, 2)
AbstractSet = _alias(_abc.Set, 1, "AbstractSet")
MutableSet = _alias(_abc.MutableSet, 1)
List = _alias(list, 1, "List", False)
Dict = _alias(dict, 2, "Dict", False)
Set = _alias(set, 1, "Set", False)
FrozenSet = _alias(frozenset, 1, "FrozenSet", False)
Tuple = _alias(tuple, -1, "Tuple", False)
Type = _alias(type, 1, "Type")


DefaultDict = _alias(_collections.defaultdict, 2, "DefaultDict")
OrderedDict = _alias(_collections.OrderedDict, 2)
Counter = _alias(_collections.Counter, 1)
Deque = _alias(_collections.deque, 1, "Deque")


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = _type_check(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        try:
            self.__module__ = _caller_module()
        except Exception:
            pass

    def __repr__(self):
        return ("+" if self.__covariant__ else "-" if self.__contravariant__ else "~") + self.__name__

    def __typing_subst__(self, arg):
        return arg


class Generic:
    __slots__ = ()

    def __class_getitem__(cls, params):
        params = tuple(_type_check(p) for p in _tuple(params))
        if cls is Generic:
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError("Parameters to Generic[...] must all be type variables or parameter specification variables.")
            if len(set(params)) != len(params):
                raise TypeError("Parameters to Generic[...] must all be unique")
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = ()
        for b in cls.__dict__.get("__orig_bases__", ()):
            if isinstance(b, _GenericAlias):
                tvars += tuple(p for p in b.__parameters__ if p not in tvars)
        cls.__parameters__ = tvars


class Protocol(Generic):
    __slots__ = ()


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def _new_args(t, f):
    if isinstance(t, (_GenericAlias, _types.GenericAlias, _types.UnionType)):
        args = tuple(map(f, t.__args__))
        if args != t.__args__:
            if isinstance(t, _GenericAlias):
                return t.copy_with(args)
            if isinstance(t, _types.GenericAlias):
                return _types.GenericAlias(t.__origin__, args)
            t = args[0]
            for a in args[1:]:
                t = t | a
    return t


def _strip_key_marks(t):
    if isinstance(t, _GenericAlias) and t.__origin__ in (Required, NotRequired):
        return _strip_key_marks(t.__args__[0])
    return _new_args(t, _strip_key_marks)


def _eval_hint(t, globalns, localns, seen=frozenset()):
    import sys as _sys
    if isinstance(t, ForwardRef):
        a = t.__forward_arg__
        if a in seen:
            return t
        m = t.__forward_module__
        if m is not None:
            globalns = getattr(_sys.modules.get(m), "__dict__", globalns)
        return _eval_hint(_type_check(eval(a, globalns, localns)), globalns, localns, seen | {a})
    if isinstance(t, _types.GenericAlias):
        args = tuple(ForwardRef(a) if isinstance(a, str) else a for a in t.__args__)
        if args != t.__args__:
            t = _types.GenericAlias(t.__origin__, args)
    return _new_args(t, lambda a: _eval_hint(a, globalns, localns, seen))


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    import sys as _sys
    t = _types
    if not isinstance(obj, type) and getattr(obj, "__annotations__", None) is None:
        if isinstance(obj, (t.FunctionType, t.BuiltinFunctionType, t.MethodType, t.ModuleType,
                            t.WrapperDescriptorType, t.MethodWrapperType, t.MethodDescriptorType)):
            return {}
        raise TypeError("%r is not a module, class, method, or function." % (obj,))
    hints = {}
    for k in reversed(obj.__mro__) if isinstance(obj, type) else (obj,):
        if globalns is not None:
            g = globalns
        elif isinstance(k, type):
            g = getattr(_sys.modules.get(k.__module__), "__dict__", {})
        else:
            g = getattr(k, "__globals__", getattr(k, "__dict__", {}))
        loc = (dict(vars(k)) if isinstance(k, type) else g) if localns is None else localns
        if isinstance(k, type) and globalns is None and localns is None:
            # as python3: a class's own names are the globals, its module's the locals (found first)
            g, loc = loc, g
        for name, value in (k.__dict__.get("__annotations__", {}) if isinstance(k, type) else getattr(k, "__annotations__", {})).items():
            value = _eval_hint(_type_check(value), g, loc)
            hints[name] = value if include_extras else _strip_key_marks(value)
    return hints


def get_origin(tp):
    if isinstance(tp, (_BaseGenericAlias, _types.GenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    return None


def get_args(tp):
    if isinstance(tp, (_GenericAlias, _types.GenericAlias)):
        res = tp.__args__
        if isinstance(tp, _CallableGenericAlias) and res[0] is not ...:
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, _types.UnionType):
        return tp.__args__
    return ()


_PROHIBITED = frozenset(("__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
                         "_make", "_replace", "_asdict", "_source"))
_SPECIAL = frozenset(("__module__", "__name__", "__annotations__", "__qualname__", "__orig_bases__"))


def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    nm_tpl = _collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = {n: _type_check(t) for n, t in types}
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        types = ns.get("__annotations__", {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (field_name, "s" if len(default_names) > 1 else "", ", ".join(default_names)))
        nm_tpl = _make_nmtuple(typename, types.items(), ns["__module__"], [ns[n] for n in default_names])
        for key in ns:
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _SPECIAL and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    return _make_nmtuple(typename, fields, _caller_module())


_NamedTuple = type.__new__(NamedTupleMeta, "NamedTuple", (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        if any(type(b) is not _TypedDictMeta for b in bases):
            raise TypeError("cannot inherit from both a TypedDict type and a non-TypedDict base class")
        td = type.__new__(_TypedDictMeta, name, (dict,), ns)
        hints = {}
        required = set()
        optional = set()
        for b in bases:
            own = b.__dict__
            hints.update(own.get("__annotations__", {}))
            required |= own.get("__required_keys__", frozenset())
            optional |= own.get("__optional_keys__", frozenset())
        for key, hint in ns.get("__annotations__", {}).items():
            hint = ForwardRef(hint, module=td.__module__) if isinstance(hint, str) else _type_check(hint)
            hints[key] = hint
            mark = hint.__origin__ if isinstance(hint, _GenericAlias) else None
            (required if (mark is Required or (mark is not NotRequired and total)) else optional).add(key)
        td.__annotations__ = hints
        td.__required_keys__ = frozenset(required)
        td.__optional_keys__ = frozenset(optional)
        if not hasattr(td, "__total__"):
            td.__total__ = total
        return td

    def __call__(cls, /, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError("TypedDict does not support instance and class checks")

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments, but not both")
    if kwargs:
        import warnings
        warnings.warn("The kwargs-based syntax for TypedDict definitions is deprecated in Python 3.11, will be "
                      "removed in Python 3.13, and may not be understood by third-party type checkers.",
                      DeprecationWarning, stacklevel=2)
    return _TypedDictMeta(typename, (), {"__annotations__": dict(fields), "__module__": _caller_module()}, total=total)


_TypedDict = type.__new__(_TypedDictMeta, "TypedDict", (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)
`;
