/**
 * The enum module's Python code (compiled at `import enum`; modules/course.ts hands it over, in the page
 * from the interpreter's on-demand chunk): EnumType (EnumMeta) as a metaclass, Enum, IntEnum, StrEnum,
 * ReprEnum, Flag, IntFlag, auto and unique, with python3's reprs (`<Color.RED: 1>`, `<enum 'Color'>`),
 * str() and format(), lookups by value and name and their errors ("7 is not a valid Color"), aliases,
 * iteration in definition order, members created through the mixed-in type (IntEnum members are ints), a
 * class's own __new__/__init__ (tuple values as arguments), _missing_ and _generate_next_value_, the
 * functional API (`Enum('Animal', 'ANT BEE')`), and `1 in Color`'s DeprecationWarning and TypeError. A class
 * body's auto() takes its value as it is assigned (EnumType.__prepare__'s namespace), so that the body can
 * combine members (`WHITE = RED | GREEN | BLUE`).
 * What differs: __members__ is a dict (pyheap has no mappingproxy), `name` and `value` are plain
 * properties (a member named `name` or `value` is not supported), _ignore_ is not provided, and the module's
 * frames are left out of a printed traceback (vm/exc-format.ts) where python3 shows enum.py's. Flag values
 * that are no member follow the class's boundary (FlagBoundary: STRICT for Flag, KEEP for IntFlag, CONFORM,
 * EJECT) as python3's: pseudo-members named after the members they hold and the bits left over
 * (`<Perm.R|8: 12>`), negative values taken as complements, ~ within the members' bits or keeping all.
 */
export const ENUM_PY = `
class auto:
    def __init__(self, value=None):
        self.value = value
        self._given = value is not None

    def __repr__(self):
        return "auto(%r)" % (self.value if self._given else _AUTO,)


class _Auto:
    def __repr__(self):
        return "_auto_null"


_AUTO = _Auto()


def _dunder(n):
    return len(n) > 4 and n[:2] == n[-2:] == "__" and n[2] != "_" and n[-3] != "_"


def _sunder(n):
    return len(n) > 2 and n[0] == n[-1] == "_" and n[1] != "_" and n[-2] != "_"


def _descriptor(o):
    return isinstance(o, type(_dunder)) or hasattr(o, "__get__") or hasattr(o, "__set__") or hasattr(o, "__delete__")


def _data_type(bases):
    for b in bases:
        for t in b.__mro__:
            if t is object:
                continue
            if isinstance(t, EnumType):
                if t._member_type_ is not object:
                    return t._member_type_
            elif t.__module__ == "builtins" or "__new__" in t.__dict__:
                return t
    return object


Enum = ReprEnum = _Flag = None


class _EnumDict(dict):
    # a class body's namespace: auto() takes its value as it is assigned, so that later lines of the body
    # see the int (WHITE = RED | GREEN | BLUE), as python3's
    def __init__(self, gen):
        super().__init__()
        self._gen = gen
        self._values = []
        self._auto = False

    def __setitem__(self, k, v):
        if k == "_generate_next_value_" and self._auto:
            raise TypeError("_generate_next_value_ must be defined before members")
        if not (_dunder(k) or _sunder(k) or _descriptor(v)):
            if isinstance(v, auto):
                self._auto = True
                gen = self.get("_generate_next_value_", self._gen)
                if not v._given:
                    v.value = (gen.__func__ if isinstance(gen, staticmethod) else gen)(k, 1, len(self._values), self._values[:])
                v = v.value
            self._values.append(v)
        dict.__setitem__(self, k, v)


class EnumType(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        gen = None
        for b in bases:
            gen = getattr(b, "_generate_next_value_", None)
            if gen is not None:
                break
        return _EnumDict(gen)

    def __new__(mcls, name, bases, ns, boundary=None, _simple=False, **kw):
        for b in bases:
            if isinstance(b, EnumType) and b._member_names_:
                raise TypeError("<enum %r> cannot extend %r" % (name, b))
        gen = ns.get("_generate_next_value_")
        if gen is None:
            for b in bases:
                gen = getattr(b, "_generate_next_value_", None)
                if gen is not None:
                    break
        elif isinstance(gen, staticmethod):
            gen = gen.__func__
        found = []
        values = []
        for k, v in list(ns.items()):
            if _dunder(k) or _sunder(k) or _descriptor(v):
                continue
            if isinstance(v, auto):
                if not v._given:
                    v.value = gen(k, 1, len(found), values[:])
                v = v.value
            found.append((k, v))
            values.append(v)
            del ns[k]
        new = ns.get("__new__")
        ns["_member_names_"] = []
        ns["_member_map_"] = {}
        ns["_value2member_map_"] = {}
        cls = super().__new__(mcls, name, bases, ns, **kw)
        data = cls._member_type_ = _data_type(bases)
        if boundary is not None:
            type.__setattr__(cls, "_boundary_", boundary)
        if Enum is not None:
            if new is None:
                new = getattr(cls, "_new_member_", None)
            else:
                type.__setattr__(cls, "_new_member_", new)
            type.__setattr__(cls, "__new__", Enum.__dict__["__new__"])
            # the enum's repr (and str/format but for a ReprEnum's, which are its data type's) over the mixed-in type's
            for n in ("__repr__", "__str__", "__format__"):
                if n not in ns:
                    if n == "__repr__" or ReprEnum is None or not issubclass(cls, ReprEnum):
                        f = getattr(bases[-1], n)
                    else:
                        f = (str.__str__ if data is str else data.__repr__) if n == "__str__" else data.__format__
                    type.__setattr__(cls, n, f)
        flag = _Flag is not None and issubclass(cls, _Flag)
        for k, v in found:
            args = v if isinstance(v, tuple) and data is not tuple else (v,)
            if new is not None:
                m = new(cls, *args)
            elif data is object:
                m = object.__new__(cls)
            else:
                m = data.__new__(cls, *args)
            if not hasattr(m, "_value_"):
                m._value_ = v if data is object else data(*args)
            v = m._value_
            try:
                m = cls._value2member_map_[v]
                alias = True
            except KeyError:
                alias = False
            except TypeError:
                alias = False
                for o in cls._member_map_.values():
                    if o._value_ == v:
                        m = o
                        alias = True
                        break
            if not alias:
                m._name_ = k
                m.__objclass__ = cls
                m.__init__(*args)
                if not flag or (isinstance(v, int) and v > 0 and v & (v - 1) == 0):
                    cls._member_names_.append(k)
                try:
                    cls._value2member_map_.setdefault(v, m)
                except TypeError:
                    pass
            cls._member_map_[k] = m
            type.__setattr__(cls, k, m)
        if flag:
            mask = singles = 0
            for m in cls._member_map_.values():
                v = m._value_
                mask |= v
                if v > 0 and v & (v - 1) == 0:
                    singles |= v
            type.__setattr__(cls, "_flag_mask_", mask)
            type.__setattr__(cls, "_singles_mask_", singles)
            type.__setattr__(cls, "_all_bits_", (1 << mask.bit_length()) - 1)
        return cls

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, dict):
            names = list(names.items())
        ns = {"__module__": module or "__main__", "__qualname__": qualname or value}
        last = []
        for i, n in enumerate(names):
            if isinstance(n, str):
                v = cls._generate_next_value_(n, start, i, last[:])
            else:
                n, v = n
            ns[n] = v
            last.append(v)
        bases = (cls,) if type is None else (type, cls)
        return cls.__class__(value, bases, ns)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            import warnings
            warnings.warn("in 3.12 __contains__ will no longer raise TypeError, but will return True or\\n"
                          "False depending on whether the value is a member or the value of a member", DeprecationWarning, stacklevel=2)
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, name):
        if name in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, name))
        super().__delattr__(name)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", ()):
            raise AttributeError("cannot reassign member %r" % name)
        super().__setattr__(name, value)

    def __dir__(cls):
        names = {"__class__", "__contains__", "__doc__", "__getitem__", "__init_subclass__", "__iter__", "__len__", "__members__", "__module__", "__name__", "__qualname__"}
        names.update(cls._member_names_)
        if cls._member_type_ is not object:
            names.update(dir(cls._member_type_))
        return sorted(names)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[n] for n in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[n] for n in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __repr__(cls):
        return ("<flag %r>" if _Flag is not None and issubclass(cls, _Flag) else "<enum %r>") % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        m = cls._missing_(value)
        if isinstance(m, cls) or isinstance(m, int) and getattr(cls, "_boundary_", None) is EJECT:
            return m
        if m is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError("error in %s._missing_: returned %r instead of None or a valid member" % (cls.__name__, m))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, spec):
        return str.__format__(str(self), spec)

    def __dir__(self):
        return sorted({"__class__", "__doc__", "__eq__", "__hash__", "__module__", "name", "value"} | {n for n in self.__class__.__dict__ if n[0] != "_" and n not in self._member_map_} | set(self.__dict__) - {"_name_", "_value_", "__objclass__"})

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class ReprEnum(Enum):
    pass


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class FlagBoundary(StrEnum):
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    _numeric_repr_ = repr
    _flag_mask_ = _singles_mask_ = _all_bits_ = 0

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        if not isinstance(high, int):
            raise TypeError("invalid flag value %r" % high) from None
        return 1 << high.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        mask, singles, every, edge = cls._flag_mask_, cls._singles_mask_, cls._all_bits_, cls._boundary_
        if value < ~every or value > every or value & (every ^ mask):
            if edge is STRICT:
                w = max(value.bit_length(), mask.bit_length())
                raise ValueError("%r invalid value %r\\n    given %s\\n  allowed %s" % (cls, value, _bits(value, w), _bits(mask, w)))
            if edge is CONFORM:
                value &= mask
            elif edge is EJECT:
                return value
            elif value < 0:
                value += max(every + 1, 1 << value.bit_length())
        negative = value
        if value < 0:
            value += every + 1
        m = object.__new__(cls) if cls._member_type_ is object else cls._member_type_.__new__(cls, value)
        m._value_ = value
        # the single-bit members it holds in definition order, then any other member all of whose bits it has
        held = [cls._member_map_[n] for n in cls._member_names_ if cls._member_map_[n]._value_ & value & singles]
        for o in cls._member_map_.values():
            if o not in held and o._value_ and o._value_ & value == o._value_ and value & ~singles:
                held.append(o)
        got = 0
        for o in held:
            got |= o._value_
        if not got:
            m._name_ = None
        else:
            m._name_ = "|".join([o._name_ for o in held])
            if value ^ got:
                if edge is STRICT:
                    raise ValueError("%r: no members with value %r" % (cls, value ^ got))
                m._name_ += "|" + cls._numeric_repr_(value ^ got)
        m = cls._value2member_map_.setdefault(value, m)
        cls._value2member_map_[negative] = m
        return m

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (self.__class__.__name__, self._value_)
        return Enum.__repr__(self)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return Enum.__str__(self)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return (m for m in self.__class__ if m._value_ & self._value_)

    def __len__(self):
        return bin(self._value_).count("1")

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other

    def __or__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else self.__class__(self._value_ | v)

    def __and__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else self.__class__(self._value_ & v)

    def __xor__(self, other):
        v = self._operand(other)
        return NotImplemented if v is None else self.__class__(self._value_ ^ v)

    def __invert__(self):
        if self._boundary_ is EJECT or self._boundary_ is KEEP:
            return self.__class__(~self._value_)
        return self.__class__(self._singles_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _bits(n, w):
    # enum.bin: a sign digit, then the bits (two's complement for a negative n) padded with the sign to w
    k = n.bit_length()
    sign = "1" if n < 0 else "0"
    d = format(n + (1 << k) if n < 0 else n, "b").zfill(k) if n else ""
    if len(d) < w:
        d = (sign * w + d)[-w:]
    return "0b%s %s" % (sign, d)


_Flag = Flag


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    __or__ = __ror__ = Flag.__or__
    __and__ = __rand__ = Flag.__and__
    __xor__ = __rxor__ = Flag.__xor__
    __invert__ = Flag.__invert__


def unique(enumeration):
    dup = ["%s -> %s" % (alias, m._name_) for alias, m in enumeration.__members__.items() if alias != m._name_]
    if dup:
        raise ValueError("duplicate values found in %r: %s" % (enumeration, ", ".join(dup)))
    return enumeration
`;
