import { describe, expect, it } from "vitest";
import { RunnerError, runViaApi } from "../src/runner.js";
import { mutableListTrace } from "./fixtures/traces.js";

/** A fetch that records the request and answers `status` with `body`. */
function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit }[]): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen.push({ url, init });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

describe("runViaApi", () => {
  it("posts the program with a line trace and returns the result", async () => {
    const seen: { url?: string; init?: RequestInit }[] = [];
    const trace = mutableListTrace();
    const result = await runViaApi("http://127.0.0.1:9/base/", { code: "x = 1\n", mode: "repl", gcThreshold: [3] }, fakeFetch(200, { stdout: "", stderr: "", exitCode: 0, trace }, seen));
    expect(seen[0]!.url).toBe("http://127.0.0.1:9/base/api/v1/run");
    expect(seen[0]!.init!.method).toBe("POST");
    expect(JSON.parse(String(seen[0]!.init!.body))).toEqual({ code: "x = 1\n", mode: "repl", trace: "line", gcThreshold: [3] });
    expect(result.trace!.steps.length).toBe(3);
  });

  it("posts the element's stdin with the program", async () => {
    const seen: { url?: string; init?: RequestInit }[] = [];
    await runViaApi("http://h", { code: "print(input())\n", mode: "script", stdin: "Ann\n" }, fakeFetch(200, { stdout: "Ann\n", stderr: "", exitCode: 0, trace: mutableListTrace() }, seen));
    expect(JSON.parse(String(seen[0]!.init!.body))).toEqual({ code: "print(input())\n", mode: "script", trace: "line", stdin: "Ann\n" });
  });

  it("turns a problem response into a RunnerError with its detail", async () => {
    const f = fakeFetch(413, { type: "about:blank", title: "Payload Too Large", status: 413, detail: "code is over 64 KiB" }, []);
    const err = await runViaApi("http://h", { code: "x", mode: "script" }, f).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RunnerError);
    expect((err as RunnerError).kind).toBe("api");
    expect((err as RunnerError).message).toBe("http://h/api/v1/run answered 413: code is over 64 KiB");
  });

  it("reports an unreachable server and a non-JSON answer", async () => {
    const down = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    await expect(runViaApi("http://h", { code: "x", mode: "script" }, down)).rejects.toThrow("could not reach http://h/api/v1/run: fetch failed");
    await expect(runViaApi("http://h", { code: "x", mode: "script" }, fakeFetch(502, "<html>", []))).rejects.toThrow("answered 502 without JSON");
    await expect(runViaApi("http://h", { code: "x", mode: "script" }, fakeFetch(200, { stdout: "" }, []))).rejects.toThrow("returned no trace");
  });

  it("keeps the reason of a run the server stopped without a trace", async () => {
    const outcome = { status: "limit", limit: "time", message: "stopped after 10000 ms" };
    const r = await runViaApi("http://h", { code: "while True: pass\n", mode: "script" }, fakeFetch(200, { stdout: "", stderr: "x", exitCode: 1, outcome }, []));
    expect(r.trace!.steps).toEqual([]);
    expect(r.trace!.outcome).toEqual(outcome);
    expect(r.trace!.source).toBe("while True: pass\n");
  });
});
