/**
 * What a worker runs when its thread starts: every module written as Python source is compiled and run
 * here twice, so the interpreter's compiler and those modules' paths are jitted before a request comes.
 * Cold, a program importing functools or typing used 150–330 ms of CPU and stopped at the 50 ms CPU limit
 * on each new worker's first few requests; after this warm-up (~1 s of CPU per worker, at the lowest
 * priority) the same imports take 15–35 ms. json and enum (Python source too) cost 90–115 ms and 145–300 ms
 * of CPU on a first import after the rest of this warm-up, 5–17 ms and 26–47 ms after it (load 24). re,
 * statistics and textwrap with pprint (Python source too) took 92–135 ms of CPU each after the rest of this
 * warm-up, 29–47 ms with them in it (+160 ms of warm-up, load 1–2, 27 Nov). collections.abc (which also makes
 * collections' UserDict/UserList/UserString), contextlib and io: a first `from collections.abc import
 * Iterable` took 349–354 ms of CPU after the rest of this warm-up, 65–95 ms with them in it; `from collections
 * import UserDict` 125–145 → 49–86 ms; io with contextlib.redirect_stdout 94–105 → 13–14 ms (+0.4–1.2 s of
 * warm-up; load 24–28, 27 Nov 10:52 UTC).
 */
export const WARM_UP_PROGRAM =
  "import collections, functools, itertools, heapq, bisect, dataclasses, typing, string, operator, abc, random, math, copy, weakref, json, enum, re, statistics, fractions, pprint, textwrap, collections.abc, contextlib, io\n";

/** The warm-up runs' options: a wall-time limit past what the first pass takes on a loaded machine (12 s seen at load 26). */
export const WARM_UP_OPTIONS = { limits: { timeoutMs: 120_000 } };
