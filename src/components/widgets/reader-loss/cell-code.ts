/** The code a reader now sees in a notebook cell: the editor's text, else a saved edit, else the book's code. */
import { loadEdit } from '../../../notebook/storage';

/** The site's localStorage, or null where the browser refuses it. */
const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** The current code of the cell whose `data-cell` is `cellId` ('' when there is no such cell). */
export async function currentCellCode(cellId: string): Promise<string> {
  const figure = [...document.querySelectorAll<HTMLElement>('[data-cell]')].find((el) => el.dataset['cell'] === cellId);
  if (!figure) return '';
  const editor = figure.querySelector<HTMLElement>('.cm-editor');
  if (editor) {
    // The editor is on the page, so CodeMirror is loaded already: this import costs nothing more.
    const { EditorView } = await import('@codemirror/view');
    const view = EditorView.findFromDOM(editor);
    if (view) return view.state.doc.toString();
  }
  const saved = loadEdit(storage(), cellId);
  return saved.code ?? figure.dataset['cellSource'] ?? '';
}
