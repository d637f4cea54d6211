/** The service worker's precache configuration: globs, base path, required kinds, and a build that fails when one is missing. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildServiceWorker,
  groupOf,
  normaliseBase,
  precacheOptions,
  precacheProblems,
  PRECACHE_GLOBS,
  REQUIRED_KINDS,
  serviceWorkerOptions,
  ISOLATION_SCRIPT,
  summarise,
} from '../../../scripts/lib/service-worker.mjs';

/** One file of each kind the book needs offline, as a built site under /vae-book/ would have them. */
const SITE_FILES = [
  'index.html',
  'en/generative-model/index.html',
  'zh/generative-model/index.html',
  '_astro/BaseLayout.abc123.css',
  '_astro/page.def456.js',
  '_astro/KaTeX_Main-Regular.B22Nviop.woff2',
  '_astro/KaTeX_Main-Regular.Dr94JaBh.woff',
  'data/mnist.bin',
  'checkpoints/mnist-z16.bin',
  'checkpoints/mnist-z16.json',
  'tfjs/tfjs-backend-wasm.wasm',
  'pagefind/pagefind.js',
  'pagefind/pagefind-ui.js',
  'pagefind/pagefind-modular-ui.js',
  'pagefind/index/en_1.pf_index',
  'icons/icon-192.png',
  'favicon.svg',
  'manifest.webmanifest',
  'og-image.png',
];
const ALL_URLS = SITE_FILES.map((f) => `/vae-book/${f}`);

const made: string[] = [];
/** Writes `files` (a few bytes each) into a fresh temporary folder and returns it. */
function fakeSite(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-site-'));
  made.push(dir);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), `contents of ${f}`);
  }
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('normaliseBase(raw)', () => {
  it.each([
    [undefined, '/'], // unset: the site lives at the root
    ['', '/'],
    ['/', '/'],
    ['vae-book', '/vae-book/'], // as a deploy script may spell it
    ['/vae-book', '/vae-book/'],
    ['/vae-book/', '/vae-book/'],
    ['//a/b//', '/a/b/'], // nested sub-path, stray slashes
  ])('normaliseBase(%j) is %j', (raw, expected) => expect(normaliseBase(raw)).toBe(expected));
});

describe('precacheOptions(outDir, base) and serviceWorkerOptions(outDir, base)', () => {
  it('prefixes every URL with the base path and lets the datasets through the size cap', () => {
    const options = precacheOptions('/site', '/vae-book/');
    expect(options.globDirectory).toBe('/site');
    expect(options.modifyURLPrefix).toEqual({ '': '/vae-book/' });
    expect(options.maximumFileSizeToCacheInBytes).toBeGreaterThan(7_850_064); // mnist.bin, the largest dataset
  });

  it('globs pages, bundles, KaTeX fonts, datasets, checkpoints, wasm, the search index, icons and the manifest', () => {
    for (const glob of [
      '**/*.html',
      '_astro/**/*.woff2',
      'data/*.bin',
      'checkpoints/*.{bin,json}',
      'tfjs/*.wasm',
      'pagefind/**/*',
      'icons/*.png',
      'manifest.webmanifest',
    ]) {
      expect(PRECACHE_GLOBS).toContain(glob);
    }
  });

  it('writes sw.js at the root of the output, answers directory URLs with index.html and ignores query strings', () => {
    const options = serviceWorkerOptions('/site', '/vae-book/');
    expect(options.swDest).toBe(join('/site', 'sw.js'));
    expect(options.directoryIndex).toBe('index.html');
    expect(options.ignoreURLParametersMatching.some((re) => re.test('lab.beta'))).toBe(true);
    expect(options).toMatchObject({ skipWaiting: true, clientsClaim: true, inlineWorkboxRuntime: true });
    // The first script it runs adds COOP/COEP to every answer (isolation-sw.js, tested on its own).
    expect(options.importScripts).toEqual([ISOLATION_SCRIPT]);
  });
});

describe('precacheProblems(urls, base)', () => {
  it('finds nothing wrong with a complete list', () => expect(precacheProblems(ALL_URLS, '/vae-book/')).toEqual([]));

  it.each(REQUIRED_KINDS.map((k) => [k.kind, k.pattern] as const))('reports a list without %s', (kind, pattern) => {
    expect(
      precacheProblems(
        ALL_URLS.filter((u) => !pattern.test(u)),
        '/vae-book/',
      ),
    ).toEqual([`no ${kind}`]);
  });

  it('reports URLs outside the base path (a site built for / served under /vae-book/)', () => {
    expect(precacheProblems([...ALL_URLS, '/data/mnist.bin'], '/vae-book/')).toEqual([
      '/data/mnist.bin is outside the base path /vae-book/',
    ]);
  });
});

describe('groupOf(url, base) and summarise(entries, base)', () => {
  it.each([
    ['/b/404.html', 'pages'],
    ['/b/en/two-terms/index.html', 'pages'],
    ['/b/_astro/KaTeX_Main-Regular.x.woff2', 'fonts (_astro/*.woff2)'],
    ['/b/_astro/lab.x.js', '_astro/*.js'],
    ['/b/_astro/BaseLayout.x.css', '_astro/*.css'],
    ['/b/pagefind/index/en_1.pf_index', 'pagefind/'], // counted with its top folder, however deep
    ['/b/favicon.svg', 'other'], // files at the root
  ])('groupOf(%j) is %j', (url, group) => expect(groupOf(url, '/b/')).toBe(group));

  it('adds up files and bytes per group, largest first', () => {
    const rows = summarise(
      [
        { url: '/b/data/mnist.bin', size: 100 },
        { url: '/b/data/fashion-mnist.bin', size: 120 },
        { url: '/b/404.html', size: 5 },
        { url: '/b/favicon.svg', size: 1 },
      ],
      '/b/',
    );
    expect(rows).toEqual([
      { group: 'data/', count: 2, size: 220 },
      { group: 'pages', count: 1, size: 5 },
      { group: 'other', count: 1, size: 1 },
    ]);
  });
});

describe('buildServiceWorker(outDir, base)', () => {
  it('writes sw.js whose precache list has every required kind under the base, and leaves out what the book never loads', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const dir = fakeSite(SITE_FILES);
    const result = await buildServiceWorker(dir, '/vae-book/');
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    for (const url of [
      '/vae-book/en/generative-model/index.html',
      '/vae-book/data/mnist.bin',
      '/vae-book/checkpoints/mnist-z16.bin',
      '/vae-book/tfjs/tfjs-backend-wasm.wasm',
      '/vae-book/_astro/KaTeX_Main-Regular.B22Nviop.woff2',
      '/vae-book/pagefind/pagefind.js',
    ]) {
      expect(sw).toContain(`"${url}"`);
    }
    for (const url of [
      '/vae-book/_astro/KaTeX_Main-Regular.Dr94JaBh.woff',
      '/vae-book/og-image.png',
      '/vae-book/pagefind/pagefind-modular-ui.js',
    ])
      expect(sw).not.toContain(`"${url}"`);
    expect(result.count).toBe(SITE_FILES.length - 3);
  });

  it('fails, naming the kind, when the built site lacks one (no checkpoints)', async () => {
    const dir = fakeSite(SITE_FILES.filter((f) => !f.startsWith('checkpoints/')));
    await expect(buildServiceWorker(dir, '/vae-book/')).rejects.toThrow(/no checkpoints/);
  });
});
