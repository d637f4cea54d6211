/** The derivation stepper in Chromium, in both languages: complete without JavaScript, one step at a time with it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chapterPaths, hasBrowser, siteUrl, useBrowser, useTab } from './harness';
import { SITE_DIR } from '../helpers/site';
import { seriousViolations, switchToDarkTheme } from './axe-helper';

const browser = useBrowser();
// One tab for the visits with JavaScript (see useTab); the visits without it need a context of their own.
const visit = useTab(browser);
const CHAPTER_3 = 'evidence-lower-bound';
const STRINGS = {
  en: {
    why: 'Why?',
    next: 'Next step',
    all: 'Show all',
    restart: 'Start over',
    counter: (n: number, total: number) => `Step ${n} of ${total}`,
  },
  zh: {
    why: '为什么？',
    next: '下一步',
    all: '全部显示',
    restart: '重新开始',
    counter: (n: number, total: number) => `第 ${n} 步，共 ${total} 步`,
  },
} as const;
type Lang = keyof typeof STRINGS;

const hasDerivation = (path: string) =>
  readFileSync(join(SITE_DIR, path, 'index.html'), 'utf8').includes('data-derivation-step');

/**
 * The page under test: chapter 3, which must use the stepper once it is built; until then the first chapter page with
 * a derivation. Throws when no page has one, so the tests cannot pass without a derivation to test.
 */
function derivationPage(lang: Lang): string {
  const chapter3 = `${lang}/${CHAPTER_3}/`;
  if (existsSync(join(SITE_DIR, chapter3, 'index.html'))) {
    if (!hasDerivation(chapter3)) throw new Error(`/${chapter3} has no <Derivation>`);
    return chapter3;
  }
  const found = chapterPaths.find((p) => p.startsWith(`${lang}/`) && hasDerivation(p));
  if (!found) throw new Error(`no ${lang} chapter page in ${SITE_DIR} has a <Derivation>`);
  return found;
}

interface OpenOptions {
  javaScriptEnabled?: boolean;
  width?: number;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
}

/** Opens the page with the first derivation of at least two steps; records console errors. */
async function openDerivation(lang: Lang, options: OpenOptions = {}) {
  const url = new URL(derivationPage(lang), siteUrl).href;
  let page: Page;
  let consoleErrors: string[];
  let close: () => Promise<void>;
  if (options.javaScriptEnabled === false) {
    const context = await browser().newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: options.reducedMotion ?? 'no-preference',
      javaScriptEnabled: false,
    });
    page = await context.newPage();
    consoleErrors = [];
    const errors = consoleErrors;
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url, { waitUntil: 'load' });
    close = () => context.close();
  } else {
    const opened = await visit(derivationPage(lang), options);
    ({ page, close } = opened);
    consoleErrors = opened.problems.consoleErrors;
  }
  const figure = page
    .locator('figure[data-derivation]')
    .filter({ has: page.locator('li[data-derivation-step] ~ li[data-derivation-step]') })
    .first();
  await figure.scrollIntoViewIfNeeded();
  const steps = figure.locator('li[data-derivation-step]');
  return { page, figure, steps, total: await steps.count(), consoleErrors, close };
}

/** Which steps are visible, e.g. [true, false, false]. */
const visibility = async (steps: Locator) => Promise.all((await steps.all()).map((s) => s.isVisible()));
const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const button = (figure: Locator, name: string) => figure.getByRole('button', { name, exact: true });

describe.skipIf(!hasBrowser).each(['en', 'zh'] as const)('the derivation stepper in %s', (lang) => {
  const s = STRINGS[lang];

  it('without JavaScript shows every step, numbered, each with a closed "why" that opens natively, and no buttons', async () => {
    const { page, figure, consoleErrors, close } = await openDerivation(lang, { javaScriptEnabled: false });
    const figures = page.locator('figure[data-derivation]');
    expect(await figures.count()).toBeGreaterThan(0);
    const allSteps = page.locator('figure[data-derivation] li[data-derivation-step]');
    expect(await allSteps.count()).toBeGreaterThanOrEqual(2);
    expect(await visibility(allSteps)).toEqual(Array(await allSteps.count()).fill(true));
    // Steps are an ordered list, numbered by a CSS counter: the second step's badge says 2.
    expect(await allSteps.first().evaluate((li) => li.parentElement?.tagName)).toBe('OL');
    expect(await allSteps.first().evaluate((li) => getComputedStyle(li, '::before').content)).toContain(
      'counter(derivation-step)',
    );
    const whys = page.locator('figure[data-derivation] details.derivation-why');
    expect(await whys.count()).toBeGreaterThan(0);
    for (const why of await whys.all()) {
      expect(await why.locator('summary').isVisible()).toBe(true);
      expect((await why.locator('summary').textContent())?.trim()).toBe(s.why);
      expect(await why.getAttribute('open')).toBe(null);
      expect(((await why.locator('.derivation-why-body').textContent()) ?? '').trim().length).toBeGreaterThan(3);
    }
    expect(await page.locator('[data-derivation-controls]').first().isHidden()).toBe(true);
    // Search indexes the steps: nothing above them opts out of Pagefind.
    expect(await allSteps.evaluateAll((lis) => lis.filter((li) => li.closest('[data-pagefind-ignore]')).length)).toBe(
      0,
    );
    const why = figure.locator('details.derivation-why').first();
    await why.locator('summary').click();
    expect(await why.getAttribute('open')).toBe('');
    expect(await why.locator('.derivation-why-body').isVisible()).toBe(true);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('with JavaScript shows step 1, and Next step, Show all and Start over move through the rest', async () => {
    const { page, figure, steps, total, consoleErrors, close } = await openDerivation(lang);
    const counter = figure.locator('[data-derivation-counter]');
    const next = button(figure, s.next);
    expect(await visibility(steps)).toEqual([true, ...Array(total - 1).fill(false)]);
    expect(await counter.textContent()).toBe(s.counter(1, total));
    expect(await counter.getAttribute('aria-live')).toBe('polite');
    expect(await button(figure, s.restart).isDisabled()).toBe(true);

    await next.click();
    expect(await visibility(steps)).toEqual([true, true, ...Array(total - 2).fill(false)]);
    expect(await isFocused(steps.nth(1))).toBe(true);
    expect(await counter.textContent()).toBe(s.counter(2, total));
    // The new step is on screen: focus did not throw the page somewhere else.
    const box = await steps.nth(1).boundingBox();
    expect(box && box.y >= 0 && box.y + Math.min(box.height, 200) <= 900).toBe(true);

    const why = steps.nth(1).locator('details.derivation-why');
    if ((await why.count()) > 0) {
      await why.locator('summary').click();
      expect(await why.getAttribute('open')).toBe('');
      expect(await why.locator('.derivation-why-body').isVisible()).toBe(true);
    }

    await button(figure, s.all).click();
    expect(await visibility(steps)).toEqual(Array(total).fill(true));
    expect(await next.isDisabled()).toBe(true);
    expect(await button(figure, s.all).isDisabled()).toBe(true);
    expect(await counter.textContent()).toBe(s.counter(total, total));

    await button(figure, s.restart).click();
    expect(await visibility(steps)).toEqual([true, ...Array(total - 1).fill(false)]);
    expect(await next.isEnabled()).toBe(true);
    expect(await counter.textContent()).toBe(s.counter(1, total));
    expect(await isFocused(steps.first())).toBe(true);
    // Nothing is remembered: a reload starts at step 1 again.
    await next.click();
    await page.reload({ waitUntil: 'load' });
    expect(await visibility(steps)).toEqual([true, ...Array(total - 1).fill(false)]);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('works from the keyboard: Tab to Next step, Enter reveals and focuses the step, Tab reaches its "why"', async () => {
    const { page, figure, steps, total, consoleErrors, close } = await openDerivation(lang);
    const next = button(figure, s.next);
    await steps.first().focus();
    for (let i = 0; i < 10 && !(await isFocused(next)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(next)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await visibility(steps)).toEqual([true, true, ...Array(total - 2).fill(false)]);
    expect(await isFocused(steps.nth(1))).toBe(true);
    const why = steps.nth(1).locator('details.derivation-why');
    if ((await why.count()) > 0) {
      await page.keyboard.press('Tab');
      expect(await isFocused(why.locator('summary'))).toBe(true);
      await page.keyboard.press('Enter');
      expect(await why.getAttribute('open')).toBe('');
    }
    for (let i = 0; i < 10 && !(await isFocused(next)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(next)).toBe(true);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('animates a revealed step, except for readers who prefer reduced motion', async () => {
    for (const [reducedMotion, expected] of [
      ['no-preference', 'derivation-reveal'],
      ['reduce', 'none'],
    ] as const) {
      const { figure, steps, close } = await openDerivation(lang, { reducedMotion });
      await button(figure, s.next).click();
      expect(await steps.nth(1).evaluate((li) => getComputedStyle(li).animationName), reducedMotion).toBe(expected);
      await close();
    }
  });

  it('prints every step with its reason and without the buttons', async () => {
    const { page, figure, steps, total, close } = await openDerivation(lang);
    await page.emulateMedia({ media: 'print' });
    expect(await visibility(steps)).toEqual(Array(total).fill(true));
    expect(await figure.locator('[data-derivation-controls]').isHidden()).toBe(true);
    for (const body of await figure.locator('.derivation-why-body').all()) expect(await body.isVisible()).toBe(true);
    await close();
  });

  it('fits a 360 px screen: long formulas scroll inside the step, the page does not', async () => {
    const { page, figure, steps, total, consoleErrors, close } = await openDerivation(lang, { width: 360 });
    await button(figure, s.all).click();
    expect(await visibility(steps)).toEqual(Array(total).fill(true));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const displays = page.locator('figure[data-derivation] .katex-display');
    for (const display of await displays.all()) {
      const { right, overflowX } = await display.evaluate((el) => ({
        right: el.getBoundingClientRect().right,
        overflowX: getComputedStyle(el).overflowX,
      }));
      expect(right).toBeLessThanOrEqual(360);
      expect(overflowX).toBe('auto');
    }
    expect(consoleErrors).toEqual([]);
    await close();
  });

  // One page for both themes: the dark one is the same page switched live, as a reader's system would.
  describe('with a "why" open', () => {
    let opened: Awaited<ReturnType<typeof openDerivation>> | undefined;
    beforeAll(async () => {
      opened = await openDerivation(lang, { colorScheme: 'light' });
      await button(opened.figure, s.next).click();
      await opened.figure.locator('details.derivation-why summary').first().click();
    });
    afterAll(async () => {
      await opened?.close();
    });

    it.each(['light', 'dark'] as const)(
      'has no serious or critical axe violations (%s theme, a "why" open)',
      async (colorScheme) => {
        const { page, figure } = opened!;
        if (colorScheme === 'dark') await switchToDarkTheme(page);
        expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(colorScheme);
        expect(await seriousViolations(page, figure)).toEqual([]);
      },
    );
  });
});
