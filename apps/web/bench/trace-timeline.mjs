#!/usr/bin/env node
// The first render's timeline from a Chromium trace written by `first-render.mjs --trace-out FILE`: every
// task of the page's renderer (main thread, V8's background compile threads, compositor, IO) longer than
// --min ms with its wall and CPU time and what it held (module evaluation, compiles, layout, GC), the
// network's requests (when the renderer asked for each file, when its bytes had arrived), and the
// element's performance marks; in ms from `py-heap-view:defined`, up to the first diagram.
//
//   node apps/web/bench/trace-timeline.mjs TRACE.json [--min 1]
//
// A task whose wall time is much longer than its CPU time waited for a core (other processes, or the
// renderer's other threads); one that starts late after a response arrived waited for its thread.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { min: { type: "string", default: "1" } } });
const events = JSON.parse(readFileSync(positionals[0], "utf8")).traceEvents;
const MIN_MS = Number(opts.min);
const mark = (name) => events.find((e) => e.name === name && e.cat?.includes("user_timing"));
const defined = mark("py-heap-view:defined");
const diagram = mark("py-heap-view:first-diagram");
if (!defined || !diagram) throw new Error("the trace has no py-heap-view:defined and first-diagram marks");
const pid = defined.pid;
const at = (ts) => ((ts - defined.ts) / 1000).toFixed(1).padStart(7);
const file = (url) => url.replace(/^.*\//, "").replace(/#.*/, "").slice(0, 40);
const threads = new Map(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.pid === pid).map((e) => [e.tid, e.args.name]));
const urlOf = new Map(events.filter((e) => e.name === "ResourceSendRequest").map((e) => [e.args.data.requestId, e.args.data.url]));

const rows = [];
for (const e of events) {
  const d = e.args?.data;
  if (e.cat?.includes("user_timing") && e.name.startsWith("py-heap-view:")) rows.push([e.ts, `mark ${e.name}`]);
  if (e.name === "ResourceSendRequest") rows.push([e.ts, `asked for ${file(d.url)} (priority ${d.priority})`]);
  // the network's own finish time; the event itself comes when the main thread takes the response
  if (e.name === "ResourceFinish" && d?.finishTime && urlOf.has(d.requestId)) rows.push([d.finishTime * 1e6, `arrived ${file(urlOf.get(d.requestId))} (main thread told at ${at(e.ts).trim()})`]);
}

// each thread's outermost complete events, with the notable events they hold
const NOTABLE = /evaluateModule|ParseProgram|CompileCode|parseOnBackground|wasm|Layout|UpdateLayoutTree|Paint|ParseHTML|GC|TimerFire|FireIdleCallback|FireAnimationFrame|EventDispatch/;
const byThread = new Map();
for (const e of events) if (e.pid === pid && e.ph === "X" && e.dur !== undefined) (byThread.get(e.tid) ?? byThread.set(e.tid, []).get(e.tid)).push(e);
for (const [tid, list] of byThread) {
  list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let top = null;
  let end = -Infinity;
  const held = new Map();
  const tops = [];
  for (const e of list) {
    if (e.ts >= end) {
      [top, end] = [e, e.ts + e.dur];
      tops.push(e);
    } else if (e.dur >= 300 && NOTABLE.test(e.name) && !held.get(top)?.some((k) => k.name === e.name)) (held.get(top) ?? held.set(top, []).get(top)).push(e);
  }
  const name = (threads.get(tid) ?? String(tid)).replace(/ThreadPoolForegroundWorker/, "V8 worker").slice(0, 16);
  for (const e of tops) {
    if (e.dur / 1000 < MIN_MS || e.ts > diagram.ts) continue;
    const inner = (held.get(e) ?? []).slice(0, 5).map((k) => `${k.name}${k.args?.data?.url ? ` ${file(k.args.data.url)}` : ""} ${(k.dur / 1000).toFixed(1)}`);
    rows.push([e.ts, `[${name.padEnd(16)}] wall ${(e.dur / 1000).toFixed(1).padStart(6)} cpu ${((e.tdur ?? 0) / 1000).toFixed(1).padStart(5)}  ${inner.join(", ")}`]);
  }
}
rows.sort((a, b) => a[0] - b[0]);
for (const [ts, text] of rows) if (ts <= diagram.ts) console.log(`${at(ts)}  ${text}`);
