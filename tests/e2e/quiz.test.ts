/** Chapter 8's quiz in Chromium: grading, feedback, saved progress, corrupt or missing storage, and reading without JS. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasBrowser, siteUrl, useBrowser, useTab } from './harness';
import { seriousViolations } from './axe-helper';
import { PROGRESS_KEY } from '../../src/lib/quiz/progress';

const browser = useBrowser();
// One tab for the visits with JavaScript (see useTab: storage starts empty each time); without it, a context of its own.
const visit = useTab(browser);
const ROOT = 'section[data-widget="quiz"][data-set="final"]';

interface Key {
  kind: 'single' | 'multiple' | 'numeric';
  answer: string[] | number;
}

/** Opens the quiz page with empty storage; `init` runs before any page script (to plant storage values). */
async function openQuiz(lang: string, init?: string, options: { javaScriptEnabled?: boolean } = {}) {
  if (options.javaScriptEnabled !== false) {
    // The tab's record of console errors and page errors, from before the load on.
    const { page, problems, close } = await visit(`${lang}/quiz/`, init ? { init } : {});
    await ready(page);
    return { page, errors: problems.consoleErrors, close };
  }
  const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(`${lang}/quiz/`, siteUrl).href, { waitUntil: 'load' });
  return { page, errors, close: () => context.close() };
}

async function ready(page: Page) {
  await page.locator(ROOT).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${ROOT}[data-state="ready"]`, { timeout: 10_000 });
}

async function keys(page: Page): Promise<[string, Key][]> {
  return page.$$eval(`${ROOT} form[data-question]`, (forms) =>
    forms.map((f) => [(f as HTMLElement).dataset['question']!, JSON.parse((f as HTMLElement).dataset['key']!)]),
  );
}

/** Answers one question: the key's options (or its number), or `wrong` = the first option that is not in the key. */
async function answer(page: Page, id: string, key: Key, wrong = false) {
  const form = page.locator(`${ROOT} form[data-question="${id}"]`);
  if (key.kind === 'numeric')
    await form.locator('input[name="value"]').fill(String(wrong ? (key.answer as number) + 10 : key.answer));
  else {
    const ids = wrong
      ? [
          (await form
            .locator('.quiz-option')
            .evaluateAll(
              (ls, k) => ls.map((l) => (l as HTMLElement).dataset['option']!).find((o) => !k.includes(o)),
              key.answer as string[],
            ))!,
        ]
      : (key.answer as string[]);
    for (const option of ids) await form.locator(`.quiz-option[data-option="${option}"] input`).check();
  }
  await form.locator('[data-quiz="check"]').click();
  await page.waitForSelector(`${ROOT} form[data-question="${id}"][data-verdict="${wrong ? 'incorrect' : 'correct'}"]`);
}

const scoreOf = (page: Page) =>
  page.locator(`${ROOT} [data-quiz="score"]`).evaluate((e) => {
    const { correct, answered, total } = (e as HTMLElement).dataset;
    return { correct, answered, total };
  });

describe.skipIf(!hasBrowser).each(['en', 'zh'])('the final quiz on /%s/quiz/', (lang) => {
  it('answering the ten questions correctly scores 10/10, and the score survives a reload', async () => {
    const { page, errors, close } = await openQuiz(lang);
    const all = await keys(page);
    expect(all).toHaveLength(10);
    for (const [id, key] of all) await answer(page, id, key);
    expect(await scoreOf(page)).toEqual({ correct: '10', answered: '10', total: '10' });
    expect(await page.locator(`${ROOT} [data-quiz="score"]`).textContent()).toMatch(/10/);
    expect(await page.locator(`${ROOT} form[data-verdict="correct"] .quiz-verdict`).first().textContent()).toContain(
      '✓',
    );
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    expect(await scoreOf(page)).toEqual({ correct: '10', answered: '10', total: '10' });
    expect(await page.locator(`${ROOT} form[data-verdict="correct"]`).count()).toBe(10);
    expect(errors).toEqual([]);
    await close();
  });

  it('a wrong answer says so in words, shows its explanation and the section that teaches it; retry clears it', async () => {
    const { page, errors, close } = await openQuiz(lang);
    const [id, key] = (await keys(page)).find(([qid]) => qid === 'final:main-use')!;
    await answer(page, id, key, true);
    const feedback = page.locator(`${ROOT} form[data-question="${id}"] [data-quiz="feedback"]`);
    expect(await feedback.getAttribute('aria-live')).toBe('polite');
    expect(await feedback.locator('.quiz-verdict').textContent()).toContain('✗');
    expect(await feedback.textContent()).toMatch(lang === 'en' ? /never sees labels/ : /从来不看标签/);
    expect(await feedback.locator('a').first().getAttribute('href')).toMatch(new RegExp(`/${lang}/how-to-use/#`));
    expect(
      await page
        .locator(`${ROOT} form[data-question="${id}"] .quiz-option[data-mark="key"] [data-quiz="mark"]`)
        .textContent(),
    ).not.toBe('');
    expect(await scoreOf(page)).toEqual({ correct: '0', answered: '1', total: '10' });
    expect(await seriousViolations(page, ROOT)).toEqual([]);
    await page.locator(`${ROOT} [data-quiz="retry"]`).click();
    expect(await scoreOf(page)).toEqual({ correct: '0', answered: '0', total: '10' });
    expect(errors).toEqual([]);
    await close();
  });
});

describe.skipIf(!hasBrowser)('the quiz with broken or missing storage, and without JavaScript', () => {
  it('resets a corrupt stored value with a notice, keeps working, and saves a valid record', async () => {
    const { page, errors, close } = await openQuiz(
      'en',
      `localStorage.setItem(${JSON.stringify(PROGRESS_KEY)}, '{"version":2,"seed":0,"answers":{"x":')`,
    );
    expect(await page.locator(`${ROOT} [data-quiz="notice"]`).textContent()).toMatch(/could not be read/);
    const [id, key] = (await keys(page))[1]!;
    await answer(page, id, key);
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY))!);
    expect(stored.version).toBe(2);
    expect(stored.answers[id].correct).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('clears an answer saved for an earlier revision of a question (final Q5), keeps the others, and says so', async () => {
    const old = {
      version: 2,
      seed: 0,
      answers: {
        'final:objective-terms': { given: ['exact-posterior'], correct: false },
        'final:parts': { given: ['encoder-decoder'], correct: true },
      },
    };
    const { page, errors, close } = await openQuiz(
      'en',
      `localStorage.setItem(${JSON.stringify(PROGRESS_KEY)}, ${JSON.stringify(JSON.stringify(old))})`,
    );
    expect(await page.locator(`${ROOT} [data-quiz="notice"]`).textContent()).toMatch(/questions have changed/);
    expect(await scoreOf(page)).toEqual({ correct: '1', answered: '1', total: '10' });
    expect(
      await page.locator(`${ROOT} form[data-question="final:objective-terms"]`).getAttribute('data-verdict'),
    ).toBeNull();
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), PROGRESS_KEY))!);
    expect(Object.keys(stored.answers)).toEqual(['final:parts']);
    expect(errors).toEqual([]);
    await close();
  });

  it('works in memory and says so when localStorage throws', async () => {
    const init = `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });`;
    const { page, errors, close } = await openQuiz('zh', init);
    expect(await page.locator(ROOT).getAttribute('data-storage')).toBe('memory');
    expect(await page.locator(`${ROOT} [data-quiz="notice"]`).textContent()).toContain('不允许本页保存');
    const [id, key] = (await keys(page))[0]!;
    await answer(page, id, key);
    expect((await scoreOf(page))['correct']).toBe('1');
    expect(errors).toEqual([]);
    await close();
  });

  it('reads without JavaScript: every question, its options, and its answer and explanation in <details>', async () => {
    const { page, close } = await openQuiz('en', undefined, { javaScriptEnabled: false });
    expect(await page.locator(`${ROOT} fieldset legend`).count()).toBe(10);
    expect(await page.locator(`${ROOT} details.quiz-answer`).count()).toBe(10);
    const details = page.locator(`${ROOT} form[data-question="final:main-use"] details`);
    await details.locator('summary').click();
    expect(await details.textContent()).toMatch(/Answer: Generating new data/);
    expect(await page.locator(`${ROOT} [data-quiz="static-note"]`).isVisible()).toBe(true);
    await close();
  });
});

describe.skipIf(!hasBrowser)('checkpoint questions in the chapters', () => {
  it('grade a numeric answer (decimal comma accepted), link a "predict, then run" item to the preset lab, and count in the overall score', async () => {
    // The tab's record of page errors (and console errors) runs from before the load, across the three pages.
    const { page, problems, close } = await visit('en/two-terms/');
    const errors = problems.consoleErrors;
    const root = page.locator('section[data-widget="quiz"][data-set="two-terms"]');
    await root.scrollIntoViewIfNeeded();
    await page.waitForSelector('section[data-widget="quiz"][data-set="two-terms"][data-state="ready"]');
    const form = root.locator('form[data-question="two-terms:kl-one-dimension"]');
    await form.locator('input[name="value"]').fill('abc');
    await form.locator('[data-quiz="check"]').click();
    expect(await form.locator('[data-quiz="feedback"]').textContent()).toMatch(/Enter a number/);
    await form.locator('input[name="value"]').fill('0,5');
    await form.locator('[data-quiz="check"]').click();
    await page.waitForSelector('form[data-question="two-terms:kl-one-dimension"][data-verdict="correct"]');

    await page.goto(new URL('zh/beta-rate-distortion/', siteUrl).href, { waitUntil: 'load' });
    const href = await page
      .locator('form[data-question="beta-rate-distortion:predict-beta-four"] details a')
      .last()
      .getAttribute('href');
    expect(href).toMatch(/\/zh\/beta-rate-distortion\/\?beta-lab\.beta=4#beta-lab-title$/);

    await page.goto(new URL('en/quiz/', siteUrl).href, { waitUntil: 'load' });
    await ready(page);
    expect(await page.locator(`${ROOT} [data-quiz="by-chapter"] tr[data-set="two-terms"] td`).textContent()).toBe(
      '1 / 3',
    );
    expect(await page.locator(`${ROOT} [data-quiz="overall"]`).textContent()).toMatch(
      /^All quizzes together: 1 of \d+ \(1 answered\)$/,
    );
    expect(errors).toEqual([]);
    await close();
  });
});
