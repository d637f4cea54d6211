/** The cell editor: CodeMirror 6 with TypeScript, the book's code colours (CSS variables), Shift+Enter to run. */
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { HighlightStyle, syntaxHighlighting, indentOnInput, bracketMatching } from '@codemirror/language';
import { javascript } from '@codemirror/lang-javascript';
import { tags } from '@lezer/highlight';

/** Token colours from CSS variables set per theme in src/styles/notebook.css (the same as Shiki's two themes). */
const bookHighlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.operatorKeyword, tags.modifier, tags.controlKeyword, tags.definitionKeyword],
    color: 'var(--code-keyword)',
  },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--code-number)' },
  { tag: tags.comment, color: 'var(--code-comment)', fontStyle: 'normal' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--code-function)' },
  { tag: [tags.typeName, tags.className], color: 'var(--code-type)' },
  { tag: [tags.variableName, tags.propertyName, tags.punctuation, tags.operator], color: 'var(--code-text)' },
]);

const bookTheme = EditorView.theme({
  '&': {
    color: 'var(--code-text)',
    backgroundColor: 'var(--code-bg)',
    fontSize: '0.9rem',
    maxHeight: '28rem',
    border: '1px solid var(--border)',
    borderRadius: '6px',
  },
  '.cm-content': { fontFamily: 'var(--font-mono, ui-monospace, monospace)', caretColor: 'var(--code-text)' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--code-gutter)', border: 'none' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { overflow: 'auto' },
});

/** Options of an editor. */
export interface EditorOptions {
  readonly doc: string;
  readonly label: string;
  readonly onRun: () => void;
  readonly onChange: (code: string) => void;
}

/**
 * Creates an editor in `parent`, inside a shadow root: there CodeMirror's styles go into a constructed stylesheet,
 * which the page's CSP allows, instead of a `<style>` element, which it blocks (no 'unsafe-inline' for styles).
 * The book's CSS variables still reach it, since custom properties inherit into shadow trees.
 */
export function createEditor(parent: HTMLElement, options: EditorOptions): EditorView {
  const runKey = { key: 'Shift-Enter', run: () => (options.onRun(), true) };
  const host = parent.ownerDocument.createElement('div');
  host.className = 'cell-editor-host';
  parent.append(host);
  const root = host.attachShadow({ mode: 'open' });
  return new EditorView({
    root,
    parent: root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        history(),
        indentOnInput(),
        bracketMatching(),
        javascript({ typescript: true }),
        syntaxHighlighting(bookHighlight),
        bookTheme,
        keymap.of([runKey, indentWithTab, ...defaultKeymap, ...historyKeymap]),
        // tabindex makes the editable area's focusability explicit, so checkers see the scroller holds a focusable element.
        EditorView.contentAttributes.of({ 'aria-label': options.label, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Replaces an editor's whole text (Reset, a shared link). */
export function setCode(view: EditorView, code: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
}
