// The CodeMirror 6 editor: Go highlighting, lint marks for compile errors
// (placed with the UTF-16 column), line highlights for the views, and the
// system's light/dark theme.
import { basicSetup } from 'codemirror';
import { go } from '@codemirror/lang-go';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { Compartment, EditorState, Prec, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, keymap, type DecorationSet } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { oneDark } from '@codemirror/theme-one-dark';
import type { Diagnostic } from './wasm-pkg/chanscope_wasm';

/** Lines to mark: `selected` (one line, a click in a view) and `blocked` (report). */
const setLines = StateEffect.define<{ selected?: number | null; blocked?: number[] }>();

const lineMarks = StateField.define<{ selected: number | null; blocked: number[]; deco: DecorationSet }>({
  create: () => ({ selected: null, blocked: [], deco: Decoration.none }),
  update(v, tr) {
    let { selected, blocked } = v;
    let changed = false;
    for (const e of tr.effects) {
      if (e.is(setLines)) {
        if (e.value.selected !== undefined) selected = e.value.selected;
        if (e.value.blocked !== undefined) blocked = e.value.blocked;
        changed = true;
      }
    }
    if (!changed) return { selected, blocked, deco: v.deco.map(tr.changes) };
    const doc = tr.state.doc;
    const marks = new Map<number, string>();
    for (const l of blocked) if (l >= 1 && l <= doc.lines) marks.set(l, 'cs-line-blocked');
    if (selected && selected >= 1 && selected <= doc.lines) marks.set(selected, (marks.get(selected) ?? '') + ' cs-line-selected');
    const b = new RangeSetBuilder<Decoration>();
    for (const l of [...marks.keys()].sort((a, b) => a - b)) b.add(doc.line(l).from, doc.line(l).from, Decoration.line({ class: marks.get(l)!.trim() }));
    return { selected, blocked, deco: b.finish() };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

export interface Editor {
  view: EditorView;
  getText(): string;
  setText(s: string): void;
  showDiagnostics(d: Diagnostic[]): void;
  selectLine(line: number): void;
  markBlocked(lines: number[]): void;
  setReadOnly(on: boolean): void;
  /** "auto" follows the system's light/dark setting. */
  setTheme(t: EditorTheme): void;
  destroy(): void;
}

export type EditorTheme = 'auto' | 'light' | 'dark';

export interface EditorOptions {
  doc: string;
  onRun(): void;
  onChange(text: string): void;
  readOnly?: boolean;
  /** Default "auto". */
  theme?: EditorTheme;
}

/** CodeMirror range of a compile error: from its UTF-16 column to the end of the word there. */
export function diagnosticRange(doc: EditorState['doc'], d: Diagnostic): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(d.colUtf16 - 1, 0), line.to);
  let to = from;
  const text = line.text;
  while (to < line.to && /[\w.]/.test(text[to - line.from])) to++;
  if (to === from) to = Math.min(from + 1, line.to);
  if (to === from && from > line.from) return { from: from - 1, to: from };
  return { from, to };
}

export function createEditor(parent: HTMLElement, opts: EditorOptions): Editor {
  const theme = new Compartment();
  const readOnly = new Compartment();
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  let themeSetting: EditorTheme = opts.theme ?? 'auto';
  const isDark = () => (themeSetting === 'auto' ? dark.matches : themeSetting === 'dark');
  const ro = (on: boolean) => [EditorState.readOnly.of(on), EditorView.editable.of(!on)];
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (opts.onRun(), true) }])),
        basicSetup,
        keymap.of([indentWithTab]),
        go(),
        lintGutter(),
        lineMarks,
        theme.of(isDark() ? oneDark : []),
        readOnly.of(ro(opts.readOnly ?? false)),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  const onScheme = () => view.dispatch({ effects: theme.reconfigure(isDark() ? oneDark : []) });
  dark.addEventListener('change', onScheme);
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(s) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: s }, effects: setLines.of({ selected: null, blocked: [] }) });
    },
    showDiagnostics(ds) {
      const doc = view.state.doc;
      const cm: CmDiagnostic[] = ds.map((d) => ({ ...diagnosticRange(doc, d), severity: 'error', message: d.message, source: `prog.go:${d.line}:${d.col}` }));
      view.dispatch(setDiagnostics(view.state, cm));
    },
    selectLine(line) {
      if (line < 1 || line > view.state.doc.lines) return;
      const pos = view.state.doc.line(line).from;
      view.dispatch({ effects: [setLines.of({ selected: line }), EditorView.scrollIntoView(pos, { y: 'center' })] });
    },
    markBlocked(lines) {
      view.dispatch({ effects: setLines.of({ blocked: lines }) });
    },
    setReadOnly(on) {
      view.dispatch({ effects: readOnly.reconfigure(ro(on)) });
    },
    setTheme(t) {
      themeSetting = t;
      onScheme();
    },
    destroy() {
      dark.removeEventListener('change', onScheme);
      view.destroy();
    },
  };
}
