/** Registers the service worker (dist/sw.js, written by scripts/lib/service-worker.mjs); says when the book is stored or updated. */
import { reloadForIsolation, restoreScroll } from '../../lib/isolation';

/** Puts the "available offline" note from the page's <template> at the end of the footer, or of the main content. */
export function showOfflineNote(doc: Document = document): void {
  const template = doc.querySelector<HTMLTemplateElement>('template#offline-note');
  if (!template || doc.querySelector('[data-offline-note]')) return;
  const where = doc.querySelector('.site-footer') ?? doc.querySelector('main') ?? doc.body;
  where.append(template.content.cloneNode(true));
}

/** Shows the "new version, reload" note from the page's <template> once, fixed at the bottom of the screen. */
export function showUpdateNote(doc: Document = document, reload: () => void = () => location.reload()): void {
  const template = doc.querySelector<HTMLTemplateElement>('template#update-note');
  if (!template || doc.querySelector('[data-update-note]')) return;
  doc.body.append(template.content.cloneNode(true));
  doc.querySelector('[data-update-reload]')?.addEventListener('click', reload);
}

/** Runs `task` once the page's load event has fired: at once if it already has. */
function afterLoad(task: () => void, win: Window = window): void {
  if (win.document.readyState === 'complete') task();
  else win.addEventListener('load', () => task(), { once: true });
}

/** Runs `task` after the page's load event, when the main thread is next idle (within 3 s at most). */
export function afterLoadWhenIdle(task: () => void, win: Window = window): void {
  afterLoad(() => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(() => task(), { timeout: 3000 });
    else win.setTimeout(task, 500);
  }, win);
}

// Not in `astro dev`: there is no sw.js there, and a worker caching dev files would serve stale code.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL;
  // After the one reload for isolation, back to where the reader was once the page has its full height.
  afterLoad(() => restoreScroll());
  // Registered once the page has loaded and the main thread is idle: on a first visit the worker then stores about
  // 30 MB, which would otherwise compete with the chapter's own load on a phone's few cores and its connection.
  afterLoadWhenIdle(() =>
    navigator.serviceWorker
      .register(`${base}sw.js`, { scope: base })
      .catch((error: unknown) => console.warn('The book cannot be stored for offline reading:', error)),
  );
  // `ready` resolves once a worker is active, and Workbox activates only after the whole precache is stored.
  void navigator.serviceWorker.ready.then(() => showOfflineNote());
  // A new worker takes over at once (skipWaiting) and drops the old version's files, so code this page has not loaded
  // yet (a widget further down) may be gone: say so. A first visit's worker taking control is not an update.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // A worker now answers with COOP/COEP: one reload makes the page isolated (src/lib/isolation.ts says when not).
    if (reloadForIsolation()) return;
    if (controlled) showUpdateNote();
    controlled = true;
  });
}
