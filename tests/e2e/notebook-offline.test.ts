/** After one visit, cells run offline: the service worker keeps the editor, the sandbox worker, tfjs and the data. */
import { describe, expect, it } from 'vitest';
import { hasBrowser, recordProblems, siteUrl, useBrowser } from './harness';
import { numbersIn, runCell } from './notebook-page';

const browser = useBrowser();

describe.skipIf(!hasBrowser)('notebook cells offline', () => {
  it('run in chapter 4 with the network cut, the pretrained model and MNIST included', async () => {
    const context = await browser().newContext({ serviceWorkers: 'allow', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(siteUrl, { waitUntil: 'load' });
    await page.locator('[data-offline-note]').waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    const response = await page.goto(new URL('en/two-terms/', siteUrl).href, { waitUntil: 'load' });
    expect(response?.fromServiceWorker()).toBe(true);
    expect(await runCell(page, 'kl-closed-form')).toBe('done');
    expect((await numbersIn(page, 'kl-closed-form'))[0]).toBeCloseTo(0.5 * (1 + 0.25 - 1 - Math.log(0.25)), 5);
    expect(await runCell(page, 'reconstruction-term')).toBe('done');
    expect((await numbersIn(page, 'reconstruction-term'))[0]).toBeGreaterThan(0);
    expect(problems.foreignRequests).toEqual([]);
    await context.close();
  }, 240_000);
});
