// The ABI shared by the WASM core (AssemblyScript) and its TypeScript binding: object layouts, type
// flags, layout kinds, statuses and event kinds. This file must stay valid in both languages: plain
// `export const NAME = <integer literal>;` only (AssemblyScript infers i32), no types, no enums.
//
// Pointer-size fields are 8-byte slots (64-bit CPython 3.11 offsets); the core keeps 32-bit addresses
// and counts in the low word of each slot (little endian) and the high word 0 (or the sign).
//
//                ┌────────────────────┐
//   obj − 32     │ MANAGED_VALUES     │ only types with TPF_MANAGED_DICT (classes without __slots__)
//   obj − 24     │ MANAGED_DICT       │
//   obj − 16     │ GC_NEXT            │ only GC types; 0 ⇔ untracked; else address of the next GC head
//   obj −  8     │ GC_PREV            │ bit 0 FINALIZED, bit 1 COLLECTING, bits 2.. previous GC head
//   obj +  0     │ OB_REFCNT          │ ← object address (id() = ID_BASE + address)
//   obj +  8     │ OB_TYPE            │ address of the type object
//   obj + 16     │ OB_SIZE            │ variable-size objects only
//                └────────────────────┘

// ── object header ─────────────────────────────────────────────────────────────────────────────────
export const OB_REFCNT = 0;
export const OB_TYPE = 8;
export const OB_SIZE = 16;
export const OBJECT_HEAD_SIZE = 16;
export const VAR_HEAD_SIZE = 24;

// ── pre-headers (negative offsets from the object address) ──────────────────────────────────────
export const GC_HEAD_SIZE = 16;
export const GC_NEXT = -16;
export const GC_PREV = -8;
/** High word of GC_PREV: gc_refs while a collection runs (CPython shifts it into GC_PREV's bits 2..). */
export const GC_REFS = -4;
export const PREV_MASK_FINALIZED = 1;
export const PREV_MASK_COLLECTING = 2;
export const PREV_MASK_FLAGS = 3;
export const MANAGED_PRE_SIZE = 16;
export const MANAGED_VALUES = -32;
export const MANAGED_DICT = -24;

/** id(obj) = ID_BASE_HIGH · 2^32 + address (a 64-bit-looking address; heap ids are multiples of 16). */
export const ID_BASE_HIGH = 0x7f3a;

// ── type objects (every type is an object whose OB_TYPE is `type`) ───────────────────────────────
export const TP_NAME = 24; // owned ref: str
export const TP_BASICSIZE = 32; // i32
export const TP_ITEMSIZE = 40; // i32
export const TP_FLAGS = 48; // u32, TPF_* below
export const TP_LAYOUT = 56; // i32, LAYOUT_* below
export const TP_REFMAP_LO = 64; // u32: bit i ⇒ the 8-byte slot at offset 8·i is an owned reference (i < 32)
export const TP_REFMAP_HI = 68; // u32: slots 32..63
export const TP_WEAKLISTOFFSET = 72; // i32, 0 = not weakly referenceable
export const TP_FREELIST_HEAD = 80; // u32, parked objects linked through OB_TYPE+4 (high word)
export const TP_FREELIST_LEN = 84; // i32
export const TP_FREELIST_MAX = 88; // i32, capacity of the per-type free list (0 = none)
export const TP_BASE = 96; // owned ref
export const TP_BASES = 104; // owned ref
export const TP_MRO = 112; // owned ref
export const TP_DICT = 120; // owned ref
export const TP_VM0 = 128; // eight owned ref slots for the interpreter: TP_VM0 + 8·k, k < 8
export const TP_VM_SLOTS = 8;
export const TP_VMI0 = 192; // eight i32 words (in 8-byte slots) for the interpreter: TP_VMI0 + 8·k
export const TP_ID = 256; // i32, index of the type in the core's type table
export const TP_CACHED_KEYS = 264; // u32: the class's shared keys (attribute names of its instances), or 0
/** The basic weakref to a heap type that CPython's add_subclass stores in each base's tp_subclasses
 *  (one reference per base, counted in TP_SUBCLASS_REFS); kept by the type itself here. */
export const TP_SUBCLASS_REF = 272;
export const TP_SUBCLASS_REFS = 280; // i32
/** Bytes the core uses in a type object; static types are allocated with CPython's 408, heap types 904. */
export const TYPE_FIELDS_END = 288;
export const STATIC_TYPE_BASICSIZE = 408;
export const HEAP_TYPE_BASICSIZE = 904;

// ── type flags (CPython's bit values where CPython has the flag) ─────────────────────────────────
export const TPF_MANAGED_DICT = 1 << 4;
export const TPF_HEAPTYPE = 1 << 9;
export const TPF_BASETYPE = 1 << 10;
export const TPF_HAVE_GC = 1 << 14;
export const TPF_LONG_SUBCLASS = 1 << 24;
export const TPF_LIST_SUBCLASS = 1 << 25;
export const TPF_TUPLE_SUBCLASS = 1 << 26;
export const TPF_BYTES_SUBCLASS = 1 << 27;
export const TPF_UNICODE_SUBCLASS = 1 << 28;
export const TPF_DICT_SUBCLASS = 1 << 29;
export const TPF_BASE_EXC_SUBCLASS = 1 << 30;
export const TPF_TYPE_SUBCLASS = 1 << 31;
// pyheap's own bits (unused by CPython 3.11)
/** The type has tp_finalize (a Python __del__): called once (PEP 442) through the finalize hook. */
export const TPF_FINALIZER = 1 << 0;
/** The ob_size items after basicsize are owned references (tuple-like registered types). */
export const TPF_VAR_REFS = 1 << 1;
/** The per-type free list survives full collections (CPython's slice cache). */
export const TPF_FREELIST_KEEP = 1 << 2;
/** A static type (never freed; ids ≡ 8 mod 16). */
export const TPF_STATIC = 1 << 3;
/** The instance dict pointer is the last 8-byte word of the variable-size body (CPython's negative
 *  tp_dictoffset: subclasses of int). */
export const TPF_VAR_DICT = 1 << 5;
/** Deallocation counts in the trashcan's nesting (and defers past 50): the built-in types whose CPython
 *  deallocator has Py_TRASHCAN_BEGIN (list, tuple, dict, set, builtin methods, method-wrappers, most
 *  exceptions…); instances of heap types always count (subtype_dealloc). Only on GC types. */
export const TPF_TRASHCAN = 1 << 21;

// ── layout kinds: which core code handles an object's fields ─────────────────────────────────────
export const LAYOUT_GENERIC = 0; // fields described by the type descriptor (refmap, var refs, managed dict)
export const LAYOUT_INT = 1;
export const LAYOUT_FLOAT = 2;
export const LAYOUT_STR = 3;
export const LAYOUT_BYTES = 4;
export const LAYOUT_TUPLE = 5;
export const LAYOUT_LIST = 6;
export const LAYOUT_DICT = 7;
export const LAYOUT_SET = 8;
export const LAYOUT_TYPE = 9;
export const LAYOUT_WEAKREF = 10;

// ── int: PyLongObject = var head + 30-bit digits (u32 each) ─────────────────────────────────────
export const INT_DIGITS = 24;
export const INT_SHIFT = 30;
export const SMALL_INT_MIN = -5;
export const SMALL_INT_MAX = 256;
// ── float ─────────────────────────────────────────────────────────────────────────────────────
export const FLOAT_VALUE = 16;
// ── str: compact PyASCIIObject (48) / PyCompactUnicodeObject (72) ───────────────────────────────
export const STR_LENGTH = 16;
export const STR_HASH = 24; // i64, -1 = not computed
export const STR_STATE = 32; // u32: bits 0-1 interned, 2-4 kind, 5 compact, 6 ascii, 7 ready
export const STR_ASCII_DATA = 48;
export const STR_COMPACT_DATA = 72;
/** Bits 0-1 of the state: 0 not interned, 1 interned (mortal, as every interned str of 3.11 here). */
export const STR_STATE_INTERNED = 3;
export const STR_STATE_KIND_SHIFT = 2;
export const STR_STATE_COMPACT = 1 << 5;
export const STR_STATE_ASCII = 1 << 6;
export const STR_STATE_READY = 1 << 7;
/** Instances of str subclasses are the legacy PyUnicodeObject (80 bytes, not compact): the compact
 *  header's fields, then a pointer to the characters, which live in a block of their own. */
export const STR_WSTR = 40;
export const STR_UTF8_LENGTH = 48;
export const STR_UTF8 = 56;
export const STR_WSTR_LENGTH = 64;
export const STR_DATA_ANY = 72;
export const STR_LEGACY_SIZE = 80;
// ── bytes: PyBytesObject = var head + ob_shash + data + NUL ───────────────────────────────────
export const BYTES_HASH = 24;
export const BYTES_DATA = 32;
// ── tuple ────────────────────────────────────────────────────────────────────────────────────
export const TUPLE_ITEMS = 24;
// ── list: PyListObject = var head + ob_item + allocated ─────────────────────────────────────────
export const LIST_ITEMS = 24; // address of the item array (0 when empty and never allocated)
export const LIST_ALLOCATED = 32;
export const LIST_BASICSIZE = 40;
// ── dict: PyDictObject and PyDictKeysObject (CPython 3.11) ──────────────────────────────────────
export const DICT_USED = 16;
export const DICT_VERSION = 24;
export const DICT_KEYS = 32;
export const DICT_VALUES = 40;
export const DICT_BASICSIZE = 48;
export const DK_REFCNT = 0;
export const DK_LOG2_SIZE = 8; // u8
export const DK_LOG2_INDEX_BYTES = 9; // u8
export const DK_KIND = 10; // u8: 0 general, 1 unicode
export const DK_USABLE = 16;
export const DK_NENTRIES = 24;
export const DK_INDICES = 32;
/** Shared keys of a class: 64 slots, at most 30 names (CPython's SHARED_KEYS_MAX_SIZE). */
export const SHARED_KEYS_LOG2 = 6;
export const SHARED_KEYS_MAX = 30;
export const DK_KIND_GENERAL = 0;
export const DK_KIND_UNICODE = 1;
// ── set: PySetObject (200 bytes with an 8-entry small table) ─────────────────────────────────
export const SET_FILL = 16;
export const SET_USED = 24;
export const SET_MASK = 32;
export const SET_TABLE = 40;
export const SET_HASH = 48;
export const SET_FINGER = 56;
export const SET_SMALLTABLE = 64;
export const SET_WEAKLIST = 192;
export const SET_BASICSIZE = 200;
// ── weakref: PyWeakReference (64) ─────────────────────────────────────────────────────────────
export const WR_OBJECT = 16;
export const WR_CALLBACK = 24;
export const WR_HASH = 32;
export const WR_PREV = 40;
export const WR_NEXT = 48;
export const WR_BASICSIZE = 64;

// ── well-known static objects, as indexes for heap_well_known(i) ────────────────────────────────
export const WK_NONE = 0;
export const WK_TRUE = 1;
export const WK_FALSE = 2;
export const WK_ELLIPSIS = 3;
export const WK_NOTIMPLEMENTED = 4;
export const WK_EMPTY_STR = 5;
export const WK_EMPTY_BYTES = 6;
export const WK_EMPTY_TUPLE = 7;
export const WK_TYPE_TYPE = 8;
export const WK_TYPE_OBJECT = 9;
export const WK_TYPE_INT = 10;
export const WK_TYPE_BOOL = 11;
export const WK_TYPE_FLOAT = 12;
export const WK_TYPE_STR = 13;
export const WK_TYPE_BYTES = 14;
export const WK_TYPE_TUPLE = 15;
export const WK_TYPE_LIST = 16;
export const WK_TYPE_DICT = 17;
export const WK_TYPE_SET = 18;
export const WK_TYPE_FROZENSET = 19;
export const WK_TYPE_NONE = 20;
export const WK_TYPE_ELLIPSIS = 21;
export const WK_TYPE_NOTIMPLEMENTED = 22;
export const WK_TYPE_WEAKREF = 23;
export const WK_COUNT = 24;

// ── statuses (heap_last_status) ─────────────────────────────────────────────────────────────────
export const STATUS_OK = 0;
export const STATUS_NO_MEMORY = 1; // heap limit reached: the interpreter raises MemoryError
export const STATUS_NOT_FOUND = 2; // lookup miss (KeyError territory)
export const STATUS_ERROR = 3; // a host callback (__eq__, __hash__) raised; the exception is the VM's
export const STATUS_INDEX = 4; // index out of range
export const STATUS_OVERFLOW = 5; // size too large to represent
export const STATUS_BAD_ARGUMENT = 6; // misuse of an export (wrong type of object…)

// ── list construction modes (list_new) ──────────────────────────────────────────────────────────
export const LIST_NEW_DISPLAY = 0; // PyList_New: free list first, capacity = n
export const LIST_NEW_CALL = 1; // list(): tp_alloc (no free list), empty
export const LIST_NEW_EXACT = 2; // free list first, capacity = n, items set by caller
// ── dict construction modes (dict_new) ──────────────────────────────────────────────────────────
export const DICT_NEW_DISPLAY = 0; // new_dict: free list first
export const DICT_NEW_CALL = 1; // dict(): tp_alloc (no free list)

// ── gc ──────────────────────────────────────────────────────────────────────────────────────────
export const NUM_GENERATIONS = 3;
export const GC_DEBUG_STATS = 1;
export const GC_DEBUG_COLLECTABLE = 2;
export const GC_DEBUG_UNCOLLECTABLE = 4;
export const GC_DEBUG_SAVEALL = 32;
export const GC_PHASE_START = 0;
export const GC_PHASE_STOP = 1;

// ── allocator constants (pymalloc, 64-bit) ──────────────────────────────────────────────────────
export const ALIGNMENT = 16;
export const SMALL_REQUEST_THRESHOLD = 512;
export const NB_SMALL_SIZE_CLASSES = 32;
export const POOL_SIZE = 16384;
export const POOL_OVERHEAD = 48;
export const ARENA_SIZE = 1048576;
/** heap_next_blocks: where the next block of a size class comes from (low 4 bits of each answer). */
export const NEXT_FROM_FREE_LIST = 0; // the head of the first used pool's free list (a freed block)
export const NEXT_FROM_BUMP = 1; // that free list holds only the block the pool last carved from untouched space
export const NEXT_FROM_NEW_POOL = 2; // no used pool: an empty pool of the most used arena
export const NEXT_FROM_NEW_ARENA = 3; // no usable arena either: the first pool of a new arena
/** heap_free_lists: order of the (head, length) pairs; tuples of length 1..20 follow FREE_LIST_DICT. */
export const FREE_LIST_FLOAT = 0;
export const FREE_LIST_LIST = 1;
export const FREE_LIST_DICT = 2;
export const FREE_LIST_TUPLE_1 = 3;

// ── events (ring entries of EV_WORDS i32 words: kind, a, b, c) ───────────────────────────────────
export const EV_WORDS = 4;
export const EV_ALLOC = 1; // a = object, b = type, c = block size
export const EV_FREE = 2; // a = object, b = type, c = block size
export const EV_GC_START = 3; // a = generation
export const EV_GC_PHASE = 4; // a = generation, b = phase id (GCP_*)
export const EV_GC_END = 5; // a = generation, b = collected, c = uncollectable
export const EV_PROMOTE = 6; // a = from generation, b = to generation, c = objects moved
export const EV_FINALIZE = 7; // a = object
export const EV_WEAKREF_CALLBACK = 8; // a = weakref
export const EV_PARK = 9; // a = object parked on a free list, b = type
export const EV_UNPARK = 10; // a = object taken from a free list, b = type
export const EV_UNTRACK = 11; // a = object untracked by a collection (lazy tuple/dict untracking), b = type
export const EV_GC_UNREACHABLE = 12; // a = object found unreachable by move_unreachable, b = generation
export const EV_GC_REFS = 14; // a = object, b = gc_refs after subtract_refs (references from outside), c = generation
export const EV_GC_GARBAGE = 13; // a = object in the final unreachable set (about to be cleared), b = generation
export const EV_RESIZE = 15; // a = object whose size changed in its own block (a str grown in place by +=), b = type, c = block size
/** Flag in the kind word of EV_FREE / EV_PARK: the object died while a collection ran. */
export const EV_FLAG_DURING_GC = 256;
export const EV_KIND_MASK = 255;
export const GCP_UPDATE_REFS = 1;
export const GCP_SUBTRACT_REFS = 2;
export const GCP_MOVE_UNREACHABLE = 3;
export const GCP_HANDLE_WEAKREFS = 4;
export const GCP_FINALIZE = 5;
export const GCP_RESURRECTION = 6;
export const GCP_DELETE_GARBAGE = 7;
