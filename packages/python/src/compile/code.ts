/**
 * The code object: the only thing the compiler hands to the VM.
 *
 * A compilation unit (one script, one REPL statement, one exec/eval source) compiles to one module code
 * object; functions, lambdas, class bodies and comprehensions are nested code objects found among the
 * constants (`{kind: "code"}`). Constant descriptors are plain data; the VM turns them into heap objects.
 *
 * Identity contract for constants (CPython 3.11 merges constants per compilation unit):
 * - two descriptors that are the SAME JavaScript object must become the SAME Python object, even when they
 *   sit in the co_consts of different code objects of the unit, or inside a tuple/frozenset constant;
 * - distinct descriptor objects become distinct Python objects, except where the runtime hands back a
 *   cached object anyway (None/True/False/Ellipsis, small ints -5..256, '', 1-char latin-1 strings, b'',
 *   1-byte bytes, (), and strings marked `interned`, which go through the interned-string table).
 * Nothing here owns heap memory; descriptors are immutable once compileModule returns.
 */
import type { Op } from "./opcodes.js";
import type { Pos } from "../parse/ast.js";

/** co_flags bits (CPython 3.11 values). */
export const enum CodeFlag {
  /** Locals live in fast slots (functions, lambdas, comprehensions; not module or class bodies). */
  OPTIMIZED = 0x0001,
  /** A new locals dict/array per call (same set as OPTIMIZED here). */
  NEWLOCALS = 0x0002,
  /** Has a `*args` parameter (its name follows the positional and keyword-only ones in co_varnames). */
  VARARGS = 0x0004,
  /** Has a `**kwargs` parameter (its name comes last among the parameters in co_varnames). */
  VARKEYWORDS = 0x0008,
  /** Defined inside another function (a nested scope). */
  NESTED = 0x0010,
  /** A generator function: calling it returns a generator (the body starts with RETURN_GENERATOR). */
  GENERATOR = 0x0020,
}

/** Kinds of the entries of co_localsplusnames (CPython 3.11's CO_FAST_* bits). */
export const enum LocalKind {
  /** A plain local or parameter (may be combined with CELL for a parameter captured by an inner scope). */
  LOCAL = 0x20,
  /** A cell variable: MAKE_CELL at the start turns the slot into a cell. */
  CELL = 0x40,
  /** A free variable: COPY_FREE_VARS copies the closure's cells into these slots. */
  FREE = 0x80,
}

/** A constant, as the compiler describes it. */
export type Const =
  | ConstNone
  | ConstBool
  | ConstEllipsis
  | ConstInt
  | ConstFloat
  | ConstComplex
  | ConstStr
  | ConstBytes
  | ConstTuple
  | ConstFrozenset
  | ConstCode;

interface ConstBase {
  /**
   * References the unit's parse tree (CPython's AST arena) holds on this object while the unit runs:
   * 1 when the object was created by the parser or the AST optimizer and won the per-unit merge, 0 when
   * the compiler created it (qualname strings, keyword-name tuples, the tuple behind a list display,
   * every frozenset), 2 for an item first seen in `x in {…}` (the optimizer's own frozenset, kept alive by
   * the arena, holds it too). Verified against sys.getrefcount in python3 (test/compile-arena.test.ts).
   * The VM adds them when it creates the object and drops them when the unit's body has finished (script:
   * after the module body returns; REPL: after each statement). Only script/REPL/`-c`-like sources have an
   * arena that outlives compilation; for compiled-then-exec'd code the VM should ignore this count.
   */
  readonly arenaRefs: number;
}
export interface ConstNone extends ConstBase { readonly kind: "none" }
export interface ConstBool extends ConstBase { readonly kind: "bool"; readonly value: boolean }
export interface ConstEllipsis extends ConstBase { readonly kind: "ellipsis" }
/** An int of any size (small ints -5..256 are the runtime's cached objects). */
export interface ConstInt extends ConstBase { readonly kind: "int"; readonly value: bigint }
export interface ConstFloat extends ConstBase { readonly kind: "float"; readonly value: number }
/** A complex number; only imaginary literals (`2j`) and folds of them produce one. */
export interface ConstComplex extends ConstBase { readonly kind: "complex"; readonly real: number; readonly imag: number }
export interface ConstStr extends ConstBase {
  readonly kind: "str";
  readonly value: string;
  /** True when CPython interns this constant at compile time (made only of ASCII letters, digits, `_`). */
  readonly interned: boolean;
}
export interface ConstBytes extends ConstBase { readonly kind: "bytes"; readonly value: Uint8Array }
/** A tuple of constants; items are canonical descriptors of the unit (shared where CPython shares them). */
export interface ConstTuple extends ConstBase { readonly kind: "tuple"; readonly items: readonly Const[] }
/** A frozenset constant (from `x in {1, 2}` / `for x in {1, 2}` / set displays); items in source order. */
export interface ConstFrozenset extends ConstBase { readonly kind: "frozenset"; readonly items: readonly Const[] }
/** A nested code object (function, lambda, class body, comprehension). */
export interface ConstCode extends ConstBase { readonly kind: "code"; readonly code: CodeObject }

/**
 * One entry of the exception table (3.11 semantics). While the instruction at index i with
 * `start <= i < end` raises, the VM pops the value stack down to `depth` items, pushes the index of the
 * raising instruction as an int when `lasti` is set, pushes the exception, and jumps to `target`.
 * Entries never overlap; an instruction that no entry covers propagates the exception out of the frame.
 */
export interface ExceptionTableEntry {
  /** First covered instruction index. */
  readonly start: number;
  /** One past the last covered instruction index. */
  readonly end: number;
  /** Index of the handler's first instruction. */
  readonly target: number;
  /** Value-stack depth to restore before pushing (lasti and) the exception. */
  readonly depth: number;
  /** Whether to push the raising instruction's index (used by RERAISE to restore f_lasti). */
  readonly lasti: boolean;
}

/** A compiled body: module, function, lambda, class body or comprehension. */
export interface CodeObject {
  /** `<module>`, the function/class name, `<lambda>`, `<listcomp>`, `<setcomp>`, `<dictcomp>`, `<genexpr>`. */
  readonly co_name: string;
  /** Dotted qualified name as in 3.11 (`C.f`, `f.<locals>.g`, `f.<locals>.<lambda>`); MAKE_FUNCTION uses it. */
  readonly co_qualname: string;
  /** The file name given to the compiler. */
  readonly co_filename: string;
  /** Line of the `def`/`class` (of its first decorator when decorated); 1 for a module. */
  readonly co_firstlineno: number;
  /** Number of positional parameters (including positional-only ones), without `*args`. */
  readonly co_argcount: number;
  /** Number of positional-only parameters (before `/`). */
  readonly co_posonlyargcount: number;
  /** Number of keyword-only parameters (after `*` or `*args`), without `**kwargs`. */
  readonly co_kwonlyargcount: number;
  /** Bit set of CodeFlag. */
  readonly co_flags: number;
  /**
   * Local variable names: parameters first (positional, keyword-only, then *args, then **kwargs), then the
   * other locals in order of first appearance. Empty for module and class bodies (they use names).
   */
  readonly co_varnames: readonly string[];
  /** Names of cell variables (locals captured by inner scopes), sorted as 3.11 sorts them. */
  readonly co_cellvars: readonly string[];
  /** Names of free variables (captured from enclosing scopes), sorted as 3.11 sorts them. */
  readonly co_freevars: readonly string[];
  /** Global, attribute, imported and (in module/class bodies) variable names used by the *_NAME/ATTR ops. */
  readonly co_names: readonly string[];
  /** Constants, de-duplicated per code object and merged per compilation unit (see the file header). */
  readonly co_consts: readonly Const[];
  /**
   * The fast-locals layout of a frame, as 3.11's localsplus: co_varnames, then the cell variables that are
   * not parameters, then the free variables. LOAD_FAST/STORE_FAST/DELETE_FAST and every cell/free opcode
   * (MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLASSDEREF) index this array.
   */
  readonly co_localsplusnames: readonly string[];
  /** LocalKind bits for each entry of co_localsplusnames. */
  readonly co_localspluskinds: Uint8Array;
  /** co_varnames.length. */
  readonly co_nlocals: number;
  /** Maximum value-stack depth the body needs (NULL slots included). */
  readonly co_stacksize: number;
  /** Instructions: opcode at [2*i], argument at [2*i+1] (0 when unused). Jump arguments are absolute indices. */
  readonly co_code: Int32Array;
  /** Number of instructions (co_code.length / 2). */
  readonly co_ninstructions: number;
  /**
   * Source positions per instruction i: [4*i] line, [4*i+1] end line, [4*i+2] start column,
   * [4*i+3] end column; lines 1-based, columns 0-based character offsets into the line (UTF-16 units);
   * -1 where an instruction has no position (as `None` in 3.11's co_positions(): exception-handler entries
   * such as PUSH_EXC_INFO and the COPY/POP_EXCEPT/RERAISE clean-ups); positions of compiler-made
   * instructions are propagated as 3.11 does, so lines equal python3's. The module's RESUME has line 0.
   */
  readonly co_positions: Int32Array;
  /** The exception table, sorted by start. */
  readonly co_exceptiontable: readonly ExceptionTableEntry[];
}

/** The opcode of instruction i. */
export function opAt(code: CodeObject, i: number): Op {
  return code.co_code[2 * i] as Op;
}

/** The argument of instruction i. */
export function argAt(code: CodeObject, i: number): number {
  return code.co_code[2 * i + 1]!;
}

/** The line of instruction i, or -1. */
export function lineAt(code: CodeObject, i: number): number {
  return code.co_positions[4 * i]!;
}

/** A problem found while parsing or compiling; the run layer prints it in CPython's format. */
export interface CompileError {
  readonly type: "SyntaxError" | "IndentationError" | "TabError";
  readonly msg: string;
  readonly filename: string;
  /** 1-based line. */
  readonly lineno: number;
  /** 1-based column as in CPython's SyntaxError.offset (where the caret goes). */
  readonly offset: number;
  /** 1-based end column (exclusive), or the same as offset when unknown. */
  readonly end_offset: number;
  /** The source line (without its newline), or "" when the error is at end of input. */
  readonly text: string;
  /** End line, as SyntaxError.end_lineno. */
  readonly end_lineno: number;
  /** Found at the end of the input: a script's error then has no column (offset 0, no caret). */
  readonly atEnd?: boolean;
}

/** A compile-time warning (3.11: the `is` with a literal SyntaxWarning). Printed by the run layer as
 * `{filename}:{lineno}: {category}: {message}` followed by the source line indented by two spaces. */
export interface CompileWarning {
  readonly category: "SyntaxWarning";
  readonly message: string;
  readonly filename: string;
  readonly lineno: number;
  /** The source line, stripped of leading and trailing whitespace as the warnings module prints it. */
  readonly text: string;
  /** Where in the line (the SyntaxError compile() raises when a filter turns the warning into an error). */
  readonly pos?: Pos;
}

/** The result of compiling one unit. */
export interface CompiledUnit {
  /** The module code object. */
  readonly code: CodeObject;
  /** Every distinct constant descriptor of the unit (each once), in order of creation. */
  readonly constants: readonly Const[];
  /** Warnings, in source order, to be printed before the unit runs. */
  readonly warnings: readonly CompileWarning[];
}
