"use client";
// CodeMirror 6 for openclaw.json, composed by hand instead of the `codemirror` meta package's
// basicSetup: line numbers, history, the default keymap, bracket matching, JSON5 highlighting with
// the Config page's own palette (Tailwind classes, so light and dark both read well), and a lint
// gutter fed by codemirror-json5's parser. Tab is left to the browser (no indentWithTab) so the
// keyboard can leave the editor. Loaded only with the editor flow (next/dynamic in the workspace).
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, linter, lintKeymap } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { drawSelection, EditorView, highlightSpecialChars, keymap, lineNumbers } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { json5, json5ParseLinter } from "codemirror-json5";
import { useEffect, useRef } from "react";

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, class: "text-sky-700 dark:text-sky-300" },
  { tag: tags.string, class: "text-emerald-700 dark:text-emerald-300" },
  { tag: tags.number, class: "text-amber-700 dark:text-amber-300" },
  { tag: [tags.bool, tags.null], class: "text-violet-700 dark:text-violet-300" },
  { tag: [tags.lineComment, tags.blockComment], class: "italic text-zinc-600 dark:text-zinc-400" },
]);

const theme = EditorView.theme({
  "&": { maxHeight: "32rem", fontSize: "0.75rem", backgroundColor: "transparent", color: "inherit" },
  ".cm-scroller": { overflow: "auto", fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace" },
  ".cm-content": { caretColor: "currentColor" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "currentColor" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
    backgroundColor: "rgb(245 158 11 / 0.3)",
  },
  ".cm-gutters": { backgroundColor: "transparent", color: "inherit", borderRight: "1px solid rgb(161 161 170 / 0.4)" },
});

interface Props {
  /** The text the editor starts from (remount with a new `key` to start over). */
  initialText: string;
  onChange: (text: string) => void;
  label: string;
  /** Ids of the note and the parse status under the editor. */
  describedBy?: string;
}

export function CodeEditor({ initialText, onChange, label, describedBy }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          lineNumbers(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          bracketMatching(),
          json5(),
          syntaxHighlighting(highlight),
          linter(json5ParseLinter(), { delay: 150 }),
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
          theme,
          EditorView.contentAttributes.of({
            "aria-label": label,
            ...(describedBy ? { "aria-describedby": describedBy } : {}),
          }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    return () => view.destroy();
    // The editor owns its text from here on; a new start is a new key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div
      ref={host}
      data-testid="config-code-editor"
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white text-zinc-900 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100 [&_.cm-gutters]:text-zinc-600! dark:[&_.cm-gutters]:text-zinc-400! [&_.cm-tooltip]:bg-white! [&_.cm-tooltip]:text-zinc-900! dark:[&_.cm-tooltip]:bg-zinc-900! dark:[&_.cm-tooltip]:text-zinc-100!"
    />
  );
}
