/** The sitemap, robots.txt and hreflang links of the built site: every chapter in both languages, each alternate a real page. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, urlToFile } from '../../scripts/lib/page-weights.mjs';
import { SITE_DIR, TEST_BASE } from '../helpers/site';

const pages = htmlFiles(SITE_DIR);
const read = (file: string) => readFileSync(join(SITE_DIR, file), 'utf8');
const HREFLANG = { zh: 'zh-CN', en: 'en' } as const;

/** The site's absolute root URL, from the landing page's canonical link (e.g. "https://example.org/vae-book/"). */
const ROOT_URL = /<link rel="canonical" href="([^"]+)"/.exec(read('index.html'))![1]!;

/** The built file an absolute URL on this site serves; undefined for another site. */
function fileOf(url: string): string | undefined {
  if (!url.startsWith(ROOT_URL)) return undefined;
  return urlToFile(SITE_DIR, TEST_BASE, new URL(url).pathname, join(SITE_DIR, 'index.html'));
}

/** Each <url> of a sitemap file: its loc and its hreflang → href alternates. */
function sitemapEntries(xml: string): { loc: string; alternates: Record<string, string> }[] {
  return [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body]) => ({
    loc: /<loc>([^<]+)<\/loc>/.exec(body!)![1]!,
    alternates: Object.fromEntries(
      [...body!.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    ),
  }));
}

const index = read('sitemap-index.xml');
const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
const entries = sitemaps.flatMap((url) => sitemapEntries(readFileSync(fileOf(url)!, 'utf8')));
const chapterSlugs = [
  ...new Set(
    pages
      .map((p) => relative(SITE_DIR, p).split('\\').join('/'))
      .flatMap((p) => /^(?:zh|en)\/([^/]+)\/index\.html$/.exec(p)?.[1] ?? []),
  ),
];

describe('sitemap', () => {
  it('the index names sitemaps that exist in the build', () => {
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const url of sitemaps) expect(existsSync(fileOf(url) ?? ''), url).toBe(true);
  });

  it('lists only pages that exist, never /bench/, the 404 page or the language chooser', () => {
    for (const { loc } of entries) expect(existsSync(fileOf(loc) ?? ''), loc).toBe(true);
    const locs = entries.map((e) => e.loc);
    expect(locs.filter((l) => l.includes('/bench/') || l.includes('404') || l === ROOT_URL)).toEqual([]);
  });

  it.each(chapterSlugs)('lists chapter %s in both languages, each with both alternates', (slug) => {
    const urls = { zh: `${ROOT_URL}zh/${slug}/`, en: `${ROOT_URL}en/${slug}/` };
    for (const lang of ['zh', 'en'] as const) {
      const entry = entries.find((e) => e.loc === urls[lang]);
      expect(entry, urls[lang]).toBeDefined();
      expect(entry!.alternates).toEqual({ [HREFLANG.zh]: urls.zh, [HREFLANG.en]: urls.en });
    }
  });
});

describe('robots.txt and the sitemap link', () => {
  it('robots.txt names the sitemap index by its absolute URL and keeps crawlers out of /bench/', () => {
    const robots = read('robots.txt');
    expect(robots).toContain(`Sitemap: ${ROOT_URL}sitemap-index.xml`);
    expect(robots).toMatch(new RegExp(`^Disallow: ${TEST_BASE}bench/$`, 'm'));
  });

  it.each(pages.map((p) => [relative(SITE_DIR, p), p] as const))('%s: links the sitemap in its head', (_, page) => {
    expect(readFileSync(page, 'utf8')).toContain(`<link rel="sitemap" href="${TEST_BASE}sitemap-index.xml">`);
  });
});

describe('hreflang alternates', () => {
  it.each(pages.map((p) => [relative(SITE_DIR, p), p] as const))(
    '%s: every alternate is a built page, with an x-default among them',
    (rel, page) => {
      const html = readFileSync(page, 'utf8');
      const links = Object.fromEntries(
        [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [m[1]!, m[2]!]),
      );
      if (/^(404\.html|bench\/)/.test(rel)) return expect(links).toEqual({});
      expect(Object.keys(links).sort()).toEqual(['en', 'x-default', 'zh-CN']);
      for (const [lang, href] of Object.entries(links))
        expect(existsSync(fileOf(href) ?? ''), `${lang} → ${href}`).toBe(true);
      expect(links['x-default']).toBe(links['en']);
    },
  );

  it('a chapter’s alternates are its own page and its translation', () => {
    const html = read(`zh/${chapterSlugs[0]}/index.html`);
    expect(html).toContain(`hreflang="en" href="${ROOT_URL}en/${chapterSlugs[0]}/"`);
    expect(html).toContain(`hreflang="zh-CN" href="${ROOT_URL}zh/${chapterSlugs[0]}/"`);
  });
});
