/**
 * The instruction set: CPython 3.11's opcodes, with 3.11's names and numbers.
 *
 * Differences from 3.11's encoding (see README.md in this folder for every stack effect):
 * - No CACHE entries and no EXTENDED_ARG: an instruction is one (opcode, arg) pair in `CodeObject.co_code`
 *   and arguments are full 32-bit integers.
 * - Every jump argument is the ABSOLUTE index of the target instruction (not a relative byte offset). The
 *   FORWARD/BACKWARD variants are still chosen by the assembler according to the direction of the jump, so
 *   the disassembly reads like 3.11's; a VM may treat both variants alike.
 * - The exception table replaces SETUP_* blocks, exactly as in 3.11 (`CodeObject.co_exceptiontable`).
 */

/** One opcode. Values are CPython 3.11's. */
export const enum Op {
  POP_TOP = 1,
  PUSH_NULL = 2,
  NOP = 9,
  UNARY_POSITIVE = 10,
  UNARY_NEGATIVE = 11,
  UNARY_NOT = 12,
  UNARY_INVERT = 15,
  BINARY_SUBSCR = 25,
  GET_LEN = 30,
  MATCH_MAPPING = 31,
  MATCH_SEQUENCE = 32,
  MATCH_KEYS = 33,
  PUSH_EXC_INFO = 35,
  CHECK_EXC_MATCH = 36,
  CHECK_EG_MATCH = 37,
  WITH_EXCEPT_START = 49,
  BEFORE_WITH = 53,
  STORE_SUBSCR = 60,
  DELETE_SUBSCR = 61,
  GET_ITER = 68,
  GET_YIELD_FROM_ITER = 69,
  PRINT_EXPR = 70,
  LOAD_BUILD_CLASS = 71,
  LOAD_ASSERTION_ERROR = 74,
  RETURN_GENERATOR = 75,
  LIST_TO_TUPLE = 82,
  RETURN_VALUE = 83,
  IMPORT_STAR = 84,
  SETUP_ANNOTATIONS = 85,
  YIELD_VALUE = 86,
  PREP_RERAISE_STAR = 88,
  POP_EXCEPT = 89,
  // ---- opcodes with an argument (>= 90, as in 3.11's HAVE_ARGUMENT) ----
  STORE_NAME = 90,
  DELETE_NAME = 91,
  UNPACK_SEQUENCE = 92,
  FOR_ITER = 93,
  UNPACK_EX = 94,
  STORE_ATTR = 95,
  DELETE_ATTR = 96,
  STORE_GLOBAL = 97,
  DELETE_GLOBAL = 98,
  SWAP = 99,
  LOAD_CONST = 100,
  LOAD_NAME = 101,
  BUILD_TUPLE = 102,
  BUILD_LIST = 103,
  BUILD_SET = 104,
  BUILD_MAP = 105,
  LOAD_ATTR = 106,
  COMPARE_OP = 107,
  IMPORT_NAME = 108,
  IMPORT_FROM = 109,
  JUMP_FORWARD = 110,
  JUMP_IF_FALSE_OR_POP = 111,
  JUMP_IF_TRUE_OR_POP = 112,
  POP_JUMP_FORWARD_IF_FALSE = 114,
  POP_JUMP_FORWARD_IF_TRUE = 115,
  LOAD_GLOBAL = 116,
  IS_OP = 117,
  CONTAINS_OP = 118,
  RERAISE = 119,
  COPY = 120,
  BINARY_OP = 122,
  SEND = 123,
  LOAD_FAST = 124,
  STORE_FAST = 125,
  DELETE_FAST = 126,
  POP_JUMP_FORWARD_IF_NOT_NONE = 128,
  POP_JUMP_FORWARD_IF_NONE = 129,
  RAISE_VARARGS = 130,
  MAKE_FUNCTION = 132,
  BUILD_SLICE = 133,
  JUMP_BACKWARD_NO_INTERRUPT = 134,
  MAKE_CELL = 135,
  LOAD_CLOSURE = 136,
  LOAD_DEREF = 137,
  STORE_DEREF = 138,
  DELETE_DEREF = 139,
  JUMP_BACKWARD = 140,
  CALL_FUNCTION_EX = 142,
  LIST_APPEND = 145,
  SET_ADD = 146,
  MAP_ADD = 147,
  LOAD_CLASSDEREF = 148,
  COPY_FREE_VARS = 149,
  RESUME = 151,
  MATCH_CLASS = 152,
  FORMAT_VALUE = 155,
  BUILD_CONST_KEY_MAP = 156,
  BUILD_STRING = 157,
  LOAD_METHOD = 160,
  LIST_EXTEND = 162,
  SET_UPDATE = 163,
  DICT_MERGE = 164,
  DICT_UPDATE = 165,
  PRECALL = 166,
  CALL = 171,
  KW_NAMES = 172,
  POP_JUMP_BACKWARD_IF_NOT_NONE = 173,
  POP_JUMP_BACKWARD_IF_NONE = 174,
  POP_JUMP_BACKWARD_IF_FALSE = 175,
  POP_JUMP_BACKWARD_IF_TRUE = 176,
}

/** Opcodes at or above this value use their argument (3.11's HAVE_ARGUMENT). */
export const HAVE_ARGUMENT = 90;

/** The argument of BINARY_OP (3.11's NB_* values). The in-place variants are the plain ones + 13. */
export const enum BinaryOpArg {
  ADD = 0,
  AND = 1,
  FLOOR_DIVIDE = 2,
  LSHIFT = 3,
  MATRIX_MULTIPLY = 4,
  MULTIPLY = 5,
  REMAINDER = 6,
  OR = 7,
  POWER = 8,
  RSHIFT = 9,
  SUBTRACT = 10,
  TRUE_DIVIDE = 11,
  XOR = 12,
  INPLACE_ADD = 13,
  INPLACE_AND = 14,
  INPLACE_FLOOR_DIVIDE = 15,
  INPLACE_LSHIFT = 16,
  INPLACE_MATRIX_MULTIPLY = 17,
  INPLACE_MULTIPLY = 18,
  INPLACE_REMAINDER = 19,
  INPLACE_OR = 20,
  INPLACE_POWER = 21,
  INPLACE_RSHIFT = 22,
  INPLACE_SUBTRACT = 23,
  INPLACE_TRUE_DIVIDE = 24,
  INPLACE_XOR = 25,
}

/** Symbols of BINARY_OP arguments, indexed by BinaryOpArg (as `dis` prints them). */
export const BINARY_OP_SYMBOLS: readonly string[] = [
  "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
  "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/** The argument of COMPARE_OP (3.11's cmp_op order). */
export const enum CompareOpArg {
  LT = 0,
  LE = 1,
  EQ = 2,
  NE = 3,
  GT = 4,
  GE = 5,
}

/** Symbols of COMPARE_OP arguments, indexed by CompareOpArg. */
export const COMPARE_OP_SYMBOLS: readonly string[] = ["<", "<=", "==", "!=", ">", ">="];

/** Flag bits of the MAKE_FUNCTION argument: which extra items sit below the code object on the stack. */
export const enum MakeFunctionFlag {
  /** A tuple of positional default values. */
  DEFAULTS = 0x01,
  /** A dict of keyword-only default values. */
  KWDEFAULTS = 0x02,
  /** A tuple of annotations (name, value pairs flattened), as 3.11. */
  ANNOTATIONS = 0x04,
  /** A tuple of cells for the free variables. */
  CLOSURE = 0x08,
}

/** The argument of FORMAT_VALUE: the conversion in the low 2 bits, bit 2 set when a format spec is on the stack. */
export const enum FormatValueArg {
  CONV_NONE = 0,
  CONV_STR = 1,
  CONV_REPR = 2,
  CONV_ASCII = 3,
  CONV_MASK = 3,
  HAVE_SPEC = 4,
}

/** The argument of RESUME: where the frame (re)starts. */
export const enum ResumeArg {
  /** Start of a function, module or class body. */
  START = 0,
  /** After a YIELD_VALUE of a `yield` expression. */
  AFTER_YIELD = 1,
  /** After a YIELD_VALUE inside `yield from`. */
  AFTER_YIELD_FROM = 2,
}

/** The argument of RAISE_VARARGS: 0 = bare `raise`, 1 = `raise exc`, 2 = `raise exc from cause`. */
export const RAISE_BARE = 0;

/** Every jump opcode; their argument is an absolute instruction index. */
export function isJump(op: Op): boolean {
  switch (op) {
    case Op.FOR_ITER:
    case Op.JUMP_FORWARD:
    case Op.JUMP_BACKWARD:
    case Op.JUMP_BACKWARD_NO_INTERRUPT:
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
    case Op.POP_JUMP_FORWARD_IF_FALSE:
    case Op.POP_JUMP_FORWARD_IF_TRUE:
    case Op.POP_JUMP_FORWARD_IF_NONE:
    case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
    case Op.POP_JUMP_BACKWARD_IF_FALSE:
    case Op.POP_JUMP_BACKWARD_IF_TRUE:
    case Op.POP_JUMP_BACKWARD_IF_NONE:
    case Op.POP_JUMP_BACKWARD_IF_NOT_NONE:
    case Op.SEND:
      return true;
    default:
      return false;
  }
}

/** Names of the opcodes, for the disassembler and error messages. */
export const OP_NAMES: Readonly<Record<number, string>> = {
  1: "POP_TOP", 2: "PUSH_NULL", 9: "NOP", 10: "UNARY_POSITIVE", 11: "UNARY_NEGATIVE", 12: "UNARY_NOT",
  15: "UNARY_INVERT", 25: "BINARY_SUBSCR", 30: "GET_LEN", 31: "MATCH_MAPPING", 32: "MATCH_SEQUENCE", 33: "MATCH_KEYS", 35: "PUSH_EXC_INFO", 36: "CHECK_EXC_MATCH", 37: "CHECK_EG_MATCH", 49: "WITH_EXCEPT_START",
  53: "BEFORE_WITH", 60: "STORE_SUBSCR", 61: "DELETE_SUBSCR", 68: "GET_ITER", 69: "GET_YIELD_FROM_ITER",
  70: "PRINT_EXPR", 71: "LOAD_BUILD_CLASS", 74: "LOAD_ASSERTION_ERROR", 75: "RETURN_GENERATOR",
  82: "LIST_TO_TUPLE", 83: "RETURN_VALUE", 84: "IMPORT_STAR", 85: "SETUP_ANNOTATIONS", 86: "YIELD_VALUE", 88: "PREP_RERAISE_STAR",
  89: "POP_EXCEPT", 90: "STORE_NAME", 91: "DELETE_NAME", 92: "UNPACK_SEQUENCE", 93: "FOR_ITER", 94: "UNPACK_EX",
  95: "STORE_ATTR", 96: "DELETE_ATTR", 97: "STORE_GLOBAL", 98: "DELETE_GLOBAL", 99: "SWAP", 100: "LOAD_CONST",
  101: "LOAD_NAME", 102: "BUILD_TUPLE", 103: "BUILD_LIST", 104: "BUILD_SET", 105: "BUILD_MAP", 106: "LOAD_ATTR",
  107: "COMPARE_OP", 108: "IMPORT_NAME", 109: "IMPORT_FROM", 110: "JUMP_FORWARD", 111: "JUMP_IF_FALSE_OR_POP",
  112: "JUMP_IF_TRUE_OR_POP", 114: "POP_JUMP_FORWARD_IF_FALSE", 115: "POP_JUMP_FORWARD_IF_TRUE",
  116: "LOAD_GLOBAL", 117: "IS_OP", 118: "CONTAINS_OP", 119: "RERAISE", 120: "COPY", 122: "BINARY_OP",
  123: "SEND", 124: "LOAD_FAST", 125: "STORE_FAST", 126: "DELETE_FAST", 128: "POP_JUMP_FORWARD_IF_NOT_NONE",
  129: "POP_JUMP_FORWARD_IF_NONE", 130: "RAISE_VARARGS", 132: "MAKE_FUNCTION", 133: "BUILD_SLICE",
  134: "JUMP_BACKWARD_NO_INTERRUPT", 135: "MAKE_CELL", 136: "LOAD_CLOSURE", 137: "LOAD_DEREF",
  138: "STORE_DEREF", 139: "DELETE_DEREF", 140: "JUMP_BACKWARD", 142: "CALL_FUNCTION_EX", 145: "LIST_APPEND",
  146: "SET_ADD", 147: "MAP_ADD", 148: "LOAD_CLASSDEREF", 149: "COPY_FREE_VARS", 151: "RESUME", 152: "MATCH_CLASS",
  155: "FORMAT_VALUE", 156: "BUILD_CONST_KEY_MAP", 157: "BUILD_STRING", 160: "LOAD_METHOD", 162: "LIST_EXTEND",
  163: "SET_UPDATE", 164: "DICT_MERGE", 165: "DICT_UPDATE", 166: "PRECALL", 171: "CALL", 172: "KW_NAMES",
  173: "POP_JUMP_BACKWARD_IF_NOT_NONE", 174: "POP_JUMP_BACKWARD_IF_NONE", 175: "POP_JUMP_BACKWARD_IF_FALSE",
  176: "POP_JUMP_BACKWARD_IF_TRUE",
};
