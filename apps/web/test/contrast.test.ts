/**
 * The default palettes meet WCAG AA contrast (4.5:1 for text, 3:1 for large text and graphics) for every
 * pair the element draws text or marks with.
 */
import { describe, expect, it } from "vitest";
import { DARK, LIGHT } from "../src/py-heap-view.styles.js";

function palette(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/(--c-[a-z0-9-]+):\s*var\([^,]+,\s*(#[0-9a-fA-F]{6})\)/g)) out[m[1]!] = m[2]!;
  return out;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** [foreground, background, minimum ratio] */
const PAIRS: [string, string, number][] = [
  ["--c-fg", "--c-bg", 4.5],
  ["--c-fg", "--c-panel", 4.5],
  ["--c-muted", "--c-panel", 4.5],
  ["--c-muted", "--c-bg", 4.5],
  ["--c-fg", "--c-box", 4.5],
  ["--c-fg", "--c-frame", 4.5],
  ["--c-fg", "--c-line", 4.5],
  ["--c-fg", "--c-prev-line", 4.5],
  ["--c-accent-fg", "--c-accent", 4.5],
  ["--c-bg", "--c-gen0", 4.5],
  ["--c-bg", "--c-gen1", 4.5],
  ["--c-bg", "--c-gen2", 4.5],
  ["--c-muted", "--c-garbage-bg", 4.5],
  ["--c-garbage", "--c-bg", 3],
  ["--c-arrow", "--c-bg", 3],
  ["--c-box-border", "--c-bg", 3],
  ["--c-freed", "--c-bg", 3],
  ["--c-freed", "--c-panel", 4.5],
  ["--c-promoted", "--c-bg", 4.5],
  ["--c-new", "--c-bg", 4.5],
  ["--c-gen2", "--c-bg", 4.5],
  ["--c-accent", "--c-bg", 4.5],
  ["--c-new", "--c-bg", 3],
  ["--c-highlight", "--c-bg", 3],
  ["--c-bg", "--c-highlight", 4.5],
];

describe.each([
  ["light", LIGHT],
  ["dark", DARK],
])("%s palette", (_name, block) => {
  const p = palette(block);
  it("defines every colour", () => {
    expect(Object.keys(p).length).toBe(22);
  });
  it.each(PAIRS)("%s on %s reaches %d:1", (fg, bg, min) => {
    expect(contrast(p[fg]!, p[bg]!)).toBeGreaterThanOrEqual(min);
  });
});
