/** The only notebook code a chapter loads up front: shows the toolbars, then loads the notebook on first use. */
import { storageKey } from '../../notebook/storage';

let loading: Promise<void> | null = null;

/** Loads the editor and runtime once, and hands them the cell (and button) that asked. */
function load(root: Document, cell?: HTMLElement, action?: 'run' | 'focus'): Promise<void> {
  loading ??= import('./notebook.client').then(({ mountNotebook }) => mountNotebook(root));
  return loading.then(() => {
    if (cell && action) cell.dispatchEvent(new CustomEvent('cell:first-use', { detail: action }));
  });
}

/** True when this page has something the notebook must show at once: a shared cell or a saved edit. */
function needsNotebookNow(cells: readonly HTMLElement[]): boolean {
  if (location.hash.startsWith('#cell=')) return true;
  try {
    return cells.some((cell) => localStorage.getItem(storageKey(cell.dataset['cell'] ?? '')) !== null);
  } catch {
    return false;
  }
}

/** Wires every cell: Run, focus or a pointer on the code loads the notebook; nothing heavy loads before. */
export function bootCells(root: Document): void {
  const cells = [...root.querySelectorAll<HTMLElement>('[data-cell]')];
  for (const cell of cells) {
    cell.querySelector<HTMLElement>('[data-cell-toolbar]')?.removeAttribute('hidden');
    const run = cell.querySelector<HTMLButtonElement>('[data-cell-run]');
    // Once the notebook is up it handles these itself; this listener only covers the first use.
    const first = (action: 'run' | 'focus') => () =>
      void (root.documentElement.hasAttribute('data-notebook-ready') || load(root, cell, action));
    run?.addEventListener('click', first('run'), { once: true });
    cell.querySelector('[data-cell-code]')?.addEventListener('focusin', first('focus'), { once: true });
    cell.querySelector('[data-cell-code]')?.addEventListener('pointerdown', first('focus'), { once: true });
    // A control in the output loads the notebook too, but keeps the focus (the editor takes it only from the code).
    cell.querySelector('[data-cell-output]')?.addEventListener('pointerdown', () => void load(root), { once: true });
    cell.querySelector('[data-cell-output]')?.addEventListener('focusin', () => void load(root), { once: true });
  }
  if (cells.length > 0 && needsNotebookNow(cells)) void load(root);
}
