// The fuzzing loop: program i of seed S is fast-check's single run with seed S·1000003+i, so any one
// program reproduces alone; a program whose outputs differ is shrunk by fast-check (every shrink step
// runs both interpreters again) and then run under other CPython start-up conditions, to tell a real
// difference from a program whose output CPython itself does not fix.
import fc from "fast-check";
import { KNOWN_DIFFERENCES, SNIPPET_KINDS, programArbitrary, render } from "./gen.mjs";
import { PyheapRunner, PythonRunner, findPython } from "./runners.mjs";

/** How pyheap's result differs from python3's, or null when it does not. */
export function difference(py, ph) {
  if (!py.ok) return null; // python3 itself did not finish: not a program we can judge
  if (!ph.ok) return "pyheap-error";
  if (ph.stdout !== py.stdout) return "stdout";
  if (ph.stderr !== py.stderr) return "stderr";
  if (ph.exitCode !== py.exitCode) return "exit-status";
  if (ph.leakedCount) return "leak";
  if (ph.check !== "ok") return "heap-check";
  return null;
}

/** The snippet kinds to generate: `only` (default all) minus `without`, minus known differences not in `with`. */
export function chooseKinds({ only = [], without = [], withKnown = [] } = {}) {
  for (const k of [...only, ...without]) if (!SNIPPET_KINDS.includes(k)) throw new Error(`unknown snippet kind '${k}' (kinds: ${SNIPPET_KINDS.join(", ")})`);
  for (const k of withKnown) if (!(k in KNOWN_DIFFERENCES)) throw new Error(`unknown known-difference flag '${k}' (flags: ${Object.keys(KNOWN_DIFFERENCES).join(", ") || "none"})`);
  const excluded = new Set(without);
  for (const [flag, info] of Object.entries(KNOWN_DIFFERENCES)) if (!withKnown.includes(flag)) for (const k of info.kinds ?? []) excluded.add(k);
  const base = only.length ? only : SNIPPET_KINDS;
  return {
    kinds: base.filter((k) => !excluded.has(k)),
    features: Object.fromEntries(withKnown.map((f) => [f, true])),
    excludeFeatures: Object.keys(KNOWN_DIFFERENCES).filter((f) => !withKnown.includes(f)),
  };
}

/**
 * Runs `count` programs (or until `timeSec` has passed) and resolves to a summary. `onMismatch` is called
 * with each new minimal mismatch, `onProgress` after each program.
 */
export async function fuzz({ seed, count = 100, timeSec = Infinity, kinds = SNIPPET_KINDS, features = {}, maxSnippets = 6, shrink = true, shrinkTimeSec = 60, python, onProgress, onMismatch } = {}) {
  const py = new PythonRunner({ exe: (python ?? findPython()).exe });
  const ph = new PyheapRunner();
  const arb = programArbitrary({ kinds, maxSnippets, features });
  const started = Date.now();
  const summary = { seed, programs: 0, mismatches: [], unstable: 0, unstableExamples: [], pythonTimeouts: 0, pythonRuns: 0, pyheapRuns: 0, ms: 0 };
  const seen = new Set();
  const runBoth = async (source) => {
    summary.pythonRuns++;
    summary.pyheapRuns++;
    const [a, b] = await Promise.all([py.run(source, 0), ph.run(source)]);
    return { py: a, ph: b };
  };
  try {
    for (let i = 0; i < count && (Date.now() - started) / 1000 < timeSec; i++) {
      let first = null;
      const details = await fc.check(
        fc.asyncProperty(arb, async (program) => {
          const source = render(program, features);
          const r = await runBoth(source);
          if (first === null) {
            first = { source, ...r };
            if (!r.py.ok) summary.pythonTimeouts++;
          }
          return difference(r.py, r.ph) === null;
        }),
        { seed: (Math.imul(seed, 1000003) + i) | 0, numRuns: 1, endOnFailure: !shrink, interruptAfterTimeLimit: shrink ? shrinkTimeSec * 1000 : undefined },
      );
      summary.programs++;
      if (details.failed && details.counterexample) {
        let program = details.counterexample[0];
        let source = render(program, features);
        let r = await runBoth(source);
        const reason = difference(r.py, r.ph);
        if (reason !== null && shrink) {
          // fast-check shrinks inside snippets; whole snippets (and the uncaught tail) that the
          // difference does not need are dropped here, one at a time, keeping the same kind of difference
          const candidates = (p) => [...(p.tail ? [{ ...p, tail: null }] : []), ...p.snippets.map((_, j) => ({ ...p, snippets: p.snippets.filter((__, k) => k !== j) })).filter((c) => c.snippets.length)];
          for (let changed = true; changed; ) {
            changed = false;
            for (const c of candidates(program)) {
              const src = render(c, features);
              const rc = await runBoth(src);
              if (difference(rc.py, rc.ph) === reason) {
                program = c;
                source = src;
                r = rc;
                changed = true;
                break;
              }
            }
          }
        }
        if (reason !== null) {
          // the same program under other start-up conditions (site imported, other hash seeds)
          const others = [await py.run(source, 1), await py.run(source, 2)];
          summary.pythonRuns += 2;
          const stable = others.every((o) => o.ok && o.stdout === r.py.stdout && o.stderr === r.py.stderr && o.exitCode === r.py.exitCode);
          if (!stable) {
            summary.unstable++;
            if (summary.unstableExamples.length < 20) summary.unstableExamples.push({ index: i, source, outputs: [r.py, ...others] });
          }
          else if (!seen.has(source)) {
            seen.add(source);
            const m = { index: i, reason, source, kinds: [...new Set([...program.snippets, program.tail].filter(Boolean).map((s) => s.kind))], shrinks: details.numShrinks, original: first?.source, python: r.py, pyheap: r.ph };
            summary.mismatches.push(m);
            await onMismatch?.(m);
          }
        }
      }
      onProgress?.(summary, i);
    }
  } finally {
    ph.close();
    py.close();
  }
  summary.ms = Date.now() - started;
  return summary;
}
