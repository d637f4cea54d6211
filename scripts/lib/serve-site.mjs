/** A static server for a built site mounted under its base path; everything outside the base is a 404. */
import { createServer } from 'node:http';
import sirv from 'sirv';

/**
 * The headers that make a page cross-origin isolated (SharedArrayBuffer, so the lab's WebAssembly runs threads).
 * require-corp rather than credentialless: the book loads nothing from another origin, and Safari knows only require-corp.
 * The service worker adds the same pair where a host cannot (scripts/lib/isolation-sw.js).
 */
export const ISOLATION_HEADERS = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
});

/**
 * Serves `dir` at `http://127.0.0.1:<port><base>` on a free port.
 * @param {string} dir the built site
 * @param {string} base the base path it was built for, e.g. "/vae-book/" or "/"
 * @param {{ precompressed?: boolean; fresh?: boolean; isolated?: boolean }} [options]
 * @returns {Promise<{ origin: string; url: string; close: () => Promise<void> }>} origin, origin + base, and a close function
 */
export async function serveSite(dir, base = '/', { precompressed = false, fresh = false, isolated = true } = {}) {
  // `precompressed` serves a file's .gz sibling to clients that accept gzip, and long-lived caching for hashed assets,
  // the way a production host would (Lighthouse measures that); tests serve plain files. `fresh` reads every file anew
  // on each request, so a test can publish a changed file (a new service worker) at the same origin. `isolated: false`
  // stands for a static host that sends no COOP/COEP (GitHub Pages): only the service worker can isolate the page there.
  const files = sirv(dir, {
    dev: fresh,
    etag: true,
    extensions: ['html'],
    gzip: precompressed,
    setHeaders: precompressed
      ? (res, path) =>
          void (path.startsWith('/_astro/') && res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'))
      : undefined,
  });
  const server = createServer((req, res) => {
    if (isolated) for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    const url = req.url ?? '/';
    if (!url.startsWith(base)) return void res.writeHead(404).end('outside the base path');
    req.url = url.slice(base.length - 1);
    files(req, res, () => res.writeHead(404).end('not found'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
