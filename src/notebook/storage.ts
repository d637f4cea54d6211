/** The reader's edits, one entry per cell in localStorage under a versioned key; failures become messages, never crashes. */

/** Bump when the stored shape changes: entries of other versions are ignored (and removed). */
export const STORAGE_VERSION = 1;
const PREFIX = 'vae-book:cell:';

/** The part of the Storage interface we use (tests pass a fake). */
export type CellStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The outcome of reading an edit: the code, nothing stored, or a problem to tell the reader. */
export type LoadResult =
  { readonly code: string } | { readonly code: null; readonly problem?: 'corrupt' | 'unavailable' };

/** The key of a cell's edit: versioned, per page cell (`chapter/name`). */
export const storageKey = (cellId: string) => `${PREFIX}v${STORAGE_VERSION}:${cellId}`;

/** Reads a cell's saved edit; a corrupt entry is removed and reported. */
export function loadEdit(store: CellStore | null, cellId: string): LoadResult {
  if (!store) return { code: null, problem: 'unavailable' };
  let raw: string | null;
  try {
    raw = store.getItem(storageKey(cellId));
  } catch {
    return { code: null, problem: 'unavailable' };
  }
  if (raw === null) return { code: null };
  try {
    const entry = JSON.parse(raw) as { v?: unknown; code?: unknown };
    if (entry.v === STORAGE_VERSION && typeof entry.code === 'string') return { code: entry.code };
  } catch {
    // fall through: the entry is not ours or is damaged
  }
  removeEdit(store, cellId);
  return { code: null, problem: 'corrupt' };
}

/** Saves a cell's edit; returns a problem when storage is full or blocked (the edit then lives only in the page). */
export function saveEdit(store: CellStore | null, cellId: string, code: string): 'full' | 'unavailable' | null {
  if (!store) return 'unavailable';
  try {
    store.setItem(storageKey(cellId), JSON.stringify({ v: STORAGE_VERSION, code, saved: Date.now() }));
    return null;
  } catch (e) {
    return e instanceof DOMException && /Quota/i.test(e.name) ? 'full' : 'unavailable';
  }
}

/** Forgets a cell's edit (Reset); never throws. */
export function removeEdit(store: CellStore | null, cellId: string): void {
  try {
    store?.removeItem(storageKey(cellId));
  } catch {
    // storage blocked: nothing to remove
  }
}
