/**
 * `string`, `operator`, `abc`, `contextlib` and `io`: Python code compiled at import (in the page, in the interpreter's
 * on-demand chunk, bundler/lazy.ts). `smallModuleSource(name)` gives a module's source; modules/index.ts
 * registers the names.
 *
 * string: the constants, capwords and Template (substitute, safe_substitute, is_valid and get_identifiers with
 * python3's placeholders and errors, a template that is no str refused as python3's re does; a subclass's
 * delimiter is used, its idpattern, braceidpattern, flags or pattern is not); no Formatter.
 * operator: the getters' reprs and errors as python3's; the function forms are Python functions, so their
 * repr is `<function add at 0x…>` (python3: `<built-in function add>`) and a wrong argument count gives a
 * Python function's TypeError text.
 * abc: ABCMeta is a metaclass whose __call__ refuses a class with abstract methods (python3 checks in
 * object.__new__, so a class that defines its own __new__ without calling object's is refused here too);
 * __abstractmethods__ is the frozenset python3 keeps. register(), a virtual subclass's isinstance and
 * issubclass, and a class's __subclasshook__ (asked first, as python3's) are supported; no caches, no
 * _abc_registry.
 * contextlib: contextmanager (also as a decorator), ContextDecorator, suppress, closing, nullcontext,
 * AbstractContextManager, redirect_stdout/redirect_stderr and ExitStack (enter_context, callback, push,
 * pop_all, close; callbacks last-in first-out, each seeing the exception in flight, and an exception one
 * raises becomes the next one's context as in python3), with python3's "generator didn't yield" /
 * "generator didn't stop" errors. No async managers, no chdir. Its frames show in tracebacks as python3's
 * do, named `contextlib` (python3: the path of contextlib.py) and at this code's line numbers.
 * io: StringIO (read/readline/readlines/iteration, write/writelines, getvalue, seek/tell/truncate, close
 * and the with statement, python3's errors), a Python class shown as `_io.StringIO`, and SEEK_SET/SEEK_CUR/
 * SEEK_END; the newline argument is accepted and ignored (no translation of "\r\n"). No BytesIO, no files
 * (open() has none).
 */

export function smallModuleSource(name: string): string {
  return name === "string" ? STRING_PY : name === "operator" ? OPERATOR_PY : name === "abc" ? ABC_PY : name === "io" ? IO_PY : CONTEXTLIB_PY;
}

const STRING_PY = `
whitespace = " \\t\\n\\r\\x0b\\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = ascii_lowercase.upper()
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdefABCDEF"
octdigits = "01234567"
punctuation = "!\\"#$%&'()*+,-./:;<=>?@[\\\\]^_\`{|}~"
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    words = [w.capitalize() for w in s.split(sep)]
    return (" " if sep is None else sep).join(words)


_idstart = "_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_idchars = _idstart + "0123456789"
_nokw = {}


def _mapping(mapping, kws):
    if mapping is _nokw:
        return kws
    if kws:
        from collections import ChainMap
        return ChainMap(kws, mapping)
    return mapping


class Template:
    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _scan(self, named, invalid):
        # the text with each placeholder replaced by named(name, text), a bad one by invalid(index)
        t = self.template
        if not isinstance(t, str):
            # python3's Template scans with a str regular expression
            raise TypeError("cannot use a string pattern on a bytes-like object" if isinstance(t, (bytes, bytearray)) else "expected string or bytes-like object, got %r" % type(t).__name__)
        d = self.delimiter
        out = []
        i = 0
        while (j := t.find(d, i)) >= 0:
            out.append(t[i:j])
            i = j + len(d)
            if t[i:i + len(d)] == d:
                out.append(d)
                i += len(d)
                continue
            b = t[i:i + 1] == "{"
            e = s = i + b
            if s < len(t) and t[s] in _idstart:
                while e < len(t) and t[e] in _idchars:
                    e += 1
            if e > s and (not b or t[e:e + 1] == "}"):
                out.append(named(t[s:e], t[j:e + b]))
                i = e + b
            else:
                out.append(invalid(i))
        return "".join(out) + t[i:]

    def substitute(self, mapping=_nokw, /, **kws):
        mapping = _mapping(mapping, kws)

        def invalid(i):
            lines = self.template[:i].splitlines(keepends=True)
            col = i - len("".join(lines[:-1])) if lines else 1
            raise ValueError("Invalid placeholder in string: line %d, col %d" % (len(lines) or 1, col))

        return self._scan(lambda name, text: str(mapping[name]), invalid)

    def safe_substitute(self, mapping=_nokw, /, **kws):
        mapping = _mapping(mapping, kws)

        def named(name, text):
            try:
                return str(mapping[name])
            except KeyError:
                return text

        return self._scan(named, lambda i: self.delimiter)

    def is_valid(self):
        bad = []
        self._scan(lambda name, text: "", lambda i: bad.append(i) or "")
        return not bad

    def get_identifiers(self):
        ids = []
        self._scan(lambda name, text: "" if name in ids else ids.append(name) or "", lambda i: "")
        return ids
`;

const OPERATOR_PY = `
class itemgetter:
    __slots__ = ("_items",)

    def __init__(self, *items):
        if not items:
            raise TypeError("itemgetter expected 1 argument, got 0")
        self._items = items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple([obj[i] for i in self._items])

    def __repr__(self):
        return "operator.itemgetter(%s)" % ", ".join([repr(i) for i in self._items])


class attrgetter:
    __slots__ = ("_names",)

    def __init__(self, *names):
        if not names:
            raise TypeError("attrgetter expected 1 argument, got 0")
        for n in names:
            if not isinstance(n, str):
                raise TypeError("attribute name must be a string")
        self._names = names

    def _get(self, obj, name):
        for part in name.split("."):
            obj = getattr(obj, part)
        return obj

    def __call__(self, obj):
        if len(self._names) == 1:
            return self._get(obj, self._names[0])
        return tuple([self._get(obj, n) for n in self._names])

    def __repr__(self):
        return "operator.attrgetter(%s)" % ", ".join([repr(n) for n in self._names])


class methodcaller:
    __slots__ = ("_name", "_args", "_kwargs")

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError("methodcaller needs at least one argument, the method name")
        if not isinstance(args[0], str):
            raise TypeError("method name must be a string")
        self._name = args[0]
        self._args = args[1:]
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        shown = [repr(self._name)] + [repr(a) for a in self._args]
        shown += ["%s=%r" % kv for kv in self._kwargs.items()]
        return "operator.methodcaller(%s)" % ", ".join(shown)


def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def truediv(a, b): return a / b
def floordiv(a, b): return a // b
def mod(a, b): return a % b
def pow(a, b): return a ** b
def matmul(a, b): return a @ b
def lshift(a, b): return a << b
def rshift(a, b): return a >> b
def and_(a, b): return a & b
def or_(a, b): return a | b
def xor(a, b): return a ^ b
def neg(a): return -a
def pos(a): return +a
def inv(a): return ~a
invert = inv
def eq(a, b): return a == b
def ne(a, b): return a != b
def lt(a, b): return a < b
def le(a, b): return a <= b
def gt(a, b): return a > b
def ge(a, b): return a >= b
def not_(a): return not a
def truth(a): return True if a else False
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def getitem(a, b): return a[b]
def contains(a, b): return b in a


def setitem(a, b, c):
    a[b] = c


def delitem(a, b):
    del a[b]


def concat(a, b):
    if not hasattr(a, "__getitem__"):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)
    return a + b


def index(a):
    if not hasattr(type(a), "__index__"):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(a).__name__)
    return type(a).__index__(a)


def countOf(a, b):
    return sum(1 for x in a if x is b or x == b)


def length_hint(obj, default=0, /):
    if not isinstance(default, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(default).__name__)
    if not -(1 << 63) <= default < 1 << 63:
        raise OverflowError("Python int too large to convert to C ssize_t")
    try:
        return len(obj)
    except TypeError:
        pass
    hint = getattr(type(obj), "__length_hint__", None)
    if hint is None:
        return int(default)
    try:
        v = hint(obj)
    except TypeError:
        return default
    if v is NotImplemented:
        return default
    if not isinstance(v, int):
        raise TypeError("__length_hint__ must be an integer, not %s" % type(v).__name__)
    if not -(1 << 63) <= v < 1 << 63:
        raise OverflowError("Python int too large to convert to C ssize_t")
    if v < 0:
        raise ValueError("__length_hint__() should return >= 0")
    return int(v)


def indexOf(a, b):
    for i, x in enumerate(a):
        if x is b or x == b:
            return i
    raise ValueError("sequence.index(x): x not in sequence")


abs = abs
def iadd(a, b):
    a += b
    return a
def isub(a, b):
    a -= b
    return a
def imul(a, b):
    a *= b
    return a
def iconcat(a, b):
    if not hasattr(a, "__getitem__"):
        raise TypeError("'%s' object can't be concatenated" % type(a).__name__)
    a += b
    return a
`;

const ABC_PY = `
def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(v):
    if getattr(v, "__isabstractmethod__", False):
        return True
    if isinstance(v, property):
        return any(_is_abstract(f) for f in (v.fget, v.fset, v.fdel) if f is not None)
    if isinstance(v, (staticmethod, classmethod)):
        return _is_abstract(v.__func__)
    return False


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        found = {n for n, v in namespace.items() if _is_abstract(v)}
        for base in bases:
            for n in getattr(base, "__abstractmethods__", ()):
                for k in cls.__mro__:
                    if n in k.__dict__:
                        if _is_abstract(k.__dict__[n]):
                            found.add(n)
                        break
        cls.__abstractmethods__ = frozenset(found)
        cls._abc_virtual = []
        return cls

    def __call__(cls, *args, **kwargs):
        names = cls.__abstractmethods__
        if names:
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(sorted(names))))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        # kept by each ABC the class is under, so that its bases answer for it too (python3 asks the
        # subclasses of each base, and type.__subclasses__ here lists a class under its first base only)
        for k in cls.__mro__:
            if isinstance(k, ABCMeta):
                k._abc_virtual.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            return bool(ok)
        if cls in subclass.__mro__:
            return True
        for k in cls._abc_virtual:
            if issubclass(subclass, k):
                return True
        for k in cls.__subclasses__():
            if issubclass(subclass, k):
                return True
        return False


class ABC(metaclass=ABCMeta):
    __slots__ = ()


def get_cache_token():
    return 0
`;

const CONTEXTLIB_PY = `
class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator:
    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        _wrap(inner, func)
        return inner


def _wrap(w, f):
    for a in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(w, a, getattr(f, a))
        except AttributeError:
            pass
    w.__dict__.update(getattr(f, "__dict__", {}))
    w.__wrapped__ = f


class _GeneratorContextManager(ContextDecorator, AbstractContextManager):
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        self.__doc__ = getattr(func, "__doc__", None)

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                exc.__traceback__ = traceback
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            exc.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    _wrap(helper, func)
    return helper


class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class nullcontext(AbstractContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class _Redirect(AbstractContextManager):
    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        import sys
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        import sys
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_Redirect):
    _stream = "stdout"


class redirect_stderr(_Redirect):
    _stream = "stderr"


def _qualified(t):
    return "%s.%s" % (t.__module__, t.__qualname__)


class ExitStack(AbstractContextManager):
    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new = type(self)()
        new._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new

    def push(self, exit):
        try:
            method = type(exit).__exit__
        except AttributeError:
            self._exit_callbacks.append(exit)
        else:
            self._exit_callbacks.append(method.__get__(exit))
        return exit

    def enter_context(self, cm):
        t = type(cm)
        try:
            enter = t.__enter__
            exit = t.__exit__
        except AttributeError:
            raise TypeError("'%s' object does not support the context manager protocol" % _qualified(t)) from None
        result = enter(cm)
        self._exit_callbacks.append(exit.__get__(cm))
        return result

    def callback(self, callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def close(self):
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        received = exc_details[0] is not None
        exc = exc_details[1]
        # the exception the with statement is handling: a callback's exception has it at the end of its
        # context chain, where the exception of the callback before belongs (a chain that ends in None
        # is left as it is, as python3 leaves it)
        outer = exc
        suppressed = False
        pending = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed = True
                    pending = False
                    exc_details = (None, None, None)
                    exc = None
            except BaseException as new:
                link = new
                while True:
                    ctx = link.__context__
                    if ctx is None or ctx is exc:
                        break
                    if ctx is outer:
                        link.__context__ = exc
                        break
                    link = ctx
                exc_details = (type(new), new, new.__traceback__)
                exc = new
                pending = True
        if pending:
            ctx = exc.__context__
            try:
                raise exc
            finally:
                exc.__context__ = ctx
        return received and suppressed
`;

const IO_PY = `
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2


def _int(n, what="argument should be integer or None"):
    if n is None:
        return -1
    if not hasattr(type(n), "__index__"):
        raise TypeError("%s, not '%s'" % (what, type(n).__name__))
    return n.__index__()


class StringIO:
    __module__ = "_io"

    def __init__(self, initial_value="", newline="\\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._buf = initial_value
        self._pos = 0
        self.closed = False

    def _open(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")

    def getvalue(self):
        self._open()
        return self._buf

    def write(self, s):
        self._open()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        b, p = self._buf, self._pos
        if p > len(b):
            b += "\\0" * (p - len(b))
        self._buf = b[:p] + s + b[p + len(s):]
        self._pos = p + len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._open()
        size = _int(size)
        p = self._pos
        end = len(self._buf) if size < 0 else min(p + size, len(self._buf))
        self._pos = max(p, end)
        return self._buf[p:end]

    def readline(self, size=-1):
        self._open()
        size = _int(size)
        b, p = self._buf, self._pos
        end = b.find("\\n", p)
        end = len(b) if end < 0 else end + 1
        if 0 <= size < end - p:
            end = p + size
        self._pos = max(p, end)
        return b[p:end]

    def readlines(self, hint=-1):
        hint = _int(hint)
        out = []
        n = 0
        while line := self.readline():
            out.append(line)
            n += len(line)
            # python3 stops once the lines read exceed the hint (a line that ends on it is not the last)
            if 0 < hint < n:
                break
        return out

    def __iter__(self):
        self._open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._open()
        return self._pos

    def seek(self, pos, whence=0):
        self._open()
        pos = _int(pos, "an integer is required")
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%s, should be 0, 1 or 2)" % whence)
        if whence and pos:
            # (python3 says cur-relative for an end-relative seek too)
            raise OSError("Can't do nonzero cur-relative seeks")
        if pos < 0:
            raise ValueError("Negative seek position %d" % pos)
        self._pos = pos if whence == 0 else self._pos if whence == 1 else len(self._buf)
        return self._pos

    def truncate(self, size=None):
        self._open()
        size = self._pos if size is None else _int(size)
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._buf = self._buf[:size]
        return size

    def close(self):
        self.closed = True

    def flush(self):
        self._open()

    def readable(self):
        self._open()
        return True

    writable = seekable = readable

    def isatty(self):
        self._open()
        return False

    def __enter__(self):
        self._open()
        return self

    def __exit__(self, *exc):
        self.close()
`;
