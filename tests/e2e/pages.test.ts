import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chapterPaths, hasBrowser, pagePaths, recordProblems, siteUrl, useBrowser, type PageProblems } from './harness';

const browser = useBrowser();
const expectedLang = (path: string) => (path.startsWith('zh/') ? 'zh-CN' : 'en');
// The quiz (chapter 8) is a form without formulas; every other chapter teaches with math.
const teachesWithMath = new Set(chapterPaths.filter((p) => !p.endsWith('/quiz/')));

// One load per page, on a phone-sized screen (desktop widths are covered by the axe and navigation tests), in one tab:
// a fresh tab per page cost more than the load itself, and none of these checks changes what the next page sees.
describe.skipIf(!hasBrowser)('every page in Chromium at 360 px', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  beforeAll(async () => {
    context = await browser().newContext({ viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    problems = recordProblems(page);
  });
  // Leaving the page before the next test clears its record, so requests cut short by leaving are not counted as failed.
  afterEach(async () => {
    await page.goto('about:blank');
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(pagePaths)(
    '/%s loads cleanly (lang, title, description, no errors or foreign requests), fits the screen, and typesets its math',
    async (path) => {
      Object.values(problems).forEach((list) => list.splice(0));
      await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
      expect(await page.getAttribute('html', 'lang')).toBe(expectedLang(path));
      expect(await page.title()).not.toBe('');
      expect(await page.getAttribute('meta[name="description"]', 'content')).toBeTruthy();

      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'sideways scrolling at 360 px').toBeLessThanOrEqual(0);

      if (teachesWithMath.has(path)) {
        const math = await page.evaluate(async () => {
          await document.fonts.ready;
          return {
            katex: document.querySelectorAll('.katex').length,
            mathml: document.querySelectorAll('.katex-mathml math').length,
            errors: document.querySelectorAll('.katex-error').length,
            mainFont: document.fonts.check('16px KaTeX_Main'),
            mathFontLoaded: [...document.fonts].some(
              (f) => f.family.replace(/"/g, '') === 'KaTeX_Math' && f.status === 'loaded',
            ),
          };
        });
        expect(math.katex).toBeGreaterThan(0);
        expect(math.mathml).toBe(math.katex);
        expect(math.errors).toBe(0);
        expect(math.mainFont).toBe(true);
        expect(math.mathFontLoaded).toBe(true);
      }
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    },
  );
});
