/* The book's service worker imports this first (sw.js → importScripts): every answer it gives a page of the book
 * carries COOP and COEP, so the page is cross-origin isolated (SharedArrayBuffer, threaded WebAssembly) on a static
 * host that cannot send those headers itself. It wraps the fetch listeners Workbox adds after it. */
(() => {
  const HEADERS = [
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Embedder-Policy', 'require-corp'],
  ];

  /** The response with the isolation headers; an opaque or already isolated one as it is. */
  const isolate = (response) => {
    if (!(response instanceof Response) || response.status === 0 || response.type.startsWith('opaque')) return response;
    if (response.headers.has('Cross-Origin-Embedder-Policy')) return response;
    const headers = new Headers(response.headers);
    for (const [name, value] of HEADERS) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };

  /** Runs a fetch listener with respondWith patched to add the headers; a page load it leaves alone goes to the network
   * from here, so it is isolated too. */
  const wrap = (listener) =>
    function isolated(event) {
      const respondWith = event.respondWith.bind(event);
      let answered = false;
      Object.defineProperty(event, 'respondWith', {
        configurable: true,
        value: (answer) => {
          answered = true;
          respondWith(Promise.resolve(answer).then(isolate));
        },
      });
      listener.call(this, event);
      if (!answered && event.request.mode === 'navigate') respondWith(fetch(event.request).then(isolate));
    };

  const addEventListener = self.addEventListener.bind(self);
  self.addEventListener = (type, listener, options) =>
    addEventListener(type, type === 'fetch' && typeof listener === 'function' ? wrap(listener) : listener, options);
})();
