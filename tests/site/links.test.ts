import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, urlToFile } from '../../scripts/lib/page-weights.mjs';
import { SITE_DIR, TEST_BASE } from '../helpers/site';

const pages = htmlFiles(SITE_DIR);

/** Every internal URL a page references: links, scripts, stylesheets, images, icons, srcset entries. */
function references(html: string): string[] {
  const urls = [...html.matchAll(/\s(?:href|src|poster|data-src)="([^"]+)"/g)].map((m) => m[1]!);
  for (const m of html.matchAll(/\ssrcset="([^"]+)"/g))
    urls.push(...m[1]!.split(',').map((s) => s.trim().split(/\s+/)[0]!));
  return urls.filter((u) => !/^(?:[a-z]+:)?\/\//i.test(u) && !u.startsWith('mailto:') && !u.startsWith('data:'));
}

describe(`built site in ${relative(process.cwd(), SITE_DIR)} (base ${TEST_BASE})`, () => {
  it('has the landing page, both language homes and at least one chapter per language', () => {
    const rel = pages.map((p) => relative(SITE_DIR, p));
    expect(rel).toContain('index.html');
    expect(rel).toContain('zh/index.html');
    expect(rel).toContain('en/index.html');
    expect(rel.filter((p) => /^zh\/[^/]+\/index\.html$/.test(p)).length).toBeGreaterThan(0);
    expect(rel.filter((p) => /^en\/[^/]+\/index\.html$/.test(p)).length).toBeGreaterThan(0);
  });

  it.each(pages.map((p) => [relative(SITE_DIR, p), p] as const))(
    '%s: every internal link and asset resolves under the base path',
    (_, page) => {
      const html = readFileSync(page, 'utf8');
      const broken = references(html).filter((url) => {
        const file = urlToFile(SITE_DIR, TEST_BASE, url, page);
        return file !== undefined && !existsSync(file);
      });
      expect(broken).toEqual([]);
    },
  );

  it.each(pages.map((p) => [relative(SITE_DIR, p), p] as const))(
    '%s: in-page anchors point at existing ids',
    (_, page) => {
      const html = readFileSync(page, 'utf8');
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      const anchors = [...html.matchAll(/\shref="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
      expect(anchors.filter((a) => !ids.has(a))).toEqual([]);
    },
  );

  it('ships no KaTeX JavaScript and no red KaTeX errors', () => {
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html, page).not.toMatch(/katex(\.min)?\.js/);
      expect(html, page).not.toContain('katex-error');
    }
  });
});
