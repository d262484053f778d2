/**
 * Export of a trace to the Python Tutor trace format (`{code, trace: [{line, event, func_name, globals,
 * ordered_globals, stack_to_render, heap, stdout}]}`), which other viewers read.
 *
 * Mapping: int, float, bool, None and str values are written inline as Python Tutor does by default;
 * every other object becomes a heap entry keyed by its `id()` (LIST, TUPLE, SET, DICT, INSTANCE, CLASS,
 * FUNCTION, or HEAP_PRIMITIVE for anything else). Only objects reachable from the frames are listed.
 * Relies on the trace schema only (through Session for materialised heaps).
 */
import type { FrameView, HeapObject, Trace } from "./schema.js";
import { Session } from "./session.js";

/** An encoded Python Tutor value: an inline primitive or a ["REF", id]. */
export type PtValue = number | string | boolean | null | ["REF", number] | ["SPECIAL_FLOAT", string];
/** A heap entry in Python Tutor's encoding, e.g. ["LIST", 1, ["REF", 2]]. */
export type PtHeapEntry = [string, ...unknown[]];

export interface PtFrame {
  func_name: string;
  frame_id: number;
  encoded_locals: Record<string, PtValue>;
  ordered_varnames: string[];
  is_highlighted: boolean;
  is_parent: boolean;
  is_zombie: boolean;
  parent_frame_id_list: number[];
  unique_hash: string;
}

export interface PtStep {
  line: number;
  event: "step_line" | "call" | "return" | "exception" | "uncaught_exception";
  func_name: string;
  globals: Record<string, PtValue>;
  ordered_globals: string[];
  stack_to_render: PtFrame[];
  heap: Record<string, PtHeapEntry>;
  stdout: string;
  exception_msg?: string;
}

export interface PythonTutorTrace {
  code: string;
  trace: PtStep[];
}

const INLINE = new Set(["int", "float", "bool", "NoneType", "str"]);

function inlineValue(o: HeapObject): PtValue {
  switch (o.type) {
    case "NoneType":
      return null;
    case "bool":
      return o.repr === "True";
    case "int": {
      const n = Number(o.repr);
      return Number.isSafeInteger(n) ? n : o.repr;
    }
    case "float":
      if (o.repr === "inf" || o.repr === "-inf" || o.repr === "nan") return ["SPECIAL_FLOAT", o.repr];
      return Number(o.repr);
    default:
      return unquote(o.repr);
  }
}

/** The text of a str from its repr (as far as the short repr goes). */
function unquote(repr: string): string {
  const m = /^(['"])(.*)\1$/s.exec(repr);
  if (!m) return repr;
  return m[2]!.replace(/\\(['"\\])/g, "$1").replace(/\\n/g, "\n").replace(/\\t/g, "\t");
}

function encode(serial: number, heap: Map<number, HeapObject>, out: Record<string, PtHeapEntry>): PtValue {
  const o = heap.get(serial);
  if (!o) return null;
  if (INLINE.has(o.type)) return inlineValue(o);
  const id = Number(o.id);
  if (out[o.id]) return ["REF", id];
  const entry: PtHeapEntry = ["HEAP_PRIMITIVE", o.type, o.repr];
  out[o.id] = entry;
  const refs = o.referents;
  const items = () => refs.map((r) => encode(r.serial, heap, out));
  const pairs = (src: HeapObject) => {
    const res: [PtValue, PtValue][] = [];
    for (let i = 0; i + 1 < src.referents.length; i += 2) res.push([encode(src.referents[i]!.serial, heap, out), encode(src.referents[i + 1]!.serial, heap, out)]);
    return res;
  };
  // a class made by a metaclass has the metaclass as its type, and a class's repr
  const kind = o.type !== "type" && /^<class '/.test(o.repr) ? "type" : o.type;
  switch (kind) {
    case "list":
      out[o.id] = ["LIST", ...items()];
      break;
    case "tuple":
      out[o.id] = ["TUPLE", ...items()];
      break;
    case "set":
    case "frozenset":
      out[o.id] = ["SET", ...items()];
      break;
    case "dict":
      out[o.id] = ["DICT", ...pairs(o)];
      break;
    case "function":
      out[o.id] = ["FUNCTION", o.repr.replace(/^<function (\S+) at .*$/, "$1"), null];
      break;
    case "type":
      out[o.id] = ["CLASS", o.repr.replace(/^<class '(?:__main__\.)?(.*)'>$/, "$1"), []];
      break;
    default: {
      // attributes: a materialized __dict__, or values named ".attr" (shared keys, __slots__)
      const dictRef = refs.find((r) => r.label === "__dict__");
      const d = dictRef ? heap.get(dictRef.serial) : undefined;
      const attrs: [string, PtValue][] = refs.filter((r) => r.label.startsWith(".")).map((r) => [r.label.slice(1), encode(r.serial, heap, out)]);
      if (d && d.type === "dict") for (const [k, v] of pairs(d)) attrs.push([typeof k === "string" ? k : String(k), v]);
      if (d || attrs.length || refs.some((r) => r.label === "__class__")) out[o.id] = ["INSTANCE", o.type, ...attrs];
    }
  }
  return ["REF", id];
}

function encodeLocals(f: FrameView, heap: Map<number, HeapObject>, out: Record<string, PtHeapEntry>): [Record<string, PtValue>, string[]] {
  const vals: Record<string, PtValue> = {};
  const names: string[] = [];
  for (const l of f.locals) {
    vals[l.name] = encode(l.serial, heap, out);
    names.push(l.name);
  }
  return [vals, names];
}

/** Convert a trace to Python Tutor's format (steps of instruction traces become line steps too). */
export function toPythonTutor(trace: Trace): PythonTutorTrace {
  const session = new Session(trace);
  const steps: PtStep[] = [];
  for (let i = 0; i < session.length; i++) {
    const view = session.step(i);
    const heapOut: Record<string, PtHeapEntry> = {};
    const frames = view.frames;
    const [globals, orderedGlobals] = frames[0] ? encodeLocals(frames[0], view.heap, heapOut) : [{}, []];
    const stack: PtFrame[] = frames.slice(1).map((f, k) => {
      const [locals, varnames] = encodeLocals(f, view.heap, heapOut);
      return {
        func_name: f.name,
        frame_id: k + 1,
        encoded_locals: locals,
        ordered_varnames: varnames,
        is_highlighted: k === frames.length - 2,
        is_parent: false,
        is_zombie: false,
        parent_frame_id_list: [],
        unique_hash: `${f.name}_f${k + 1}`,
      };
    });
    const last = i === session.length - 1;
    const failed = last && trace.outcome.status === "exception";
    const pt: PtStep = {
      line: view.line,
      event: failed ? "uncaught_exception" : view.step.kind === "return" ? "return" : "step_line",
      func_name: frames[frames.length - 1]?.name ?? "<module>",
      globals,
      ordered_globals: orderedGlobals,
      stack_to_render: stack,
      heap: heapOut,
      stdout: view.stdout,
    };
    if (failed && trace.outcome.status === "exception") pt.exception_msg = `${trace.outcome.type}: ${trace.outcome.message}`;
    steps.push(pt);
  }
  return { code: trace.source, trace: steps };
}
