// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { fileURLToPath } from 'node:url';
import { bookCsp } from './src/build/csp.mjs';
import { tfjsWasmThreads } from './src/build/tfjs-wasm-threads.mjs';
import rehypeFailOnTexError from './src/build/rehype-fail-on-tex-error.mjs';
import rehypeKeepPunctuationWithMath from './src/build/rehype-keep-punctuation-with-math.mjs';
import { KATEX_OPTIONS, SHIKI_THEMES } from './src/lib/markdown-options.mjs';

/** Normalises BASE_PATH ("vae-book", "/vae-book", "/vae-book/") to "/vae-book/"; "/" when unset. */
function basePath(raw = '/') {
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** COOP + COEP: the page is cross-origin isolated, so the lab's WebAssembly can run threads (same pair as serve-site.mjs). */
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const SITE = process.env.SITE_URL ?? 'https://example.org';
const BASE = basePath(process.env.BASE_PATH);
const ROOT_URL = new URL(BASE, SITE).href;

export default defineConfig({
  site: SITE,
  base: BASE,
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    locales: ['zh', 'en'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // Two themes whose comments keep a 4.5:1 contrast (axe checks every page in both colour schemes).
    shikiConfig: { themes: { ...SHIKI_THEMES }, defaultColor: 'light' },
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        // htmlAndMathml keeps the MathML for screen readers; strict mode rejects CJK outside \text{}; only
        // \htmlData{term=…} is let through, for the formula terms <SourceCode> binds to code (markdown-options.mjs).
        [rehypeKatex, { ...KATEX_OPTIONS }],
        rehypeFailOnTexError,
        rehypeKeepPunctuationWithMath,
      ],
    }),
  },
  integrations: [
    mdx(),
    // The language chooser at the root shares the path "/" with /en/ in the sitemap's i18n grouping, so it is left
    // out with /bench/ (a tool, noindex); 404 is left out by the integration. Locale tags match HTML_LANG.
    sitemap({
      filter: (page) => page !== ROOT_URL && !page.startsWith(`${ROOT_URL}bench/`),
      i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-CN' } },
    }),
  ],
  // No 'unsafe-eval', no other origin; the directives and why each is there: src/build/csp.mjs.
  security: { csp: bookCsp(fileURLToPath(new URL('./src', import.meta.url))) },
  vite: {
    // Cross-origin isolation in `astro dev` and `astro preview` too.
    server: { headers: ISOLATION },
    preview: { headers: ISOLATION },
    // tfjs's thread workers run the factory's source: keep it valid after minification (src/build/tfjs-wasm-threads.mjs).
    plugins: [tfjsWasmThreads()],
    // ES-module workers (both are started with { type: 'module' }): their dynamic import()s stay separate chunks, so a
    // worker compiles and loads only the backends it tries instead of all four inlined into one 2.6 MB file.
    worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
    build: {
      assetsInlineLimit: 0,
      // One stylesheet for the whole book (12 KiB gzip): a chapter linked six to eight render-blocking files, each a
      // request before first paint and a style recalculation when it arrived; one file is fetched once and cached.
      cssCodeSplit: false,
      rollupOptions: {
        // Astro's own MDX glue carries a "use astro:head-inject" directive the bundler warns about once per chapter.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject'))
            return;
          warn(warning);
        },
      },
    },
  },
});
