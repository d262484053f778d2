/**
 * The program editor: CodeMirror 6 with Python highlighting. Loaded only when a reader starts editing
 * (a separate chunk), so the element's first render does not pay for it.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers } from "@codemirror/view";

/** An editor mounted in `parent` holding `doc`; Ctrl/Cmd+Enter calls `onRun`. */
export function createEditor(parent: HTMLElement, doc: string, onRun: () => void): { getText(): string; destroy(): void; view: EditorView } {
  const root = parent.getRootNode();
  const view = new EditorView({
    parent,
    root: root instanceof ShadowRoot || root instanceof Document ? root : undefined,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        history(),
        indentOnInput(),
        bracketMatching(),
        python(),
        // Tokens get stable class names (tok-keyword, tok-string…), coloured by the element's theme.
        syntaxHighlighting(classHighlighter),
        keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        EditorView.theme({
          "&": { fontSize: "13px", backgroundColor: "var(--c-bg)", color: "var(--c-fg)" },
          ".cm-content": { fontFamily: "var(--py-heap-mono-font, ui-monospace, 'DejaVu Sans Mono', monospace)", caretColor: "var(--c-fg)" },
          ".cm-gutters": { backgroundColor: "var(--c-panel)", color: "var(--c-muted)", border: "none" },
          "&.cm-focused": { outline: "2px solid var(--c-highlight)" },
        }),
        EditorView.contentAttributes.of({ "aria-label": "Python program" }),
      ],
    }),
  });
  view.focus();
  return { getText: () => view.state.doc.toString(), destroy: () => view.destroy(), view };
}
