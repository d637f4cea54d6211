/** Runs a callback once, when an element comes within `rootMargin` of the viewport: how widgets defer their heavy code. */

/** How far ahead of the viewport a widget starts loading: about one screen, so it is ready when the reader arrives. */
export const NEAR_VIEWPORT_MARGIN = '600px 0px';

/** The IntersectionObserver constructor the page offers, if any (a parameter so tests can pass their own, or null for none). */
type ObserverConstructor = typeof IntersectionObserver | null | undefined;

/** Whether the reader has scrolled (or resized) the page yet, and a way to hear the first time they do. */
export interface ReaderMoves {
  moved(): boolean;
  /** Calls `callback` once, at the first scroll or resize; returns a function that cancels the wait. */
  onFirstMove(callback: () => void): () => void;
}

const MOVES = ['scroll', 'resize'] as const;
let pageHasMoved = false;
let listening = false;
/** Callbacks waiting for the first scroll or resize; one listener per event type calls them all, then goes. */
const waitingForMove = new Set<() => void>();

/** The first scroll or resize: from now on the page has moved, and every waiting callback runs once. */
function firstMove() {
  pageHasMoved = true;
  for (const type of MOVES) removeEventListener(type, firstMove);
  const waiting = [...waitingForMove];
  waitingForMove.clear();
  for (const callback of waiting) callback();
}

/** Whether the page has scrolled or resized since the first ask (or is scrolled already, e.g. restored on reload). */
function hasPageMoved(): boolean {
  if (!listening && typeof addEventListener === 'function') {
    listening = true;
    for (const type of MOVES) addEventListener(type, firstMove, { passive: true });
  }
  return pageHasMoved || globalThis.scrollY > 0;
}

/** The page's own scroll and resize events. */
export const pageMoves: ReaderMoves = {
  moved: hasPageMoved,
  onFirstMove(callback) {
    if (hasPageMoved()) {
      queueMicrotask(callback);
      return () => undefined;
    }
    const waiter = () => callback();
    waitingForMove.add(waiter);
    return () => waitingForMove.delete(waiter);
  },
};

/** The parts of an IntersectionObserverEntry this module reads. */
type Entry = Pick<IntersectionObserverEntry, 'isIntersecting'> & {
  readonly boundingClientRect?: Pick<DOMRectReadOnly, 'top' | 'bottom'>;
};

/** Whether an entry's element is on the screen itself, not just within the margin around it. */
const onScreen = (entry: Entry, viewportHeight: number) =>
  !entry.boundingClientRect || (entry.boundingClientRect.top < viewportHeight && entry.boundingClientRect.bottom > 0);

/**
 * Calls `callback` once when `element` first intersects the viewport grown by `rootMargin`; immediately (in a
 * microtask) where IntersectionObserver is missing. While the page loads, before the reader has scrolled, an element
 * only within the margin waits for the first scroll: the first seconds belong to the text on screen, and a widget
 * below it (its downloads, its engine, its charts) need not compete with the page's own load for a reader who may
 * never scroll to it. Returns a function that cancels the wait.
 */
export function whenNearViewport(
  element: Element,
  callback: () => void,
  {
    rootMargin = NEAR_VIEWPORT_MARGIN,
    Observer = globalThis.IntersectionObserver as ObserverConstructor,
    moves = pageMoves,
    viewportHeight = () => globalThis.innerHeight,
  } = {},
): () => void {
  let done = false;
  let near = false;
  let stopWaiting = () => {};
  const run = () => {
    if (done) return;
    stop();
    callback();
  };
  const seen = (entries: readonly Entry[]) => {
    near = entries.some((entry) => entry.isIntersecting);
    stopWaiting();
    if (!near) return;
    if (entries.some((entry) => entry.isIntersecting && onScreen(entry, viewportHeight())) || moves.moved()) run();
    else stopWaiting = moves.onFirstMove(() => near && run());
  };
  const observer = typeof Observer === 'function' ? new Observer(seen, { rootMargin }) : null;
  function stop() {
    done = true;
    stopWaiting();
    observer?.disconnect();
  }
  if (observer) observer.observe(element);
  else queueMicrotask(run);
  return stop;
}

/** Ends the current task so the browser can paint and handle input: `scheduler.yield()` where there is one, else a macrotask. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// Widgets start one at a time, each in a task of its own: a module's evaluation and the widget's mount would otherwise
// run in one task, and two widgets reaching the viewport together would add up to one long task.
let startQueue: Promise<void> = Promise.resolve();

/** Runs `start` in a task after every start queued before it (only its synchronous part is waited for); its result. */
function queueStart(start: () => unknown): Promise<unknown> {
  const turn = startQueue.then(yieldToMain);
  startQueue = turn;
  return turn.then(start);
}

/** A widget's client module: `mount` takes over its server-rendered figure. */
export interface WidgetClient {
  mount(figure: HTMLElement): unknown;
}

/**
 * Loads and mounts every `figure[data-widget=<name>]` when it nears the viewport, saying "loading" in its status line
 * (`statusSelector`) and, if the module cannot load, the figure's failure text. `load` is the component's own `import()`,
 * so the bundler still splits each widget's code into its own chunk.
 */
export function mountWidgetsNearViewport(
  name: string,
  statusSelector: string,
  load: () => Promise<WidgetClient>,
  root: ParentNode = document,
): void {
  for (const figure of root.querySelectorAll<HTMLElement>(`figure[data-widget="${name}"]`)) {
    whenNearViewport(figure, () => {
      figure.dataset['state'] = 'loading';
      const status = figure.querySelector(statusSelector);
      if (status) status.textContent = figure.dataset['loadingText'] ?? '';
      load()
        .then(({ mount }) => queueStart(() => mount(figure)))
        .catch((error: unknown) => {
          figure.dataset['state'] = 'failed';
          if (status)
            status.textContent = (figure.dataset['failedText'] ?? '{error}').replace('{error}', String(error));
        });
    });
  }
}
