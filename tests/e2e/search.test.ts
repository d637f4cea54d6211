import { describe, expect, it } from 'vitest';
import { hasBrowser, pagePaths, useBrowser, useTab } from './harness';

const browser = useBrowser();
// One tab for the file: each visit navigates it afresh (see useTab), far cheaper than a new context per test.
const openPage = useTab(browser);

/** Opens the search dialog on `path`, types `term`, and returns the result links' hrefs. */
async function search(path: string, term: string) {
  const { page, problems, close } = await openPage(path);
  await page.getByRole('button', { name: /Search the book|搜索全书/ }).click();
  const input = page
    .getByRole('dialog')
    .getByRole('searchbox')
    .or(page.getByRole('dialog').locator('input[type="text"]'))
    .first();
  await input.fill(term);
  await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
  const hrefs = await page
    .locator('.pagefind-ui__result-link')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
  return { page, problems, hrefs, close };
}

describe.skipIf(!hasBrowser)('search (Pagefind)', () => {
  it.each([
    ['en/', 'reparameterization', /^\/vae-book\/en\/reparameterization\//],
    ['zh/', '重参数化', /^\/vae-book\/zh\/reparameterization\//],
  ])('on /%s, "%s" finds the right chapter in the same language', async (path, term, expected) => {
    const { hrefs, problems, close } = await search(path, term);
    expect(hrefs.length).toBeGreaterThan(0);
    // The teaching chapter must be among the first three hits (chapter 6 uses the word often enough to compete in zh).
    const pages = [...new Set(hrefs)];
    expect(
      pages.slice(0, 3).some((h) => expected.test(h)),
      pages.slice(0, 3).join(', '),
    ).toBe(true);
    expect(hrefs.every((h) => h.startsWith(`/vae-book/${path}`))).toBe(true);
    expect(problems.failedRequests).toEqual([]);
    await close();
  });

  // Notebook cells' code is part of the page Pagefind indexes: a name that only a cell's code uses finds its chapter.
  it.each([
    ['en/', 'logitSpread', /^\/vae-book\/en\/training-a-vae\//],
    ['zh/', 'logitSpread', /^\/vae-book\/zh\/training-a-vae\//],
  ])('on /%s, "%s" (only in a cell\'s code) finds the chapter with that cell', async (path, term, expected) => {
    const { hrefs, close } = await search(path, term);
    expect(
      hrefs.some((h) => expected.test(h)),
      hrefs.join(', '),
    ).toBe(true);
    await close();
  });

  // Every page shares one header and search dialog; the landing, both contents pages and a chapter per language cover it.
  const searchPages = pagePaths.filter((p) => ['', 'en/', 'zh/', 'en/two-terms/', 'zh/two-terms/'].includes(p));
  it('covers a sample of pages that exists', () => expect(searchPages).toHaveLength(5));
  it.each(searchPages)('the search opens and answers on /%s', async (path) => {
    const lang = path.startsWith('zh/') ? 'zh' : 'en';
    const { hrefs, close } = await search(path, lang === 'zh' ? '密度' : 'density');
    expect(hrefs.every((h) => h.startsWith(`/vae-book/${lang}/`))).toBe(true);
    await close();
  });
});
