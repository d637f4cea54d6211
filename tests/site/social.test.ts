/** Social previews: every built page names an absolute preview image that exists in the build, with a large Twitter card. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, urlToFile } from '../../scripts/lib/page-weights.mjs';
import { SITE_DIR, TEST_BASE } from '../helpers/site';

const pages = htmlFiles(SITE_DIR);

/** The content of `<meta property|name="key">` in a page; undefined when absent. */
function meta(html: string, key: string): string | undefined {
  return new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
}

/** Width and height of a PNG, read from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe(`social previews in ${relative(process.cwd(), SITE_DIR)}`, () => {
  it.each(pages.map((p) => [relative(SITE_DIR, p), p] as const))(
    '%s: og and twitter tags, absolute, on this site, image in the build',
    (_, page) => {
      const html = readFileSync(page, 'utf8');
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical).toMatch(/^https?:\/\//);
      const siteRoot = new URL(TEST_BASE, canonical).href;
      for (const key of [
        'og:title',
        'og:description',
        'og:url',
        'og:image',
        'twitter:title',
        'twitter:description',
        'twitter:image',
      ]) {
        expect(meta(html, key), key).toBeTruthy();
      }
      expect(meta(html, 'twitter:card')).toBe('summary_large_image');
      expect(meta(html, 'og:url')).toBe(canonical);
      for (const key of ['og:image', 'twitter:image']) {
        const image = meta(html, key)!;
        expect(image.startsWith(siteRoot), `${key} ${image} is absolute and on ${siteRoot}`).toBe(true);
        const file = urlToFile(SITE_DIR, TEST_BASE, new URL(image).pathname, page);
        expect(file !== undefined && existsSync(file), `${key} ${image} exists in the build`).toBe(true);
      }
    },
  );

  it('the preview image has the 1200 × 630 size the large cards crop to', () => {
    expect(pngSize(join(SITE_DIR, 'og-image.png'))).toEqual({ width: 1200, height: 630 });
  });
});
