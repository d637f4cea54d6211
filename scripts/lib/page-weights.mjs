/** Measures what each built page loads up front: its HTML, stylesheets and scripts (with their static imports). */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative, dirname, resolve, posix } from 'node:path';

// Budgets, gzip bytes. Why these numbers: a chapter without widgets needs only the theme toggle, the sidebar fold
// and the search opener (Pagefind itself loads on demand), about 2 KB; 8 KB leaves room for the quiz's small progress
// script without letting a framework or tfjs slip in. First-load weight is dominated by the chapter's own HTML (KaTeX
// writes every formula twice, as HTML and as MathML) and KaTeX's CSS (~7 KB): 120 KB still loads in well under a
// second on a slow 3G link's 50 KB/s. Pages that embed widgets load tfjs only when a widget nears the viewport, so
// their up-front JavaScript budget is the widget loader's, not the engine's.
export const BUDGETS = Object.freeze({
  plainPageJs: 8 * 1024,
  widgetPageJs: 40 * 1024,
  firstLoad: 120 * 1024,
});

/** Every .html file under `dir`. */
export function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

/** Maps a site URL (with or without the base path) to a file under `outDir`, or undefined when it is external. */
export function urlToFile(outDir, base, url, fromFile) {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:') || url.startsWith('#') || url.startsWith('mailto:'))
    return undefined;
  const clean = url.split('#')[0].split('?')[0];
  if (clean === '') return undefined;
  let path;
  if (clean.startsWith('/')) {
    if (!clean.startsWith(base)) return join(outDir, '__outside_base__', clean);
    path = join(outDir, clean.slice(base.length));
  } else {
    path = resolve(dirname(fromFile), clean);
  }
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  return path;
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Static `import … from "x"` and `import "x"` specifiers of an ES module (what the browser fetches before running it). */
function staticImports(source) {
  const found = [];
  for (const m of source.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) found.push(m[1]);
  return found;
}

/** Bytes that `htmlFile` loads before any interaction: { html, css, js, total } raw and gzip, its stylesheet files, and whether it has widgets. */
export function measurePage(outDir, base, htmlFile) {
  const html = readFileSync(htmlFile);
  const text = html.toString('utf8');
  const stylesheets = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) =>
    urlToFile(outDir, base, m[1], htmlFile),
  );
  const css = new Set(stylesheets);
  const js = new Set();
  for (const m of text.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g))
    js.add(urlToFile(outDir, base, m[1], htmlFile));
  for (const m of text.matchAll(/<script[^>]+src="([^"]+)"/g)) js.add(urlToFile(outDir, base, m[1], htmlFile));
  const queue = [...js];
  while (queue.length) {
    const file = queue.pop();
    if (!file || !existsSync(file)) continue;
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      const dep = urlToFile(outDir, base, spec, file);
      if (dep && !js.has(dep)) {
        js.add(dep);
        queue.push(dep);
      }
    }
  }
  const inlineJs = [...text.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  const sum = (files) => [...files].filter((f) => f && existsSync(f)).map((f) => readFileSync(f));
  const cssBufs = sum(css);
  const jsBufs = [...sum(js), Buffer.from(inlineJs)];
  const bytes = (bufs) => ({ raw: bufs.reduce((a, b) => a + b.length, 0), gzip: bufs.reduce((a, b) => a + gz(b), 0) });
  const page = {
    page:
      '/' +
      relative(outDir, htmlFile)
        .replace(/index\.html$/, '')
        .split('\\')
        .join(posix.sep),
    hasWidgets: text.includes('data-widget='),
    // Every stylesheet link in order, repeats kept: the build shares one stylesheet among all pages.
    stylesheets,
    html: { raw: html.length, gzip: gz(html) },
    css: bytes(cssBufs),
    js: bytes(jsBufs),
    // tfjs registers its backends by this name; no script a page runs before a widget nears the screen may contain it.
    loadsTfjs: jsBufs.some((b) => b.includes('registerBackend')),
  };
  page.total = { raw: page.html.raw + page.css.raw + page.js.raw, gzip: page.html.gzip + page.css.gzip + page.js.gzip };
  return page;
}

/** The budget problems of one measured page, as sentences (empty when it is within budget). */
export function budgetProblems(page, budgets = BUDGETS) {
  const problems = [];
  const jsBudget = page.hasWidgets ? budgets.widgetPageJs : budgets.plainPageJs;
  if (page.js.gzip > jsBudget)
    problems.push(`${page.page}: ${page.js.gzip} B of JavaScript (gzip) up front, budget ${jsBudget} B`);
  if (page.total.gzip > budgets.firstLoad)
    problems.push(`${page.page}: first load ${page.total.gzip} B (gzip), budget ${budgets.firstLoad} B`);
  if (page.loadsTfjs)
    problems.push(`${page.page}: loads TensorFlow.js up front; it must wait until a widget nears the screen`);
  return problems;
}

/** The base path the site in `outDir` was built for, read from its root page's stylesheet links. */
export function detectBase(outDir) {
  const index = readFileSync(join(outDir, 'index.html'), 'utf8');
  const m = index.match(/href="(\/[^"]*?)_astro\//);
  return m ? m[1] : '/';
}

/**
 * Budget of the notebook's first use (editor + runtime on the page, gzip): CodeMirror, the graph, views and the
 * sandbox client are about 130 KB; 250 KB leaves room without letting tfjs (which the sandbox worker loads, like the
 * lab's worker) into the page.
 */
export const NOTEBOOK_FIRST_USE_BUDGET = 250 * 1024;

/**
 * Budget of the sandbox worker (gzip), which the first Run of a cell loads beside the notebook client: tfjs-core with
 * the wasm and cpu backends only, the engine, Sucrase + acorn (cells are TypeScript), and Plot with linkedom (the
 * worker's static imports; chunks it loads with import() are not counted). 502 KiB measured on 2026-12-07; the margin
 * takes a minor version of a dependency, not a tfjs backend (webgl + webgpu added 166 KiB).
 */
export const SANDBOX_WORKER_BUDGET = 540 * 1024;

/** A flag name each GPU backend registers with tfjs when its code loads (string literals survive minification). */
const GPU_BACKEND_FLAGS = Object.freeze({ webgl: 'WEBGL_VERSION', webgpu: 'WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE' });

/** A module and its static imports, transitively, as files. */
function withStaticImports(outDir, base, file) {
  const files = new Set([file]);
  const queue = [file];
  while (queue.length) {
    const current = queue.pop();
    for (const spec of staticImports(readFileSync(current, 'utf8'))) {
      const dep = urlToFile(outDir, base, spec, current);
      if (dep && existsSync(dep) && !files.has(dep)) {
        files.add(dep);
        queue.push(dep);
      }
    }
  }
  return files;
}

/**
 * What the notebook loads when a reader first focuses a cell or presses Run: the `notebook.client` chunk with its
 * static imports (gzip bytes, and whether tfjs is among them), plus the sandbox worker (gzip, with its static imports)
 * and the GPU backends found in it, reported apart.
 * Null when the site has no cells.
 */
export function measureNotebook(outDir, base) {
  const dir = join(outDir, '_astro');
  const names = readdirSync(dir);
  const client = names.find((f) => /^notebook\.client.*\.js$/.test(f));
  if (!client) return null;
  const files = withStaticImports(outDir, base, join(dir, client));
  const bufs = [...files].map((f) => readFileSync(f));
  const worker = names.find((f) => /^sandbox\.worker.*\.js$/.test(f));
  const workerBufs = worker ? [...withStaticImports(outDir, base, join(dir, worker))].map((f) => readFileSync(f)) : [];
  return {
    files: [...files].map((f) => relative(outDir, f)),
    gzip: bufs.reduce((a, b) => a + gz(b), 0),
    loadsTfjs: bufs.some((b) => b.includes('registerBackend')),
    workerGzip: worker ? workerBufs.reduce((a, b) => a + gz(b), 0) : null,
    // Cells run on wasm or cpu: the GPU backends, found by the flag each registers, must not reach the sandbox.
    workerGpuBackends: Object.entries(GPU_BACKEND_FLAGS)
      .filter(([, flag]) => workerBufs.some((b) => b.includes(flag)))
      .map(([name]) => name),
  };
}
