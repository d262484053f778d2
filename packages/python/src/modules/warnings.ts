/**
 * Warnings: the one path by which the interpreter and programs warn (`warn`, python3's `_warnings.warn`),
 * and the `warnings` module (its natives and Python part, made at `import warnings`).
 *
 * A warning is looked up as python3 does: the frame `stacklevel` frames up names the location (file, line,
 * module `__name__`, and the `__warningregistry__` dict made in its globals); the filters give the action
 * (before `import warnings`, python3's defaults: DeprecationWarning shown when triggered in `__main__`,
 * ignored elsewhere with PendingDeprecationWarning, ImportWarning and ResourceWarning, anything else
 * "default"; after it, the module's `filters`, `defaultaction` and `onceregistry`); "default" shows it once
 * per (text, category, line) of a registry, which a change of the filters empties (its "version"). Shown
 * as `file:line: Category: text` and the stripped source line on sys.stderr, or through the module's
 * `_showwarnmsg` once it is imported (showwarning, formatwarning and catch_warnings(record=True) replaced).
 */
import type { Obj } from "../vm/heap-api.js";
import { Kind, type NativeFn } from "../vm/types.js";
import { PyRaise, type VM } from "../vm/vm.js";
import { kwarg } from "../builtins/functions.js";
import * as L from "../vm/layouts.js";

declare module "../vm/vm.js" {
  interface VM {
    /** How many times warnings' filters changed (the registries' "version"). */
    warnVersion?: number;
  }
}

/** Warn with `message` (a str, or a Warning instance whose type is the category) of `category` (a
 *  Warning subclass or its builtin name), located `stacklevel` Python frames up (1: the running one), or
 *  at `at` (a compiler's warning: that file and line, its module the file name less ".py", no registry). */
export function warn(vm: VM, category: Obj | string, message: Obj | string, stacklevel = 1, at?: { file: string; line: number }): void {
  const h = vm.h;
  let cat = typeof category === "string" ? vm.typesByName[category]! : category;
  let f = vm.frame;
  for (let i = 1; f && i < stacklevel; i++) f = f.back;
  let globals: Obj;
  let file: string;
  let line: number;
  if (at) {
    globals = 0;
    file = at.file;
    line = at.line;
  } else if (f) {
    globals = f.globals;
    file = f.info.code.co_filename;
    line = vm.lineOf(f);
  } else {
    // past the outermost frame: python3 names sys, line 1
    const sys = vm.importModule("sys");
    vm.decref(sys);
    globals = h.getSlot(sys, L.MODULE_DICT);
    file = "sys";
    line = 1;
  }
  const owned: Obj[] = [];
  const own = (o: Obj): Obj => (owned.push(o), o);
  try {
    let msg = own(typeof message === "string" ? h.newStr(message) : vm.newRef(message));
    let text = msg;
    if (vm.isInstance(msg, vm.typesByName.Warning!)) {
      text = own(vm.strObj(msg));
      cat = h.typeOf(msg);
    } else msg = own(vm.callType(cat, [msg], null));
    const nameObj = globals && vm.dictGetStr(globals, "__name__");
    const module = at ? file.replace(/\.py$/, "") : nameObj && vm.kindOf(nameObj) === Kind.STR ? vm.str(nameObj) : "<string>";
    let registry = globals && vm.dictGetStr(globals, "__warningregistry__");
    if (globals && !registry) {
      registry = own(h.newDict());
      vm.dictSetStr(globals, vm.name("__warningregistry__"), registry);
    }
    const lineObj = own(vm.newInt(BigInt(line)));
    const key = own(h.newTuple([text, cat, lineObj]));
    if (registry && seen(vm, registry, key, false)) return;
    const wm = vm.modules.get("warnings");
    const attr = (name: string): Obj => (wm ? own(vm.getAttrOrNull(wm, name)) : 0);
    const action = filterAction(vm, attr("filters"), attr("defaultaction"), cat, text, module, line);
    if (action === "error") throw new PyRaise(vm.newRef(msg));
    if (action === "ignore") return;
    if (action !== "always") {
      if (registry) vm.dictSetItem(registry, key, vm.True);
      let again = false;
      if (action === "once") {
        const once = attr("onceregistry");
        again = once ? seen(vm, once, own(h.newTuple([text, cat])), true) : false;
      } else if (action === "module") again = !!registry && seen(vm, registry, own(h.newTuple([text, cat, own(vm.newInt(0n))])), true);
      else if (action !== "default") vm.raise("RuntimeError", `Unrecognized action ('${action}') in warnings.filters`);
      if (again) return;
    }
    const show = attr("_showwarnmsg");
    if (show) {
      const wmsg = own(vm.call(attr("WarningMessage") || vm.None, [msg, cat, own(h.newStr(file)), lineObj]));
      own(vm.call(show, [wmsg]));
      return;
    }
    const src = vm.host.sourceLine(file, line)?.trim();
    const out = `${file}:${line}: ${vm.infoOfType(cat).name}: ${vm.strOf(text)}\n${src ? `  ${src}\n` : ""}`;
    const sys = vm.modules.get("sys");
    const err = sys ? own(vm.getAttrOrNull(sys, "stderr")) : 0;
    if (!err) vm.host.write("stderr", out);
    else if (err !== vm.None) vm.writeTo(err, out);
  } finally {
    for (const o of owned) if (o) vm.decref(o);
  }
}

/** Whether `registry` holds `key` (after emptying it when the filters changed since it was filled); `add`
 *  records it. */
function seen(vm: VM, registry: Obj, key: Obj, add: boolean): boolean {
  const h = vm.h;
  if (vm.kindOf(registry) !== Kind.DICT) return false;
  const version = vm.newInt(BigInt(vm.warnVersion ?? 0));
  try {
    const v = vm.dictGetStr(registry, "version");
    if (!v || vm.kindOf(v) !== Kind.INT || h.readInt(v) !== h.readInt(version)) {
      h.dictClear(registry);
      vm.dictSetStr(registry, vm.name("version"), version);
    }
  } finally {
    vm.decref(version);
  }
  const had = vm.dictGetItem(registry, key);
  if (had && vm.truthy(had)) return true;
  if (add) vm.dictSetItem(registry, key, vm.True);
  return false;
}

/** The action of the first filter that matches (python3's default filters before `import warnings`). */
function filterAction(vm: VM, filters: Obj, defaultAction: Obj, cat: Obj, text: Obj, module: string, line: number): string {
  // (PendingDeprecationWarning and ImportWarning are made by the warnings module: nothing is one before)
  const sub = (name: string): boolean => {
    const t = vm.dictGetStr(vm.builtins, name);
    return !!t && vm.kindOf(t) === Kind.TYPE && vm.isSubtype(vm.infoOfType(cat), vm.infoOfType(t));
  };
  if (!filters) {
    if (sub("DeprecationWarning")) return module === "__main__" ? "default" : "ignore";
    return sub("PendingDeprecationWarning") || sub("ImportWarning") || sub("ResourceWarning") ? "ignore" : "default";
  }
  if (vm.kindOf(filters) !== Kind.LIST) vm.raise("ValueError", "_warnings.filters must be a list");
  const items = [...vm.listItems(filters)];
  for (const o of items) vm.h.incref(o);
  try {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (vm.kindOf(item) !== Kind.TUPLE || vm.tupleLen(item) !== 5) vm.raise("ValueError", `_warnings.filters item ${i} isn't a 5-tuple`);
      const [action, msg, fcat, mod, ln] = vm.tupleItems(item);
      if (vm.kindOf(action!) !== Kind.STR) vm.typeError(`action must be a string, not '${vm.typeName(action!)}'`);
      const lineOk = vm.kindOf(ln!) === Kind.INT && (vm.h.readInt(ln!) === 0n || vm.h.readInt(ln!) === BigInt(line));
      if (matches(vm, msg!, text) && vm.kindOf(fcat!) === Kind.TYPE && vm.isSubtype(vm.infoOfType(cat), vm.infoOfType(fcat!)) && matches(vm, mod!, module) && lineOk) return vm.str(action!);
    }
  } finally {
    for (const o of items) vm.decref(o);
  }
  return defaultAction && vm.kindOf(defaultAction) === Kind.STR ? vm.str(defaultAction) : "default";
}

/** A filter's message or module part: None matches anything, a str only itself, anything else by its match(). */
function matches(vm: VM, pattern: Obj, value: Obj | string): boolean {
  if (pattern === vm.None) return true;
  const s = typeof value === "string" ? value : vm.strOf(value);
  if (vm.kindOf(pattern) === Kind.STR) return vm.str(pattern) === s;
  const arg = vm.h.newStr(s);
  try {
    const r = vm.callMethod(pattern, "match", [arg]);
    const yes = vm.truthy(r);
    vm.decref(r);
    return yes;
  } finally {
    vm.decref(arg);
  }
}

/** python3's DeprecationWarning for `__int__`/`__index__`/`__float__` returning an instance of a strict
 *  subclass of int/float (`who`: the method, as python3 names it). */
export function warnStrictSubclass(vm: VM, who: string, got: Obj, base: string): void {
  warn(vm, "DeprecationWarning", `${who} returned non-${base} (type ${vm.typeName(got)}).  The ability to return an instance of a strict subclass of ${base} is deprecated, and may be removed in a future version of Python.`);
}

/** The natives of the `warnings` module. */
export function warningsNatives(vm: VM): Record<string, NativeFn> {
  return {
    warn: (args, kw) => {
      const message = args[0] ?? kwarg(kw, "message");
      if (!message) vm.typeError("warn() missing required argument 'message' (pos 1)");
      let cat = args[1] ?? kwarg(kw, "category");
      const level = args[2] ?? kwarg(kw, "stacklevel");
      const W = vm.typesByName.Warning!;
      if (vm.isInstance(message, W)) cat = vm.h.typeOf(message);
      else if (!cat || cat === vm.None) cat = vm.typesByName.UserWarning!;
      else if (vm.kindOf(cat) !== Kind.TYPE || !vm.isSubtype(vm.infoOfType(cat), vm.infoOfType(W))) {
        vm.typeError(`category must be a Warning subclass, not '${vm.typeName(cat)}'`);
      }
      warn(vm, cat, message, level ? Number(vm.index(level)) : 1);
      return vm.none();
    },
    _filters_mutated: () => {
      vm.warnVersion = (vm.warnVersion ?? 0) + 1;
      return vm.none();
    },
    _getline: (args) => vm.h.newStr(vm.host.sourceLine(vm.str(args[0]!), Number(vm.index(args[1]!))) ?? ""),
    // a filter's regular expression (python3's re.match: at the start; flag 2, re.IGNORECASE): as a JavaScript one
    _match: (args) => {
      let re: RegExp;
      try {
        re = new RegExp(vm.str(args[0]!), vm.h.readInt(args[1]!) ? "iy" : "y");
      } catch (e) {
        return vm.raise("ValueError", String((e as Error).message));
      }
      return vm.bool(re.test(vm.str(args[2]!)));
    },
  };
}

/** The module's Python part (over the natives above). */
export function warningsSource(): string {
  return WARNINGS_PY;
}

const WARNINGS_PY = `
import sys


def _builtin_categories():
    # python3's other builtin warning categories, made (as classes) when the module is first imported
    import builtins
    for name in ("PendingDeprecationWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "EncodingWarning"):
        if not hasattr(builtins, name):
            setattr(builtins, name, type(name, (Warning,), {"__module__": "builtins"}))


_builtin_categories()
del _builtin_categories

filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}


class WarningMessage(object):
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return "{message : %r, category : %r, filename : %r, lineno : %s, line : %r}" % (
            self.message, self._category_name, self.filename, self.lineno, self.line)


def formatwarning(message, category, filename, lineno, line=None):
    if line is None:
        line = _getline(filename, lineno)
    text = "%s:%s: %s: %s\\n" % (filename, lineno, category.__name__, message)
    return text + "  %s\\n" % line.strip() if line else text


def showwarning(message, category, filename, lineno, file=None, line=None):
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_formatwarning_orig = formatwarning
_showwarning_orig = showwarning


def _showwarnmsg_impl(msg):
    out = sys.stderr if msg.file is None else msg.file
    if out is not None:
        try:
            out.write(formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line))
        except OSError:
            pass


def _showwarnmsg(msg):
    # what the natives call to show a warning: through a replaced showwarning, or else as python3 prints it
    if showwarning is _showwarning_orig:
        return _showwarnmsg_impl(msg)
    if not callable(showwarning):
        raise TypeError("warnings.showwarning() must be set to a function or method")
    showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


class Pattern:
    # a compiled filter pattern (python3 keeps re.compile(...) objects): match() at the start of the text
    __module__ = "re"

    def __init__(self, pattern, flags):
        self.pattern = pattern
        self.flags = flags
        _match(pattern, flags, "")

    def match(self, text):
        return _match(self.pattern, self.flags, text)

    def __eq__(self, other):
        return type(other) is type(self) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __repr__(self):
        return "re.compile(%r%s)" % (self.pattern, ", re.IGNORECASE" if self.flags else "")


_Pattern = Pattern
del Pattern


def _check_action(action):
    assert action in ("error", "ignore", "always", "default", "module", "once"), "invalid action: %r" % (action,)


def _check_lineno(lineno):
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    _check_action(action)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    _check_lineno(lineno)
    _add_filter(action, _Pattern(message, 2) if message else None, category,
                _Pattern(module, 0) if module else None, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    _check_action(action)
    _check_lineno(lineno)
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    if not append:
        if item in filters:
            filters.remove(item)
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    filters[:] = []
    _filters_mutated()


class catch_warnings(object):
    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules["warnings"] if module is None else module
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        args = ["record=True"] if self._record else []
        if self._module is not sys.modules["warnings"]:
            args.append("module=%r" % (self._module,))
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        m = self._module
        self._saved = (m.filters, m.showwarning, m._showwarnmsg_impl)
        m.filters = m.filters[:]
        m._filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            m._showwarnmsg_impl = log.append
            m.showwarning = m._showwarning_orig
            return log

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        m = self._module
        m.filters, m.showwarning, m._showwarnmsg_impl = self._saved
        m._filters_mutated()
`;
