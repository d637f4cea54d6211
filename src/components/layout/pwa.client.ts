/** Registers the service worker (dist/sw.js, written by scripts/lib/service-worker.mjs) and says when the book is stored. */

/** Puts the "available offline" note from the page's <template> at the end of the footer, or of the main content. */
export function showOfflineNote(doc: Document = document): void {
  const template = doc.querySelector<HTMLTemplateElement>('template#offline-note');
  if (!template || doc.querySelector('[data-offline-note]')) return;
  const where = doc.querySelector('.site-footer') ?? doc.querySelector('main') ?? doc.body;
  where.append(template.content.cloneNode(true));
}

// Not in `astro dev`: there is no sw.js there, and a worker caching dev files would serve stale code.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL;
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => console.warn('The book cannot be stored for offline reading:', error));
  // `ready` resolves once a worker is active, and Workbox activates only after the whole precache is stored.
  void navigator.serviceWorker.ready.then(() => showOfflineNote());
}
