/** The book's Content-Security-Policy, as Astro's `security.csp` option: directives, plus hashes of inline code Astro does not hash. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PLOT_CLASSES } from '../charts/plot-classes.mjs';

/** The CSP hash source of a text, in Astro's form (`sha256-…`, no quotes). @returns {`sha256-${string}`} */
export function sha256(text) {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** Bodies of the `<script is:inline>` and `<style is:inline>` elements in the .astro files under `dir` (emitted verbatim, never hashed by Astro). */
export function inlineSnippets(dir) {
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.astro'));
  const found = { script: new Set(), style: new Set() };
  for (const file of files) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
      const [, tag, attrs, body] = m;
      if (/\bis:inline\b/.test(attrs) && !/\bsrc=/.test(attrs)) found[tag].add(body);
    }
  }
  return { script: [...found.script], style: [...found.style] };
}

/** The text of the `<style>` Observable Plot writes into each chart, for Plot's default class name and every one the
 * book gives its charts; read from Plot's own source so an upgrade cannot silently change it. (The book draws no Plot
 * legends, which write styles of their own.) */
export function plotStyles(classNames = Object.values(PLOT_CLASSES)) {
  const src = dirname(createRequire(import.meta.url).resolve('@observablehq/plot'));
  const fallback = /return "(plot-[0-9a-f]+)"/.exec(readFileSync(join(src, 'style.js'), 'utf8'))?.[1];
  const css = /append\("style"\)\.text\(\s*`([^`]*)`/.exec(readFileSync(join(src, 'plot.js'), 'utf8'))?.[1];
  if (!fallback || css === undefined)
    throw new Error('CSP: cannot find the <style> Plot writes into charts; update src/build/csp.mjs.');
  return [fallback, ...classNames].map((name) => css.replaceAll('${className}', name));
}

/** @typedef {Exclude<NonNullable<import('astro').AstroUserConfig['security']>['csp'], boolean | undefined>} CspConfig */

// Every fetch, font, image and worker comes from the book's own origin (a <meta> policy cannot carry frame-ancestors).
// The lab and Pagefind compile WebAssembly inside same-origin workers, which this page policy does not govern;
// 'wasm-unsafe-eval' is for the main-thread cases: /bench/ on ?backend=wasm and Pagefind's fallback when its worker
// fails. It allows WebAssembly only, never JavaScript eval.
export const DIRECTIVES = Object.freeze([
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
]);

/** The `security.csp` object for astro.config.mjs; `srcDir` is scanned for inline snippets. @returns {CspConfig} */
export function bookCsp(srcDir) {
  const inline = inlineSnippets(srcDir);
  return {
    algorithm: 'SHA-256',
    directives: [...DIRECTIVES],
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: inline.script.map(sha256),
    },
    styleDirective: {
      // Inline style *attributes* are allowed, <style> elements are not (they need a hash). KaTeX lays out every
      // formula with style attributes (about 400 distinct values) and Shiki colours tokens with them; hashing them all
      // would need 'unsafe-hashes' and hundreds of hashes per page. A style attribute cannot run script, and the
      // img-src/font-src limits still stop it from loading anything from another origin.
      resources: [
        { resource: "'self'", kind: 'element' },
        { resource: "'unsafe-inline'", kind: 'attribute' },
      ],
      hashes: [...inline.style, ...plotStyles()].map(sha256),
    },
  };
}
