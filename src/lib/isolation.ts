/** The one reload that makes a page cross-origin isolated once the book's service worker controls it (first visit). */
// The service worker adds COOP/COEP to what it serves (scripts/lib/isolation-sw.js), but a page loaded before the worker
// took control keeps the isolation it loaded with: one reload fixes that. Never twice in a tab, never while the reader
// is busy; the lab's engine line then says that a reload would give it threads.

/** sessionStorage key set just before the reload: a second chance in the same tab is never taken (no reload loop). */
export const RELOAD_FLAG = 'vae-book:isolation-reload';

/** Lab states that a reload would lose (data-state on the lab's figure, see LabPhase). */
const BUSY_LAB_STATES = new Set(['training', 'paused', 'sweeping']);

/** What the decision depends on. */
export interface IsolationFacts {
  /** `crossOriginIsolated` now. */
  readonly isolated: boolean;
  /** A service worker controls the page (it answers with the headers). */
  readonly controlled: boolean;
  /** This tab already reloaded for isolation once. */
  readonly reloadedBefore: boolean;
  /** The reader is training, sweeping, running a cell or typing in one. */
  readonly busy: boolean;
}

/** True when one reload would isolate the page and costs the reader nothing. */
export function shouldReloadForIsolation(facts: IsolationFacts): boolean {
  return facts.controlled && !facts.isolated && !facts.reloadedBefore && !facts.busy;
}

/** True while a lab trains (or holds training the reader did), a cell runs, or the focus is in a cell. */
export function pageIsBusy(doc: Document): boolean {
  const labs = [...doc.querySelectorAll<HTMLElement>('[data-widget="vae-lab"]')];
  if (labs.some((lab) => BUSY_LAB_STATES.has(lab.dataset['state'] ?? ''))) return true;
  if (doc.querySelector('[data-cell][data-state="running"]')) return true;
  return doc.activeElement?.closest('[data-cell]') != null;
}

/** Whether this tab has reloaded for isolation; storage that throws counts as yes (without it a loop could not be ruled out). */
function reloadedBefore(storage: Storage | null): boolean {
  try {
    return storage === null || storage.getItem(RELOAD_FLAG) !== null;
  } catch {
    return true;
  }
}

/** Where the reader was when the page reloaded for isolation (kept under RELOAD_FLAG); `restored` once put back. */
interface ReloadMark {
  readonly path: string;
  readonly x: number;
  readonly y: number;
  readonly restored?: boolean;
}

/** The session's storage, or null where reaching it throws. */
function sessionOf(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Puts the reader back where they were before the isolation reload (the browser does not: the new document is in another
 * browsing context group). Once only; the mark stays, so the tab never reloads for isolation again.
 */
export function restoreScroll(win: Window = window): void {
  const storage = sessionOf(win);
  try {
    const mark = JSON.parse(storage?.getItem(RELOAD_FLAG) ?? 'null') as Partial<ReloadMark> | null;
    if (!mark || mark.restored || mark.path !== win.location.pathname + win.location.search) return;
    win.scrollTo(Number(mark.x) || 0, Number(mark.y) || 0);
    storage?.setItem(RELOAD_FLAG, JSON.stringify({ ...mark, restored: true }));
  } catch {
    // A mark that is not ours: nothing to restore.
  }
}

/** Reloads once when shouldReloadForIsolation says so, remembering the scroll position; true when it did. */
export function reloadForIsolation(win: Window = window): boolean {
  const storage = sessionOf(win);
  const facts = {
    isolated: win.crossOriginIsolated === true,
    controlled: win.navigator.serviceWorker?.controller != null,
    reloadedBefore: reloadedBefore(storage),
    busy: pageIsBusy(win.document),
  };
  if (!shouldReloadForIsolation(facts)) return false;
  try {
    const mark: ReloadMark = { path: win.location.pathname + win.location.search, x: win.scrollX, y: win.scrollY };
    storage?.setItem(RELOAD_FLAG, JSON.stringify(mark));
  } catch {
    return false;
  }
  win.location.reload();
  return true;
}
