/** The book's service worker: which built files Workbox precaches, the checks on that list, and the step that writes sw.js. */
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateSW, getManifest } from 'workbox-build';

/** The script sw.js imports first, copied beside it from scripts/lib/isolation-sw.js (the browser keeps it with sw.js). */
export const ISOLATION_SCRIPT = 'sw-isolation.js';

/** Files under the output folder that the service worker stores on the first visit, so the whole book runs offline. */
export const PRECACHE_GLOBS = Object.freeze([
  '**/*.html',
  '_astro/**/*.{js,css}',
  // Every browser that has service workers reads WOFF2, so KaTeX's .woff and .ttf copies would only add weight.
  '_astro/**/*.woff2',
  'data/*.bin',
  'checkpoints/*.{bin,json}',
  'tfjs/*.wasm',
  'pagefind/**/*',
  'icons/*.png',
  'favicon.svg',
  'manifest.webmanifest',
]);

/** Pagefind's alternative UIs: the book loads only pagefind-ui.js, so these are never fetched. */
export const PRECACHE_IGNORES = Object.freeze(['pagefind/pagefind-component-ui.*', 'pagefind/pagefind-modular-ui.*']);

/** What the precache must hold for the book to work offline; a build whose list lacks one of them fails. */
export const REQUIRED_KINDS = Object.freeze([
  { kind: 'pages (.html)', pattern: /\/index\.html$/ },
  { kind: 'scripts (.js)', pattern: /\/_astro\/[^/]+\.js$/ },
  { kind: 'styles (.css)', pattern: /\/_astro\/[^/]+\.css$/ },
  { kind: 'KaTeX fonts (.woff2)', pattern: /\/_astro\/KaTeX_[^/]+\.woff2$/ },
  { kind: 'datasets (data/*.bin)', pattern: /\/data\/[^/]+\.bin$/ },
  { kind: 'checkpoints (checkpoints/*.bin)', pattern: /\/checkpoints\/[^/]+\.bin$/ },
  { kind: 'tfjs WebAssembly (tfjs/*.wasm)', pattern: /\/tfjs\/[^/]+\.wasm$/ },
  { kind: 'search index (pagefind/)', pattern: /\/pagefind\/pagefind\.js$/ },
  { kind: 'app icons (icons/*.png)', pattern: /\/icons\/[^/]+\.png$/ },
  { kind: 'web app manifest', pattern: /\/manifest\.webmanifest$/ },
]);

// The datasets are single files of 7–8 MB; Workbox's default 2 MB cap would silently leave them out.
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Normalises BASE_PATH ("vae-book", "/vae-book", "/vae-book/") to "/vae-book/"; "/" when unset (as astro.config.mjs does). */
export function normaliseBase(raw = '/') {
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Workbox's options for the precache list of the site built into `outDir` for the base path `base`. */
export function precacheOptions(outDir, base) {
  return {
    globDirectory: outDir,
    globPatterns: [...PRECACHE_GLOBS],
    globIgnores: [...PRECACHE_IGNORES],
    modifyURLPrefix: { '': base },
    // Astro puts a content hash in every name under _astro/, so those URLs need no revision of their own.
    dontCacheBustURLsMatching: /\/_astro\//,
    maximumFileSizeToCacheInBytes: MAX_FILE_BYTES,
  };
}

/** Workbox's generateSW options: the precache list plus how the worker answers (sw.js at the base, scoped to it). */
export function serviceWorkerOptions(outDir, base) {
  return {
    ...precacheOptions(outDir, base),
    swDest: join(outDir, 'sw.js'),
    mode: 'production',
    sourcemap: false,
    inlineWorkboxRuntime: true,
    cacheId: 'vae-book',
    // /vae-book/en/generative-model/ is answered with the stored /vae-book/en/generative-model/index.html.
    directoryIndex: 'index.html',
    // A lab link carries its settings in the query (?backend=wasm&lab.beta=4); Pagefind adds ?ts= to its index.
    ignoreURLParametersMatching: [/.*/],
    // Adds COOP/COEP to every answer, so pages are cross-origin isolated wherever this worker runs (isolation-sw.js).
    importScripts: [ISOLATION_SCRIPT],
    // The first visit should be offline-ready without a reload; hashed assets make a mid-session switch safe.
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
  };
}

/** The kinds of REQUIRED_KINDS that no URL in `urls` matches, plus any URL outside `base`. */
export function precacheProblems(urls, base) {
  const missing = REQUIRED_KINDS.filter(({ pattern }) => !urls.some((u) => pattern.test(u))).map(
    ({ kind }) => `no ${kind}`,
  );
  const outside = urls.filter((u) => !u.startsWith(base)).map((u) => `${u} is outside the base path ${base}`);
  return [...missing, ...outside];
}

/** The group a precached URL is counted in for the build log: pages, a kind of Astro asset, or its top folder. */
export function groupOf(url, base) {
  const path = url.slice(base.length);
  if (path.endsWith('.html')) return 'pages';
  if (path.startsWith('_astro/'))
    return /\.woff2$/.test(path) ? 'fonts (_astro/*.woff2)' : `_astro/*${path.slice(path.lastIndexOf('.'))}`;
  return path.includes('/') ? `${path.split('/')[0]}/` : 'other';
}

/** Files and bytes per group (see groupOf), largest first. */
export function summarise(entries, base) {
  const rows = new Map();
  for (const { url, size } of entries) {
    const group = groupOf(url, base);
    const row = rows.get(group) ?? { group, count: 0, size: 0 };
    row.count += 1;
    row.size += size;
    rows.set(group, row);
  }
  return [...rows.values()].sort((a, b) => b.size - a.size);
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;

/** Writes `outDir`/sw.js for `base`, after checking the precache list; throws when a required kind is missing. */
export async function buildServiceWorker(outDir, base) {
  const manifest = await getManifest(precacheOptions(outDir, base));
  const problems = [
    ...precacheProblems(
      manifest.manifestEntries.map((e) => e.url),
      base,
    ),
    ...manifest.warnings,
  ];
  if (problems.length) throw new Error(`The service worker's precache list is incomplete:\n  ${problems.join('\n  ')}`);
  copyFileSync(join(import.meta.dirname, 'isolation-sw.js'), join(outDir, ISOLATION_SCRIPT));
  const result = await generateSW(serviceWorkerOptions(outDir, base));
  if (result.warnings.length) throw new Error(`Workbox warned:\n  ${result.warnings.join('\n  ')}`);
  console.log(
    `service worker ${join(outDir, 'sw.js')} (scope ${base}) precaches ${result.count} files, ${mib(result.size)}:`,
  );
  const sized = manifest.manifestEntries.map(({ url }) => ({
    url,
    size: statSync(join(outDir, url.slice(base.length))).size,
  }));
  for (const row of summarise(sized, base)) {
    console.log(`  ${row.group.padEnd(22)} ${String(row.count).padStart(4)} files ${mib(row.size).padStart(11)}`);
  }
  return result;
}
