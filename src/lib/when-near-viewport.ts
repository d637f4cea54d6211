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
