/**
 * Formula ↔ source ↔ live number in Chromium, in both languages, on chapter 7's β-objective: the code is the real
 * file's lines; hovering, focusing, pressing and tapping a term lights its code and tells the page (`vae:term`);
 * a `vae:metrics` event fills `<LiveValue>`; without JavaScript nothing breaks; axe passes with a term lit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasBrowser, siteUrl, useBrowser, useTab } from './harness';
import { ROOT } from '../helpers/site';
import { seriousViolations, switchToDarkTheme } from './axe-helper';

const browser = useBrowser();
// One tab for the visits with JavaScript on a mouse (see useTab); without JavaScript or on touch a context of their own.
const visit = useTab(browser);
const CHAPTER = 'beta-rate-distortion';
const FILE = 'src/core/losses.ts';
const STRINGS = {
  en: {
    caption: /^Source src\/core\/losses\.ts, lines (\d+)–(\d+)$/,
    group: 'Terms of the formula',
    kl: 'KL to the prior',
    beta: 'weight β',
  },
  zh: {
    caption: /^源码 src\/core\/losses\.ts，第 (\d+)–(\d+) 行$/,
    group: '公式中的各项',
    kl: '到先验的 KL',
    beta: '权重 β',
  },
} as const;
type Lang = keyof typeof STRINGS;

interface OpenOptions {
  javaScriptEnabled?: boolean;
  width?: number;
  colorScheme?: 'light' | 'dark';
  hasTouch?: boolean;
}

/** Opens chapter 7, records console errors and every `vae:term` event, and returns its β-objective binding. */
async function openBinding(lang: Lang, options: OpenOptions = {}) {
  const path = `${lang}/${CHAPTER}/`;
  let page: Page;
  let consoleErrors: string[];
  let close: () => Promise<void>;
  if (options.javaScriptEnabled === false || options.hasTouch) {
    const context = await browser().newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      hasTouch: options.hasTouch ?? false,
      isMobile: options.hasTouch ?? false,
    });
    page = await context.newPage();
    consoleErrors = [];
    const errors = consoleErrors;
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(new URL(path, siteUrl).href, { waitUntil: 'load' });
    close = () => context.close();
  } else {
    const opened = await visit(path, options);
    ({ page, close } = opened);
    consoleErrors = opened.problems.consoleErrors;
  }
  if (options.javaScriptEnabled !== false) {
    await page.evaluate(() => {
      const log: unknown[] = [];
      (window as unknown as { termEvents: unknown[] }).termEvents = log;
      document.addEventListener('vae:term', (e) => log.push((e as CustomEvent).detail));
    });
  }
  const figure = page.locator(`figure.formula-binding[data-source-fn="betaObjective"]`);
  await figure.scrollIntoViewIfNeeded();
  return { page, figure, consoleErrors, close };
}

const termEvents = (page: Page) => page.evaluate(() => (window as unknown as { termEvents: unknown[] }).termEvents);
/** Text of every lit element in the figure, by kind: formula parts, code lines (their numbers), code tokens, buttons. */
async function lit(figure: Locator) {
  return figure.evaluate((f) => ({
    formula: [...f.querySelectorAll('.source-formula .term-active')].map((e) => e.getAttribute('data-term')),
    lines: [...f.querySelectorAll('.line.term-active')].map((e) => Number(e.getAttribute('data-line'))),
    tokens: [...f.querySelectorAll('.source-token.term-active')].map((e) => e.textContent),
    buttons: [...f.querySelectorAll('button.term-active')].map((e) => e.getAttribute('data-term')),
  }));
}
const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

describe.skipIf(!hasBrowser).each(['en', 'zh'] as const)('the formula ↔ source binding in %s', (lang) => {
  const s = STRINGS[lang];

  it('shows the real lines of src/core/losses.ts with their numbers, the formula and "—" without JavaScript', async () => {
    const { page, figure, close } = await openBinding(lang, { javaScriptEnabled: false });
    const caption = ((await figure.locator('.source-caption').textContent()) ?? '').replace(/\s+/g, ' ').trim();
    const [, from, to] = s.caption.exec(caption) ?? [];
    expect(from, caption).toBeDefined();
    const file = readFileSync(join(ROOT, FILE), 'utf8').split('\n');
    const lines = await figure
      .locator('.line')
      .evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-line')), e.textContent]));
    expect(lines.map(([n]) => n)).toEqual(
      Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => Number(from) + i),
    );
    for (const [n, text] of lines) expect(text, `line ${n}`).toBe(file[(n as number) - 1]);
    expect(lines.some(([, text]) => String(text).startsWith('export function betaObjective('))).toBe(true);
    expect(await figure.locator('.source-formula .katex-display').isVisible()).toBe(true);
    expect(await figure.getByRole('group', { name: s.group }).isHidden()).toBe(true);
    const live = page.locator('[data-live-term="objective"]').first();
    expect(((await live.textContent()) ?? '').startsWith('—')).toBe(true);
    await close();
  });

  it('lights the term under the mouse in the formula, its line and its token, and tells the page', async () => {
    const { page, figure, consoleErrors, close } = await openBinding(lang);
    expect(await figure.getByRole('group', { name: s.group }).isVisible()).toBe(true);
    await figure.locator('.source-formula [data-term="kl"]').hover();
    const kl = await lit(figure);
    expect(kl.formula).toEqual(['kl']);
    expect(kl.tokens).toEqual(['kl']);
    expect(kl.buttons).toEqual(['kl']);
    expect(kl.lines).toHaveLength(1);
    const lineText = await figure.locator(`.line[data-line="${kl.lines[0]}"]`).textContent();
    expect(lineText).toContain('tf.mul(beta, kl)');
    await figure.locator('.source-formula [data-term="beta"]').hover();
    expect((await lit(figure)).tokens).toEqual(['beta']);
    await page.mouse.move(5, 5);
    expect(await lit(figure)).toEqual({ formula: [], lines: [], tokens: [], buttons: [] });
    expect(await termEvents(page)).toEqual([
      { term: 'kl', active: true },
      { term: 'kl', active: false },
      { term: 'beta', active: true },
      { term: 'beta', active: false },
    ]);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('works from the keyboard: Tab reaches the term buttons, focus lights, Enter pins, Escape unpins', async () => {
    const { page, figure, consoleErrors, close } = await openBinding(lang);
    const first = figure.locator('button[data-term]').first();
    const klButton = figure.getByRole('button', { name: new RegExp(`^${s.kl}`) });
    await first.focus();
    expect(await isFocused(first)).toBe(true);
    for (let i = 0; i < 6 && !(await isFocused(klButton)); i++) await page.keyboard.press('Tab');
    expect(await isFocused(klButton)).toBe(true);
    expect((await lit(figure)).tokens).toEqual(['kl']);
    // The button says where its code is: described by the caption.
    const describedBy = await klButton.getAttribute('aria-describedby');
    expect(await figure.locator(`#${describedBy}`).getAttribute('class')).toBe('source-caption');
    await page.keyboard.press('Enter');
    expect(await klButton.getAttribute('aria-pressed')).toBe('true');
    // Pinned: it stays lit when focus leaves.
    await klButton.evaluate((button) => (button as HTMLElement).blur());
    expect((await lit(figure)).tokens).toEqual(['kl']);
    await klButton.focus();
    await page.keyboard.press('Escape');
    expect(await klButton.getAttribute('aria-pressed')).toBe('false');
    await klButton.evaluate((button) => (button as HTMLElement).blur());
    expect((await lit(figure)).tokens).toEqual([]);
    expect((await termEvents(page)).at(-1)).toEqual({ term: 'kl', active: false });
    expect(await termEvents(page)).toContainEqual({ term: 'kl', active: true });
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('on a touch screen, a tap on a term pins it and a second tap lets go', async () => {
    const { page, figure, consoleErrors, close } = await openBinding(lang, { hasTouch: true, width: 360 });
    const beta = figure.locator('.source-formula [data-term="beta"]');
    await beta.tap();
    expect((await lit(figure)).tokens).toEqual(['beta']);
    expect(await figure.getByRole('button', { name: new RegExp(`^${s.beta}`) }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    // The code box scrolled sideways to show the lit token, which lies past its right edge at 360 px.
    const shown = await figure.evaluate((f) => {
      const token = f.querySelector('pre .source-token.term-active')!;
      const pre = token.closest('pre')!;
      const [a, b] = [token.getBoundingClientRect(), pre.getBoundingClientRect()];
      return { inside: a.left >= b.left && a.right <= b.right, scrolled: pre.scrollLeft > 0 };
    });
    expect(shown).toEqual({ inside: true, scrolled: true });
    await beta.tap();
    expect((await lit(figure)).tokens).toEqual([]);
    expect(await termEvents(page)).toEqual([
      { term: 'beta', active: true },
      { term: 'beta', active: false },
    ]);
    // The page does not scroll sideways at 360 px; the code scrolls inside its box.
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    expect(
      await figure
        .locator('pre')
        .evaluate((pre) => pre.scrollWidth > pre.clientWidth && getComputedStyle(pre).overflowX === 'auto'),
    ).toBe(true);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('fills every <LiveValue> from a vae:metrics event, formatted like the lab, and lights it with its term', async () => {
    const { page, figure, consoleErrors, close } = await openBinding(lang);
    const value = (term: string) => page.locator(`[data-live-term="${term}"]`).first();
    await page.evaluate(() =>
      document.dispatchEvent(
        new CustomEvent('vae:metrics', {
          detail: { step: 120, reconstruction: 123.456, kl: 4.5678, elbo: -128.02, objective: 128.02, beta: 1 },
        }),
      ),
    );
    expect(await value('objective').textContent()).toBe('128.0');
    expect(await value('reconstruction').textContent()).toBe('123.5');
    expect(await value('kl').textContent()).toBe('4.57');
    expect(await value('beta').textContent()).toBe('1');
    await page.evaluate(() =>
      document.dispatchEvent(new CustomEvent('vae:metrics', { detail: { step: 121, kl: 3.25, beta: 4 } })),
    );
    expect(await value('kl').textContent()).toBe('3.25');
    expect(await value('beta').textContent()).toBe('4');
    expect(await value('objective').textContent()).toBe('128.0');
    await figure.locator('.source-formula [data-term="kl"]').hover();
    expect(await value('kl').evaluate((el) => el.classList.contains('term-active'))).toBe(true);
    expect(await value('beta').evaluate((el) => el.classList.contains('term-active'))).toBe(false);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  // One page for both themes: the dark one is the same page switched live, as a reader's system would.
  describe('with a term lit', () => {
    let opened: Awaited<ReturnType<typeof openBinding>> | undefined;
    beforeAll(async () => {
      opened = await openBinding(lang, { colorScheme: 'light' });
      await opened.figure.getByRole('button', { name: new RegExp(`^${s.kl}`) }).click();
      await opened.page.evaluate(() =>
        document.dispatchEvent(
          new CustomEvent('vae:metrics', {
            detail: { step: 1, reconstruction: 200, kl: 12.3, elbo: -212.3, objective: 212.3, beta: 1 },
          }),
        ),
      );
    });
    afterAll(async () => {
      await opened?.close();
    });

    it.each(['light', 'dark'] as const)(
      'has no serious or critical axe violations with a term lit (%s theme)',
      async (colorScheme) => {
        const { page, figure } = opened!;
        if (colorScheme === 'dark') await switchToDarkTheme(page);
        expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(colorScheme);
        expect((await lit(figure)).tokens).toEqual(['kl']);
        expect(await seriousViolations(page, { include: ['figure.formula-binding', '.live-value'] })).toEqual([]);
      },
    );
  });
});
