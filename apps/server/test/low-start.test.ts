// The start of a pool thread: the threads the pool starts with warm up at the normal priority, at most
// WORKERS at once; a thread started later (in place of a terminated one) at nice 19.
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { Startup, STARTUP_SLOTS, type WorkerStart } from "../src/pool/protocol.js";

const probe = new URL("./fixtures/low-start-probe.mjs", import.meta.url);
const started: Worker[] = [];

/** Starts a probe thread; `nice` resolves with the nice value it started at. */
function startProbe(workerData: WorkerStart | undefined): { worker: Worker; nice: Promise<number | null> } {
  const worker = new Worker(probe, { workerData });
  started.push(worker);
  const nice = new Promise<number | null>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return { worker, nice };
}

function block(normalStarts: number, freeWarmUps: number): WorkerStart {
  const startup = new SharedArrayBuffer(STARTUP_SLOTS * 4);
  Atomics.store(new Int32Array(startup), Startup.NormalStarts, normalStarts);
  Atomics.store(new Int32Array(startup), Startup.FreeWarmUps, freeWarmUps);
  return { startup };
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.terminate()));
});

describe("a pool thread's start", () => {
  it("the threads the pool starts with warm up at nice 0, a thread started later (or without the block) at nice 19", async () => {
    const start = block(2, 10);
    const nices: (number | null)[] = [];
    for (let i = 0; i < 4; i++) nices.push(await startProbe(start).nice);
    expect(nices).toEqual([0, 0, 19, 19]);
    expect(await startProbe(undefined).nice).toBe(19);
  });

  it("at most FreeWarmUps warm up at once: the next waits until one is done", async () => {
    const start = block(3, 1);
    const events: string[] = [];
    const first = startProbe(start);
    await first.nice.then(() => events.push("first started"));
    const second = startProbe(start);
    void second.nice.then(() => events.push("second started"));
    await new Promise((r) => setTimeout(r, 300));
    events.push("first done");
    first.worker.postMessage("done");
    expect(await second.nice).toBe(0);
    expect(events).toEqual(["first started", "first done", "second started"]);
  });
});
