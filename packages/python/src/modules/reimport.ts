/**
 * An import of a module the program took out of sys.modules (`del sys.modules['random']; import random`):
 * python3 makes the module again, a new module object with new functions. For `sys`, python3's new
 * module is a copy of the dict sys had early in its start-up: without what the start-up added later
 * (argv, stdout, __stdout__, path, executable…); the interpreter's own sys (where it finds sys.stderr)
 * stays the first one.
 */
import type { Obj } from "../vm/heap-api.js";
import type { VM } from "../vm/vm.js";
import * as L from "../vm/layouts.js";

/** Names python3's start-up sets in sys after the copy that a new import of sys gets. */
const LATE_SYS_NAMES = new Set(["argv", "orig_argv", "stdin", "stdout", "__stdin__", "__stdout__", "path", "executable", "prefix", "exec_prefix", "base_prefix", "base_exec_prefix", "platlibdir", "pycache_prefix", "warnoptions", "_xoptions", "dont_write_bytecode", "__interactivehook__", "_base_executable", "_home", "_stdlib_dir"]);

/** The module `name` made again for an import that found it missing from sys.modules (`old`: the one
 *  made before): a new reference, in sys.modules. */
export function remakeModule(vm: VM, name: string, old: Obj): Obj {
  const h = vm.h;
  let mod: Obj;
  if (name === "sys") {
    mod = vm.newModule("sys");
    const d = h.getSlot(mod, L.MODULE_DICT);
    for (const [k, v] of vm.dictEntries(h.getSlot(old, L.MODULE_DICT))) if (!LATE_SYS_NAMES.has(vm.str(k))) h.dictSet(d, k, v);
  } else {
    mod = vm.moduleFactories.get(name)!();
    // (the interpreter's table holds the new one, as python3's import machinery reads sys.modules)
    vm.modules.set(name, mod);
    vm.decref(old);
    vm.h.incref(mod);
  }
  vm.dictSetStr(vm.sysModules, vm.name(name), mod);
  return mod;
}
