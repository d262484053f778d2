/**
 * Evaluated first of the element's module (the first import of src/index.ts, before Lit and the
 * element): when the page already holds a `<py-heap-view>` that will run its program in the page, the
 * interpreter's chunk and the WASM heap are asked for now, not once the element has been defined and
 * has begun its first update (in the library build loaded from one script tag, that came ~25 ms of the
 * main thread later, after Lit's and the element's code had run). A module script runs after the
 * document has been parsed, so the elements written in the page are there; an element made later by a
 * script starts the loading itself (PyHeapView.willUpdate), as before. Only the loading starts early:
 * nothing runs until the element asks. (An element with a program in the page that a script then gives
 * a ready `trace` instead has had the interpreter fetched for nothing.)
 */
import { preloadInPage } from "./runner.js";

/** The program an element in the page will run in the page, or null (none, or it uses the HTTP API). */
export function programToRunInPage(el: Element): string | null {
  if (el.hasAttribute("api")) return null;
  const text = el.getAttribute("code") ?? el.textContent ?? "";
  // `src`: the program is fetched by the element; the interpreter is needed all the same
  return text.trim() || el.hasAttribute("src") ? text : null;
}

if (typeof document !== "undefined") {
  for (const el of document.querySelectorAll("py-heap-view")) {
    const code = programToRunInPage(el);
    if (code !== null) preloadInPage(code);
  }
}
