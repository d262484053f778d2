// Host imports: the only calls from the core into the interpreter. Each may run Python code; callers in
// the core hold a reference to every object involved for the duration of the call.

/** Runs the __del__ (tp_finalize) of `obj` (borrowed; the core holds a reference during the call). */
@external("host", "finalize")
export declare function hostFinalize(obj: u32): void;

/** Calls `callback(weakref)`; both borrowed (the core holds references). */
@external("host", "weakref_callback")
export declare function hostWeakrefCallback(weakref: u32, callback: u32): void;

/** gc.callbacks: phase 0 = "start", 1 = "stop". */
@external("host", "gc_callback")
export declare function hostGcCallback(phase: i32, generation: i32, collected: i32, uncollectable: i32): void;

/** a == b by Python rules (__eq__): 1 true, 0 false, -1 an exception is pending in the interpreter. */
@external("host", "eq")
export declare function hostEq(a: u32, b: u32): i32;

/** hash(obj) by Python rules: writes the 64-bit hash at `out`; returns 0, or -1 if an exception is pending. */
@external("host", "hash")
export declare function hostHash(obj: u32, out: u32): i32;

/** An interned str (state bits 0-1 set) is being freed: the interpreter drops it from its table of
 *  interned strings (3.11's interned strings are mortal; the table holds no reference). `s` is borrowed
 *  and still readable during the call, which must not touch any count or run Python code. */
@external("host", "str_uninterned")
export declare function hostStrUninterned(s: u32): void;
