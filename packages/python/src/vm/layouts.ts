/**
 * Layouts of the object types the VM registers with the heap (64-bit CPython 3.11 field offsets, so
 * `sys.getsizeof` and the GC see what CPython has). The heap allocates, traverses and frees them from
 * these descriptors; the VM reads and writes their fields with getSlot/setSlot at these offsets.
 *
 * Every offset is a byte offset from the object address; reference fields are listed in `refSlots` in
 * the order tp_traverse visits them.
 */

/** PyFunctionObject (basicsize 136): getsizeof 152. */
export const FUNC_GLOBALS = 16;
export const FUNC_BUILTINS = 24;
export const FUNC_NAME = 32;
export const FUNC_QUALNAME = 40;
export const FUNC_CODE = 48;
export const FUNC_DEFAULTS = 56;
export const FUNC_KWDEFAULTS = 64;
export const FUNC_CLOSURE = 72;
export const FUNC_DOC = 80;
export const FUNC_DICT = 88;
export const FUNC_WEAKREFS = 96;
export const FUNC_MODULE = 104;
export const FUNC_ANNOTATIONS = 112;
export const FUNC_BASICSIZE = 136;
export const FUNC_REFS = [FUNC_CODE, FUNC_GLOBALS, FUNC_MODULE, FUNC_DEFAULTS, FUNC_KWDEFAULTS, FUNC_DOC, FUNC_NAME, FUNC_DICT, FUNC_CLOSURE, FUNC_ANNOTATIONS, FUNC_QUALNAME, FUNC_BUILTINS];

/** PyCodeObject subset: the tuples and strings it owns; an i32 index into the VM's code table. */
export const CODE_CONSTS = 16;
export const CODE_NAMES = 24;
export const CODE_LOCALSPLUSNAMES = 32;
export const CODE_FILENAME = 40;
export const CODE_NAME = 48;
export const CODE_QUALNAME = 56;
export const CODE_INDEX = 64;
export const CODE_BASICSIZE = 184;

/** PyCellObject: one reference. getsizeof 40. */
export const CELL_REF = 16;
export const CELL_BASICSIZE = 24;

/** PyMethodObject (bound method): function, self. getsizeof 64. */
export const METHOD_FUNC = 16;
export const METHOD_SELF = 24;
export const METHOD_WEAKREFS = 32;
export const METHOD_BASICSIZE = 48;

/** PyCFunctionObject (builtin function or bound builtin method): i32 native index at 16. getsizeof 72. */
export const CFUNC_INDEX = 16;
export const CFUNC_SELF = 24;
export const CFUNC_MODULE = 32;
export const CFUNC_WEAKREFS = 40;
export const CFUNC_BASICSIZE = 56;

/** Method descriptor of a builtin type (`str.upper`): i32 native index, the type. */
export const MDESCR_INDEX = 16;
export const MDESCR_TYPE = 24;
export const MDESCR_BASICSIZE = 48;

/** getset_descriptor (`__dict__`, `__weakref__` of classes) and member_descriptor (`__slots__`). */
export const DESCR_TYPE = 16;
export const DESCR_NAME = 24;
export const DESCR_QUALNAME = 32;
export const DESCR_OFFSET = 40;
export const DESCR_BASICSIZE = 48;

/** PyBaseExceptionObject (72). */
export const EXC_DICT = 16;
export const EXC_ARGS = 24;
export const EXC_NOTES = 32;
export const EXC_TRACEBACK = 40;
export const EXC_CONTEXT = 48;
export const EXC_CAUSE = 56;
export const EXC_SUPPRESS = 64;
export const EXC_BASICSIZE = 72;
/** Extra field of StopIteration (value), SystemExit (code), NameError (name): 80. */
export const EXC_EXTRA = 72;
/** AttributeError: obj, name (88). */
export const EXC_EXTRA2 = 80;
/** BaseExceptionGroup: msg, excs (88). */

/** PyTracebackObject: tb_next, tb_frame, tb_lasti, tb_lineno. getsizeof 56. */
export const TB_NEXT = 16;
export const TB_FRAME = 24;
export const TB_LASTI = 32;
export const TB_LINENO = 36;
export const TB_BASICSIZE = 40;

/** PyFrameObject (variable size: ob_size at 16): f_back, f_code ref, f_globals; then the localsplus copied at frame exit (var refs). */
export const FRAME_BACK = 24;
export const FRAME_CODE = 32;
export const FRAME_GLOBALS = 40;
export const FRAME_LOCALS = 48;
export const FRAME_TRACE = 56;
export const FRAME_LINENO = 64;
export const FRAME_NLOCALS = 68;
export const FRAME_INDEX = 72;
/** a generator's frame: its index in vm.gens plus one (0 for any other frame) */
export const FRAME_GEN = 76;
export const FRAME_BASICSIZE = 120;

/** Generator (variable size: ob_size at 16): code, name, qualname, code, weakrefs; i32 state; then its frame's localsplus + stack as var refs. */
export const GEN_CODE = 24;
export const GEN_NAME = 32;
export const GEN_QUALNAME = 40;
export const GEN_WEAKREFS = 48;
export const GEN_FUNC_GLOBALS = 56;
export const GEN_INDEX = 64;
/** the handled exception of a suspended generator (its sys.exc_info()) */
export const GEN_EXC_STATE = 72;
/** a suspended generator's frame object, once one was made (the running frame owns it otherwise) */
export const GEN_FRAME_OBJ = 80;
export const GEN_BASICSIZE = 152;

/** Module object: dict, name. getsizeof 72. */
export const MODULE_DICT = 16;
export const MODULE_NAME = 24;
export const MODULE_WEAKREFS = 32;
export const MODULE_BASICSIZE = 56;

/** A VM-native object with up to four owned references and an i32 payload (iterators, views, property…). */
export const NATIVE_A = 16;
export const NATIVE_B = 24;
export const NATIVE_C = 32;
export const NATIVE_D = 40;
export const NATIVE_I = 48;
export const NATIVE_J = 52;

/** Instance of a plain class: the weakref list slot at 16 (basicsize 24). */
export const INST_WEAKREFS = 16;
