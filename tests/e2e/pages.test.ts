import { describe, expect, it } from 'vitest';
import { chapterPaths, hasBrowser, openPage, pagePaths, useBrowser } from './harness';

const browser = useBrowser();
const expectedLang = (path: string) => (path.startsWith('zh/') ? 'zh-CN' : 'en');

describe.skipIf(!hasBrowser)('every page in Chromium', () => {
  it.each(pagePaths)('/%s loads cleanly: right <html lang>, no console errors, no failed or foreign requests', async (path) => {
    const { page, problems, close } = await openPage(browser(), path);
    expect(await page.getAttribute('html', 'lang')).toBe(expectedLang(path));
    expect(await page.title()).not.toBe('');
    expect(await page.getAttribute('meta[name="description"]', 'content')).toBeTruthy();
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await close();
  });

  // The quiz (chapter 8) is a form without formulas; every other chapter teaches with math.
  it.each(chapterPaths.filter((p) => !p.endsWith('/quiz/')))('/%s has typeset math with MathML and KaTeX fonts served by the site', async (path) => {
    const { page, problems, close } = await openPage(browser(), path);
    const math = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        katex: document.querySelectorAll('.katex').length,
        mathml: document.querySelectorAll('.katex-mathml math').length,
        errors: document.querySelectorAll('.katex-error').length,
        mainFont: document.fonts.check('16px KaTeX_Main'),
        mathFontLoaded: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'KaTeX_Math' && f.status === 'loaded'),
      };
    });
    expect(math.katex).toBeGreaterThan(0);
    expect(math.mathml).toBe(math.katex);
    expect(math.errors).toBe(0);
    expect(math.mainFont).toBe(true);
    expect(math.mathFontLoaded).toBe(true);
    expect(problems.failedRequests).toEqual([]);
    await close();
  });

  it.each(pagePaths)('/%s fits a 360 px screen without sideways scrolling', async (path) => {
    const { page, close } = await openPage(browser(), path, { width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await close();
  });
});
