/**
 * The pprint module's Python code (compiled at `import pprint`; modules/course.ts hands it over, in the page
 * from the interpreter's on-demand chunk): pprint, pformat, pp, saferepr, isreadable, isrecursive and
 * PrettyPrinter with indent, width, depth, compact, sort_dicts and underscore_numbers, breaking lines as
 * python3 does: a repr that fits in what is left of the width stays on one line, else a dict, list, tuple,
 * set, frozenset, str (cut after whitespace into adjacent literals), OrderedDict, defaultdict, Counter or
 * deque is laid out an item a line (or, with compact=True, as many as fit), with dicts sorted by key (mixed
 * keys that do not compare by type name and id) and python3's "<Recursion on list with id=…>".
 * What differs: bytes, bytearray, dataclasses, SimpleNamespace, ChainMap and the collections.User* classes
 * are printed by their repr, on one line; pprint() writes the text and its newline with one write() call.
 */
export const PPRINT_PY = `
import sys as _sys
import collections as _collections

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact, sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    return PrettyPrinter()._plain(object, {}, None, 0)[0]


def isreadable(object):
    return PrettyPrinter()._plain(object, {}, None, 0)[1]


def isrecursive(object):
    return PrettyPrinter()._plain(object, {}, None, 0)[2]


class _Key:
    # orders values that may not compare with each other: by type name and id where < fails
    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return (str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj))


def _item_key(kv):
    return (_Key(kv[0]), _Key(kv[1]))


def _recursion(o):
    return "<Recursion on %s with id=%s>" % (type(o).__name__, id(o))


def _words(line):
    # the line cut after each run of whitespace: each piece is non-space characters then spaces
    parts = []
    start = 0
    i = 0
    n = len(line)
    while i < n:
        while i < n and not line[i].isspace():
            i += 1
        while i < n and line[i].isspace():
            i += 1
        parts.append(line[start:i])
        start = i
    return parts


_SCALARS = (str, bytes, bytearray, float, complex, bool, type(None))


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream if stream is not None else _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        if self._stream is not None:
            self._stream.write(self.pformat(object) + "\\n")

    def pformat(self, object):
        out = []
        self._format(object, out, 0, 0, {}, 0)
        return "".join(out)

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        return self._plain(object, context, maxlevels, level)

    def _repr(self, object, context, level):
        text, readable, recursive = self.format(object, dict(context), self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return text

    def _plain(self, object, context, maxlevels, level):
        # (one-line repr, readable, recursive): dicts, lists and tuples item by item (sorted dicts,
        # the depth limit, recursion), everything else through repr()
        t = type(object)
        if t in _SCALARS:
            return repr(object), True, False
        r = getattr(t, "__repr__", None)
        if issubclass(t, int) and r is int.__repr__:
            return (format(object, "_d") if self._underscore_numbers else repr(object)), True, False
        if issubclass(t, dict) and r is dict.__repr__:
            if not object:
                return "{}", True, False
            shape = "{%s}"
            items = sorted(object.items(), key=_item_key) if self._sort_dicts else object.items()
            pairs = True
        elif (issubclass(t, list) and r is list.__repr__) or (issubclass(t, tuple) and r is tuple.__repr__):
            if not object:
                return ("[]" if issubclass(t, list) else "()"), True, False
            shape = "[%s]" if issubclass(t, list) else "(%s,)" if len(object) == 1 else "(%s)"
            items = object
            pairs = False
        else:
            text = repr(object)
            return text, bool(text) and not text.startswith("<"), False
        oid = id(object)
        if maxlevels and level >= maxlevels:
            return shape % "...", False, oid in context
        if oid in context:
            return _recursion(object), False, True
        context[oid] = 1
        readable = True
        recursive = False
        parts = []
        for it in items:
            texts = []
            for x in it if pairs else (it,):
                s, ok, rec = self.format(x, context, maxlevels, level + 1)
                texts.append(s)
                readable = readable and ok
                recursive = recursive or rec
            parts.append(": ".join(texts))
        del context[oid]
        return shape % ", ".join(parts), readable, recursive

    def _format(self, object, out, indent, allowance, context, level):
        oid = id(object)
        if oid in context:
            out.append(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        text = self._repr(object, context, level)
        if len(text) > self._width - indent - allowance:
            how = _LAYOUTS.get(type(object).__repr__)
            # (an empty set, str or collections type is printed as its repr; an empty dict, list or tuple
            # gets its brackets with the indent's spaces between them)
            if how is not None and (len(object) or how in _BRACKETS):
                context[oid] = 1
                how(self, object, out, indent, allowance, context, level + 1)
                del context[oid]
                return
        out.append(text)

    def _dict(self, object, out, indent, allowance, context, level):
        out.append("{" + " " * (self._indent_per_level - 1))
        if object:
            items = sorted(object.items(), key=_item_key) if self._sort_dicts else list(object.items())
            self._pairs(items, out, indent, allowance + 1, context, level)
        out.append("}")

    def _pairs(self, items, out, indent, allowance, context, level):
        indent += self._indent_per_level
        last = len(items) - 1
        for i, (k, v) in enumerate(items):
            key = self._repr(k, context, level)
            out.append(key + ": ")
            self._format(v, out, indent + len(key) + 2, allowance if i == last else 1, context, level)
            if i != last:
                out.append(",\\n" + " " * indent)

    def _list(self, object, out, indent, allowance, context, level):
        out.append("[")
        self._items(object, out, indent, allowance + 1, context, level)
        out.append("]")

    def _tuple(self, object, out, indent, allowance, context, level):
        end = ",)" if len(object) == 1 else ")"
        out.append("(")
        self._items(object, out, indent, allowance + len(end), context, level)
        out.append(end)

    def _set(self, object, out, indent, allowance, context, level):
        t = type(object)
        if t is set:
            out.append("{")
            end = "}"
        else:
            out.append(t.__name__ + "({")
            end = "})"
            indent += len(t.__name__) + 1
        self._items(sorted(object, key=_Key), out, indent, allowance + len(end), context, level)
        out.append(end)

    def _items(self, items, out, indent, allowance, context, level):
        # one item a line, or with compact=True as many as fit on each line
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            out.append(" " * (self._indent_per_level - 1))
        newline = ",\\n" + " " * indent
        sep = ""
        room = full = self._width - indent + 1
        items = list(items)
        for i, x in enumerate(items):
            last = i == len(items) - 1
            if last:
                full -= allowance
                room -= allowance
            if self._compact:
                text = self._repr(x, context, level)
                w = len(text) + 2
                if room < w:
                    room = full
                    if sep:
                        sep = newline
                if room >= w:
                    room -= w
                    out.append(sep + text)
                    sep = ", "
                    continue
            out.append(sep)
            sep = newline
            self._format(x, out, indent, allowance if last else 1, context, level)

    def _str(self, object, out, indent, allowance, context, level):
        # a long str as adjacent literals, cut at line ends and, for a line too long, after whitespace
        if level == 1:
            indent += 1
            allowance += 1
        width = self._width - indent
        lines = object.splitlines(True)
        chunks = []
        for i, line in enumerate(lines):
            final = i == len(lines) - 1
            text = repr(line)
            if len(text) <= width - (allowance if final else 0):
                chunks.append(text)
                continue
            words = _words(line)
            cur = ""
            for j, word in enumerate(words):
                limit = width - (allowance if final and j == len(words) - 1 else 0)
                if len(repr(cur + word)) > limit:
                    if cur:
                        chunks.append(repr(cur))
                    cur = word
                else:
                    cur += word
            if cur:
                chunks.append(repr(cur))
        if len(chunks) == 1:
            out.append(text)
            return
        out.append(("(" if level == 1 else "") + ("\\n" + " " * indent).join(chunks) + (")" if level == 1 else ""))

    def _default_dict(self, object, out, indent, allowance, context, level):
        name = type(object).__name__
        indent += len(name) + 1
        out.append("%s(%s,\\n%s" % (name, self._repr(object.default_factory, context, level), " " * indent))
        self._dict(object, out, indent, allowance + 1, context, level)
        out.append(")")

    def _counter(self, object, out, indent, allowance, context, level):
        name = type(object).__name__
        out.append(name + "({" + " " * (self._indent_per_level - 1))
        self._pairs(object.most_common(), out, indent + len(name) + 1, allowance + 2, context, level)
        out.append("})")

    def _ordered_dict(self, object, out, indent, allowance, context, level):
        name = type(object).__name__
        out.append(name + "(")
        self._format(list(object.items()), out, indent + len(name) + 1, allowance + 1, context, level)
        out.append(")")

    def _deque(self, object, out, indent, allowance, context, level):
        name = type(object).__name__
        indent += len(name) + 1
        out.append(name + "([")
        if object.maxlen is None:
            self._items(object, out, indent, allowance + 2, context, level)
            out.append("])")
        else:
            self._items(object, out, indent, 2, context, level)
            out.append("],\\n%smaxlen=%s)" % (" " * indent, self._repr(object.maxlen, context, level)))


_LAYOUTS = {
    dict.__repr__: PrettyPrinter._dict,
    list.__repr__: PrettyPrinter._list,
    tuple.__repr__: PrettyPrinter._tuple,
    set.__repr__: PrettyPrinter._set,
    frozenset.__repr__: PrettyPrinter._set,
    str.__repr__: PrettyPrinter._str,
    _collections.OrderedDict.__repr__: PrettyPrinter._ordered_dict,
    _collections.defaultdict.__repr__: PrettyPrinter._default_dict,
    _collections.Counter.__repr__: PrettyPrinter._counter,
    _collections.deque.__repr__: PrettyPrinter._deque,
}
_BRACKETS = (PrettyPrinter._dict, PrettyPrinter._list, PrettyPrinter._tuple)
`;
