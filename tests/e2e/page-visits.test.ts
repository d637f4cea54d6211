/**
 * One visit per built page at 1280 px: axe in the light theme and, on the same page, the colour rules in the dark one;
 * on each English chapter the same visit then checks the sidebar, "On this page" and the language switcher.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chapterPaths, hasBrowser, pagePaths, siteUrl, useBrowser, useTab, type OpenedPage } from './harness';
import { seriousViolations, switchToDarkTheme } from './axe-helper';

const browser = useBrowser();
// One tab for every page: each visit navigates it afresh (see useTab), which costs far less than a new tab per page.
const openPage = useTab(browser);
const enChapters = new Set(chapterPaths.filter((p) => p.startsWith('en/')));
// The quiz (chapter 8) is one form with no sections, so it has no "On this page" list.
const hasSections = (path: string) => !path.endsWith('/quiz/');

// Only colours change between the themes, so the dark theme re-runs the colour rules on the same loaded page.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Axe in light, then the colour rules in dark, on the page as loaded. */
async function checkAxe(page: Page) {
  expect(await seriousViolations(page)).toEqual([]);
  await switchToDarkTheme(page);
  expect(await seriousViolations(page, undefined, { rules: COLOUR_RULES })).toEqual([]);
}

/** The sidebar marks `path` as current, and the previous/next links are its neighbours in the sidebar. */
async function checkSidebar(page: Page, path: string) {
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
}

/** At 1400 px "On this page" is shown, lists headings, and its last link scrolls its heading into view. */
async function checkOnThisPage(page: Page) {
  await page.setViewportSize({ width: 1400, height: 900 });
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
}

/** The switcher leads to the same chapter in Chinese and back (it leaves the page, so it runs last). */
async function checkLanguageSwitcher(page: Page, path: string) {
  const slug = path.split('/')[1];
  await page.getByRole('navigation', { name: 'Read this page in' }).getByRole('link', { name: '中文' }).click();
  await page.waitForURL(new RegExp(`/vae-book/zh/${slug}/$`));
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  await page.getByRole('navigation', { name: '切换本页语言' }).getByRole('link', { name: 'English' }).click();
  await page.waitForURL(new RegExp(`/vae-book/en/${slug}/$`));
}

describe.skipIf(!hasBrowser).each(pagePaths)('/%s, one visit at 1280 px', (path) => {
  let visit: OpenedPage | undefined;
  const page = () => visit!.page;
  beforeAll(async () => {
    visit = await openPage(path, { colorScheme: 'light' });
  });
  afterAll(async () => {
    await visit?.close();
  });

  it('has no serious or critical axe violations in the light theme, nor contrast failures in the dark one', () =>
    checkAxe(page()));

  if (!enChapters.has(path)) return;
  it('marks itself in the sidebar and its previous/next links follow the sidebar order', () =>
    checkSidebar(page(), path));
  if (hasSections(path))
    it('lists its headings under "On this page" (at 1400 px), and the links jump to them', () =>
      checkOnThisPage(page()));
  it('has a language switcher that stays on the same chapter and back', () => checkLanguageSwitcher(page(), path));
});
