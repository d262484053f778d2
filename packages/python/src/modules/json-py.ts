/**
 * The json module's Python code (compiled at `import json`; modules/course.ts hands it over, in the page
 * from the interpreter's on-demand chunk). dumps follows python3's C encoder (and its Python one with
 * `indent`): the same text for None/bool/int/float/str, lists and tuples, dicts with str/int/float/bool/None
 * keys (skipkeys, sort_keys), separators, ensure_ascii with surrogate pairs, default=, allow_nan and the
 * circular-reference check; loads follows its C scanner: the same values and the same JSONDecodeError
 * messages and positions ("Expecting value: line 1 column 1 (char 0)"), with object_hook,
 * object_pairs_hook, parse_float/parse_int/parse_constant and strict. dump/load take any object with
 * write/read (io.StringIO; dump writes the text as it is made, so a failing dump leaves python3's prefix).
 * JSONEncoder (default, encode, iterencode) and JSONDecoder (decode, raw_decode) are classes to subclass,
 * and cls= is theirs; a document nested past the recursion limit gives python3's RecursionError text
 * ("... while encoding a JSON object", "... while decoding a JSON array from a unicode string").
 * encode goes through iterencode and dump writes its chunks (python3's), so a subclass's iterencode is used
 * by both. What differs: iterencode makes all its chunks when the first is read; that RecursionError is
 * raised anew once the stack has unwound (past python3's Python encoder, 'while calling a Python object',
 * where python3 may name another C call); the module's frames are left out of a printed traceback
 * (vm/exc-format.ts) where python3 shows json/__init__.py's and decoder.py's; nesting takes about one level
 * of the recursion limit per container, as python3's C code does, but not at exactly the same depth.
 */
export const JSON_PY = `
class JSONDecodeError(ValueError):
    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\\n", 0, pos) + 1
        colno = pos - doc.rfind("\\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESC = {'"': '\\\\"', "\\\\": "\\\\\\\\", "\\n": "\\\\n", "\\r": "\\\\r", "\\t": "\\\\t", "\\b": "\\\\b", "\\f": "\\\\f"}


def _str(s, ascii):
    out = []
    for c in s:
        e = _ESC.get(c)
        if e is None:
            n = ord(c)
            if n >= 32 and (n < 127 or not ascii):
                e = c
            elif n > 0xFFFF:
                n -= 0x10000
                e = "\\\\u%04x\\\\u%04x" % (0xD800 | (n >> 10), 0xDC00 | (n & 0x3FF))
            else:
                e = "\\\\u%04x" % n
        out.append(e)
    return '"' + "".join(out) + '"'


def _float(o, allow_nan, named):
    if o != o:
        text = "NaN"
    elif o == float("inf"):
        text = "Infinity"
    elif o == -float("inf"):
        text = "-Infinity"
    else:
        return float.__repr__(o)
    if not allow_nan:
        # (python3's Python encoder, used with indent and by dump/iterencode, names the value; its C one does not)
        raise ValueError("Out of range float values are not JSON compliant" + (": " + repr(o) if named else ""))
    return text


class JSONEncoder:
    __module__ = "json.encoder"
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            return _str(o, self.ensure_ascii)
        # through iterencode, so that a subclass's iterencode is used, as python3's encode does
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return "".join(chunks)

    def iterencode(self, o, _one_shot=False):
        # one shot without indent is python3's C encoder (a list; an out-of-range float not named), else its
        # Python one: a generator of python3's chunks
        if _one_shot and self.indent is None:
            out = []
            self._emit(o, out.append, False)
            return out
        return self._chunks(o)

    def _chunks(self, o):
        # made when the first is read (python3 makes each as it is read); those made before an error come first
        out = []
        err = None
        try:
            self._emit(o, out.append, True)
        except Exception as e:
            err = e
        yield from out
        if err is not None:
            raise err

    def _emit(self, o, emit, python):
        deep = False
        try:
            _Encoder(self, python, emit).enc(o, 0)
        except RecursionError:
            deep = True
        if deep:
            raise RecursionError("maximum recursion depth exceeded " + ("while calling a Python object" if python else "while encoding a JSON object"))


class _Encoder:
    def __init__(self, e, named, emit):
        indent = e.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        self.item_sep = e.item_separator
        self.key_sep = e.key_separator
        self.skipkeys = e.skipkeys
        self.ascii = e.ensure_ascii
        self.markers = {} if e.check_circular else None
        self.allow_nan = e.allow_nan
        self.default = e.default
        self.sort_keys = e.sort_keys
        self.named = named
        self.emit = emit

    def mark(self, o):
        if self.markers is not None:
            if id(o) in self.markers:
                raise ValueError("Circular reference detected")
            self.markers[id(o)] = o

    def unmark(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def scalar(self, o):
        # the text of a str, None, bool, int or float; None for anything else
        if isinstance(o, str):
            return _str(o, self.ascii)
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            return _float(o, self.allow_nan, self.named)
        return None

    def enc(self, o, level):
        text = self.scalar(o)
        if text is not None:
            self.emit(text)
        else:
            self.sub(o, level)

    def sub(self, o, level):
        # a value that is no scalar
        if isinstance(o, (list, tuple)):
            self.array(o, level)
        elif isinstance(o, dict):
            self.object(o, level)
        else:
            self.mark(o)
            self.enc(self.default(o), level)
            self.unmark(o)

    def array(self, o, level):
        # python3's chunks: '[' (and the new line) joined to the first item, the separator to each next
        emit = self.emit
        if not o:
            emit("[]")
            return
        self.mark(o)
        head = "["
        sep = self.item_sep
        if self.indent is not None:
            level += 1
            nl = "\\n" + self.indent * level
            head += nl
            sep += nl
        for v in o:
            text = self.scalar(v)
            if text is not None:
                emit(head + text)
            else:
                emit(head)
                self.sub(v, level)
            head = sep
        if self.indent is not None:
            emit("\\n" + self.indent * (level - 1))
        emit("]")
        self.unmark(o)

    def object(self, o, level):
        emit = self.emit
        if not o:
            emit("{}")
            return
        self.mark(o)
        emit("{")
        sep = self.item_sep
        if self.indent is not None:
            level += 1
            nl = "\\n" + self.indent * level
            sep += nl
            emit(nl)
        first = True
        for k, v in (sorted(o.items()) if self.sort_keys else o.items()):
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = _float(k, self.allow_nan, self.named)
            elif k is True:
                k = "true"
            elif k is False:
                k = "false"
            elif k is None:
                k = "null"
            elif isinstance(k, int):
                k = int.__repr__(k)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")
            if not first:
                emit(sep)
            first = False
            emit(_str(k, self.ascii))
            emit(self.key_sep)
            text = self.scalar(v)
            if text is not None:
                emit(text)
            else:
                self.sub(v, level)
        if self.indent is not None:
            emit("\\n" + self.indent * (level - 1))
        emit("}")
        self.unmark(o)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    return (cls or JSONEncoder)(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular, allow_nan=allow_nan, indent=indent, separators=separators, default=default, sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    e = (cls or JSONEncoder)(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular, allow_nan=allow_nan, indent=indent, separators=separators, default=default, sort_keys=sort_keys, **kw)
    if type(e).iterencode is JSONEncoder.iterencode:
        # each of iterencode's chunks written as it is made, as python3's dump does
        e._emit(obj, fp.write, True)
    else:
        for chunk in e.iterencode(obj):
            fp.write(chunk)


_WS = " \\t\\n\\r"
_CONST = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}
_SIMPLE = {'"': '"', "\\\\": "\\\\", "/": "/", "b": "\\b", "f": "\\f", "n": "\\n", "r": "\\r", "t": "\\t"}
_HEX = "0123456789abcdefABCDEF"


class _Decoder:
    def __init__(self, s, d):
        self.s = s
        self.object_hook = d.object_hook
        self.pairs_hook = d.object_pairs_hook
        self.parse_float = d.parse_float
        self.parse_int = d.parse_int
        self.parse_constant = d.parse_constant
        self.strict = d.strict
        # the kind of container last entered: the one a RecursionError is about
        self.kind = "array"

    def ws(self, i):
        s = self.s
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def fail(self, msg, i):
        raise JSONDecodeError(msg, self.s, i)

    def value(self, i):
        s = self.s
        c = s[i : i + 1]
        if c == '"':
            return self.string(i + 1)
        if c == "{":
            self.kind = "object"
            return self.object(i + 1)
        if c == "[":
            self.kind = "array"
            return self.array(i + 1)
        if c == "n" and s.startswith("null", i):
            return None, i + 4
        if c == "t" and s.startswith("true", i):
            return True, i + 4
        if c == "f" and s.startswith("false", i):
            return False, i + 5
        if c == "N" and s.startswith("NaN", i):
            return self.parse_constant("NaN"), i + 3
        if c == "I" and s.startswith("Infinity", i):
            return self.parse_constant("Infinity"), i + 8
        if c == "-" and s.startswith("-Infinity", i):
            return self.parse_constant("-Infinity"), i + 9
        return self.number(i)

    def number(self, i):
        s = self.s
        n = len(s)
        j = i + 1 if s[i : i + 1] == "-" else i
        if s[j : j + 1] == "0":
            j += 1
        elif s[j : j + 1] in "123456789" and j < n:
            while j < n and s[j] in "0123456789":
                j += 1
        else:
            self.fail("Expecting value", i)
        end = j
        real = False
        if s[j : j + 1] == "." and s[j + 1 : j + 2] in "0123456789" and j + 1 < n:
            j += 2
            while j < n and s[j] in "0123456789":
                j += 1
            end = j
            real = True
        if s[j : j + 1] in "eE" and j < n:
            j += 1
            if s[j : j + 1] in "+-" and j < n:
                j += 1
            if s[j : j + 1] in "0123456789" and j < n:
                while j < n and s[j] in "0123456789":
                    j += 1
                end = j
                real = True
        text = s[i:end]
        return (self.parse_float(text) if real else self.parse_int(text)), end

    def string(self, i):
        s = self.s
        begin = i - 1
        parts = []
        while True:
            q = s.find('"', i)
            if q < 0:
                self.fail("Unterminated string starting at", begin)
            b = s.find("\\\\", i, q)
            stop = q if b < 0 else b
            if self.strict:
                for k in range(i, stop):
                    if s[k] < " ":
                        self.fail("Invalid control character at", k)
            parts.append(s[i:stop])
            if b < 0:
                return "".join(parts), q + 1
            c = s[b + 1 : b + 2]
            if c == "u":
                n = self.hex4(b + 1)
                i = b + 6
                if 0xD800 <= n < 0xDC00 and s[i : i + 2] == "\\\\u":
                    m = self.hex4(i + 1)
                    if 0xDC00 <= m < 0xE000:
                        n = 0x10000 + ((n - 0xD800) << 10) + (m - 0xDC00)
                        i += 6
                parts.append(chr(n))
            elif c in _SIMPLE and c:
                parts.append(_SIMPLE[c])
                i = b + 2
            elif c:
                self.fail("Invalid \\\\escape", b)
            else:
                self.fail("Unterminated string starting at", begin)

    def hex4(self, u):
        h = self.s[u + 1 : u + 5]
        if len(h) < 4 or any(c not in _HEX for c in h):
            self.fail("Invalid \\\\uXXXX escape", u)
        return int(h, 16)

    def object(self, i):
        s = self.s
        pairs = []
        i = self.ws(i)
        if s[i : i + 1] != "}":
            while True:
                if s[i : i + 1] != '"':
                    self.fail("Expecting property name enclosed in double quotes", i)
                key, i = self.string(i + 1)
                i = self.ws(i)
                if s[i : i + 1] != ":":
                    self.fail("Expecting ':' delimiter", i)
                v, i = self.item(self.ws(i + 1))
                pairs.append((key, v))
                i, done = self.after(i, "}")
                if done:
                    break
        if self.pairs_hook is not None:
            return self.pairs_hook(pairs), i + 1
        d = dict(pairs)
        return (d if self.object_hook is None else self.object_hook(d)), i + 1

    def array(self, i):
        s = self.s
        out = []
        i = self.ws(i)
        if s[i : i + 1] != "]":
            while True:
                v, i = self.item(i)
                out.append(v)
                i, done = self.after(i, "]")
                if done:
                    break
        return out, i + 1

    def after(self, i, close):
        # past an item: the closing bracket (done) or a comma and the whitespace after it
        i = self.ws(i)
        c = self.s[i : i + 1]
        if c == close:
            return i, True
        if c != ",":
            self.fail("Expecting ',' delimiter", i)
        return self.ws(i + 1), False

    def item(self, i):
        if i >= len(self.s):
            self.fail("Expecting value", i)
        return self.value(i)


class JSONDecoder:
    __module__ = "json.decoder"

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONST.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        d = _Decoder(s, self)
        obj, end = self.raw_decode(s, d.ws(0))
        end = d.ws(end)
        if end != len(s):
            d.fail("Extra data", end)
        return obj

    def raw_decode(self, s, idx=0):
        d = _Decoder(s, self)
        if idx >= len(s):
            d.fail("Expecting value", idx)
        try:
            return d.value(idx)
        except RecursionError:
            raise RecursionError("maximum recursion depth exceeded while decoding a JSON %s from a unicode string" % d.kind) from None


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = (s[3:] if s[:3] == b"\\xef\\xbb\\xbf" else s).decode("utf-8")
    elif not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {s.__class__.__name__}")
    elif s.startswith("\\ufeff"):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    for k, v in (("object_hook", object_hook), ("object_pairs_hook", object_pairs_hook), ("parse_float", parse_float), ("parse_int", parse_int), ("parse_constant", parse_constant)):
        if v is not None:
            kw[k] = v
    return (cls or JSONDecoder)(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float, parse_int=parse_int, parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)


__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]
`;
