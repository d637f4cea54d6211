/** Every built page carries the book's Content-Security-Policy: no eval, no other origin, and a hash for each inline script and style. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles } from '../../scripts/lib/page-weights.mjs';
import { SITE_DIR } from '../helpers/site';

const pages = htmlFiles(SITE_DIR);

/** The policy of a page's `<meta http-equiv="content-security-policy">` as directive → sources; null when there is none. */
function cspOf(html: string): Map<string, string[]> | null {
  const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta) return null;
  const policy = new Map<string, string[]>();
  for (const part of meta[1]!.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources that govern `<script>`/`<style>` elements: the -elem directive, else the family one, else default-src. */
function elementSources(policy: Map<string, string[]>, family: 'script' | 'style'): string[] {
  return policy.get(`${family}-src-elem`) ?? policy.get(`${family}-src`) ?? policy.get('default-src') ?? [];
}

// The only sources the book allows: its own origin, hashes, data:/blob: (made in the page), WebAssembly compilation.
const ALLOWED_SOURCE = /^(?:'self'|'none'|'wasm-unsafe-eval'|'sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}'|data:|blob:)$/;

/** Everything wrong with a page's policy; an empty list when it is sound. */
function cspProblems(html: string): string[] {
  const policy = cspOf(html);
  if (!policy) return ['no <meta http-equiv="content-security-policy">'];
  const problems: string[] = [];
  const expectExactly = (name: string, sources: string) => {
    if (policy.get(name)?.join(' ') !== sources) problems.push(`${name} is not ${sources}`);
  };
  expectExactly('default-src', "'self'");
  expectExactly('object-src', "'none'");
  expectExactly('base-uri', "'self'");
  for (const [name, sources] of policy) {
    for (const source of sources) {
      // Inline style *attributes* only (KaTeX and Shiki write them; src/build/csp.mjs says why that is safe).
      if (name === 'style-src-attr' && source === "'unsafe-inline'") continue;
      if (!ALLOWED_SOURCE.test(source)) problems.push(`${name} allows ${source}`);
    }
  }
  for (const family of ['script', 'style'] as const) {
    const allowed = new Set(elementSources(policy, family));
    const inline = new RegExp(`<${family}\\b([^>]*)>([\\s\\S]*?)</${family}>`, 'gi');
    for (const [, attrs, body] of html.matchAll(inline)) {
      if (/\ssrc=/i.test(attrs!)) continue;
      const hash = `'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`;
      if (!allowed.has(hash))
        problems.push(`inline <${family}> without its hash ${hash}: ${body!.trim().slice(0, 60)}`);
    }
  }
  return problems;
}

const SOUND = (body: string) =>
  `<head><meta http-equiv="content-security-policy" content="default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${createHash('sha256').update(body).digest('base64')}'; style-src-attr 'unsafe-inline';"><script>${body}</script></head>`;

describe('cspProblems(html)', () => {
  it('passes a sound policy whose inline script is hashed', () => expect(cspProblems(SOUND('go()'))).toEqual([]));

  it.each([
    // no policy at all
    ['<head><script>go()</script></head>', 'no <meta'],
    // the script's text differs from the text that was hashed
    [SOUND('go()').replace('<script>go()', '<script>go(1)'), 'inline <script> without its hash'],
    // an inline <style> with no hash
    [SOUND('go()').replace('</head>', '<style>p{color:red}</style></head>'), 'inline <style> without its hash'],
    // JavaScript eval
    [SOUND('go()').replace("'wasm-unsafe-eval'", "'unsafe-eval'"), "script-src allows 'unsafe-eval'"],
    // inline scripts allowed wholesale
    [SOUND('go()').replace("'wasm-unsafe-eval'", "'unsafe-inline'"), "script-src allows 'unsafe-inline'"],
    // a third-party origin
    [
      SOUND('go()').replace("base-uri 'self';", "base-uri 'self'; img-src 'self' https://cdn.example.com;"),
      'img-src allows https://cdn.example.com',
    ],
    // a wildcard
    [SOUND('go()').replace("object-src 'none'", 'object-src *'), 'object-src is not'],
  ])('flags %#: %s', (html, problem) => {
    expect(cspProblems(html).join('\n')).toContain(problem);
  });
});

describe(`the CSP of every page in ${relative(process.cwd(), SITE_DIR)}`, () => {
  it.each(pages.map((p) => [relative(SITE_DIR, p), p] as const))(
    '%s: sound, with a hash for every inline script and style',
    (_, page) => {
      const html = readFileSync(page, 'utf8');
      expect(cspProblems(html)).toEqual([]);
      expect(html.indexOf('http-equiv="content-security-policy"')).toBeLessThan(html.indexOf('</head>'));
    },
  );
});
