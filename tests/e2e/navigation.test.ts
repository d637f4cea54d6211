import { describe, expect, it } from 'vitest';
import { chapterPaths, hasBrowser, openPage, siteUrl, useBrowser } from './harness';

const browser = useBrowser();
const enChapters = chapterPaths.filter((p) => p.startsWith('en/'));
// The quiz (chapter 8) is one form with no sections, so it has no "On this page" list.
const enChaptersWithSections = enChapters.filter((p) => !p.endsWith('/quiz/'));

describe.skipIf(!hasBrowser)('navigation', () => {
  it('the landing page offers both languages and reaches a chapter', async () => {
    const { page, close } = await openPage(browser(), '');
    await page.getByRole('link', { name: /阅读中文版/ }).click();
    await page.waitForURL(/\/vae-book\/zh\/$/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('link', { name: /开始阅读/ }).click();
    await page.waitForURL(/\/vae-book\/zh\/[^/]+\/$/);
    expect(await page.locator('.katex').count()).toBeGreaterThan(0);
    await close();
  });

  it.each(enChapters)('the language switcher on /%s stays on the same chapter and back', async (path) => {
    const { page, close } = await openPage(browser(), path);
    const slug = path.split('/')[1];
    await page.getByRole('navigation', { name: 'Read this page in' }).getByRole('link', { name: '中文' }).click();
    await page.waitForURL(new RegExp(`/vae-book/zh/${slug}/$`));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.getByRole('navigation', { name: '切换本页语言' }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL(new RegExp(`/vae-book/en/${slug}/$`));
    await close();
  });

  it.each(enChapters)(
    '/%s marks itself in the sidebar and its previous/next links follow the sidebar order',
    async (path) => {
      const { page, close } = await openPage(browser(), path);
      const sidebar = page.getByRole('navigation', { name: 'Chapters' });
      const hrefs = await sidebar.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const current = await sidebar.locator('a[aria-current="page"]').evaluate((a) => (a as HTMLAnchorElement).href);
      expect(current).toBe(new URL(path, siteUrl).href);
      const i = hrefs.indexOf(current);
      const next = await page
        .locator('.prev-next a[rel="next"]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      const prev = await page
        .locator('.prev-next a[rel="prev"]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(next).toEqual(hrefs[i + 1] ? [hrefs[i + 1]] : []);
      expect(prev).toEqual(i > 0 ? [hrefs[i - 1]] : []);
      await close();
    },
  );

  it.each(enChaptersWithSections)(
    '/%s lists its headings under "On this page", and the links jump to them',
    async (path) => {
      const { page, close } = await openPage(browser(), path, { width: 1400 });
      const toc = page.getByRole('navigation', { name: 'On this page' });
      await expect(toc.isVisible()).resolves.toBe(true);
      const links = toc.getByRole('link');
      const n = await links.count();
      expect(n).toBeGreaterThan(0);
      const last = links.nth(n - 1);
      const target = (await last.getAttribute('href'))!;
      await last.click();
      await page.waitForFunction((id) => location.hash === id, target);
      const top = await page.locator(target).evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(900);
      await close();
    },
  );
});

describe.skipIf(!hasBrowser)('colour theme', () => {
  const path = enChapters[0] ?? 'en/';

  it('follows the system by default', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, close } = await openPage(browser(), path, { colorScheme: scheme });
      expect(await page.getAttribute('html', 'data-theme')).toBe(scheme);
      await close();
    }
  });

  it('the toggle cycles system → light → dark, is remembered, and a stored theme is applied before first paint', async () => {
    const { page, close } = await openPage(browser(), path, { colorScheme: 'light' });
    const toggle = page.getByRole('button', { name: /^Theme:/ });
    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme-pref')).toBe('light');
    await toggle.click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await expect(toggle.getAttribute('aria-label')).resolves.toBe('Theme: dark');
    // Record the theme at the moment <body> first exists: a flash would show "light" there.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string | undefined }).themeAtBody =
            document.documentElement.dataset['theme'];
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string | undefined }).themeAtBody)).toBe(
      'dark',
    );
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(22, 24, 29)');
    await close();
  });
});
