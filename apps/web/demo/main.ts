/**
 * The demo page: one `<py-heap-view>` that shows the chapter named in the URL hash (`#cycle`), or the
 * playground (`#play` or `#play=<program>`), where the program is edited and kept in the hash so a link
 * shares it.
 */
import "../src/index.js";
import type { PyHeapView } from "../src/py-heap-view.js";
import { CHAPTERS, decodeProgram, encodeProgram } from "./chapters.js";

const view = document.getElementById("view") as PyHeapView;
const list = document.getElementById("chapter-list")!;
const title = document.getElementById("chapter-title")!;
const intro = document.getElementById("chapter-intro")!;
const themeButton = document.getElementById("theme-toggle")!;

const PLAYGROUND_DEFAULT = `# Edit me, then press Run (or Ctrl+Enter).
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

a = Node('a')
b = Node('b')
a.peer = b
b.peer = a
del a, b
print(gc.collect())
`;

for (const c of [...CHAPTERS, { slug: "play", title: "Playground" }]) {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = `#${c.slug}`;
  a.textContent = c.title;
  a.dataset.slug = c.slug;
  li.append(a);
  list.append(li);
}

function paragraphs(texts: string[]): void {
  intro.replaceChildren(
    ...texts.map((t) => {
      const p = document.createElement("p");
      p.textContent = t;
      return p;
    }),
  );
}

/** Shows what the hash names; unknown hashes show the first chapter. */
function route(): void {
  const hash = decodeURIComponent(location.hash.slice(1));
  const [slug, payload] = hash.split(/=(.*)/s, 2) as [string, string | undefined];
  for (const a of list.querySelectorAll("a")) {
    if (a.dataset.slug === (slug || CHAPTERS[0]!.slug)) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  if (slug === "play") {
    const code = (payload && decodeProgram(payload)) || PLAYGROUND_DEFAULT;
    title.textContent = "Playground";
    paragraphs(["Write any program. The link in the address bar keeps it: share it and the reader sees the same steps."]);
    view.editable = true;
    view.mode = "script";
    view.removeAttribute("gc-threshold");
    if (view.code !== code) {
      view.step = 0;
      view.code = code;
    }
    return;
  }
  const chapter = CHAPTERS.find((c) => c.slug === slug) ?? CHAPTERS[0]!;
  title.textContent = chapter.title;
  paragraphs(chapter.intro);
  view.editable = false;
  view.mode = chapter.mode ?? "script";
  if (chapter.gcThreshold) view.setAttribute("gc-threshold", chapter.gcThreshold);
  else view.removeAttribute("gc-threshold");
  if (view.code !== chapter.code) {
    view.step = 0;
    view.code = chapter.code;
  }
}

// Edited programs go to the hash (replaceState: no history entry per run).
view.addEventListener("run-complete", (e) => {
  if (!location.hash.startsWith("#play")) return;
  const next = `#play=${encodeProgram(e.detail.source)}`;
  if (location.hash !== next) history.replaceState(null, "", next);
});

function setTheme(dark: boolean): void {
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  view.theme = dark ? "dark" : "light";
  themeButton.setAttribute("aria-pressed", String(dark));
  localStorage.setItem("pyheap-theme", dark ? "dark" : "light");
}
themeButton.addEventListener("click", () => setTheme(document.documentElement.dataset.theme !== "dark"));
const stored = localStorage.getItem("pyheap-theme");
const queryTheme = new URLSearchParams(location.search).get("theme");
setTheme((queryTheme ?? stored ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light")) === "dark");

window.addEventListener("hashchange", route);
route();
