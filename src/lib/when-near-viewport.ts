/** Runs a callback once, when an element comes within `rootMargin` of the viewport: how widgets defer their heavy code. */

/** How far ahead of the viewport a widget starts loading: about one screen, so it is ready when the reader arrives. */
export const NEAR_VIEWPORT_MARGIN = '600px 0px';

/** The IntersectionObserver constructor the page offers, if any (a parameter so tests can pass their own, or null for none). */
type ObserverConstructor = typeof IntersectionObserver | null | undefined;

/**
 * Calls `callback` once when `element` first intersects the viewport grown by `rootMargin`; immediately (in a
 * microtask) where IntersectionObserver is missing. Returns a function that cancels the wait.
 */
export function whenNearViewport(
  element: Element,
  callback: () => void,
  { rootMargin = NEAR_VIEWPORT_MARGIN, Observer = globalThis.IntersectionObserver as ObserverConstructor } = {},
): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    callback();
  };
  if (typeof Observer !== 'function') {
    queueMicrotask(run);
    return () => (done = true);
  }
  const observer = new Observer(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      run();
    },
    { rootMargin },
  );
  observer.observe(element);
  return () => {
    done = true;
    observer.disconnect();
  };
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
