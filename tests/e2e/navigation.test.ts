import { describe, expect, it } from 'vitest';
import { chapterPaths, hasBrowser, openPage, useBrowser } from './harness';

const browser = useBrowser();
const enChapters = chapterPaths.filter((p) => p.startsWith('en/'));
// Each English chapter's language switcher, sidebar, previous/next and "On this page" are checked in page-visits.test.ts,
// on the same visit as its axe run.

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
