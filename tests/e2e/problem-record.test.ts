/** The e2e suite's problem record (harness.ts): an aborted request counts only while its page is still the one shown. */
import { describe, expect, it } from 'vitest';
import { hasBrowser, openPage, recordProblems, siteUrl, useBrowser } from './harness';

const browser = useBrowser();
const NEVER_ANSWERED = '**/never-answered';

describe.skipIf(!hasBrowser)('recordProblems(page)', () => {
  it('counts a request of the page on show that is aborted', async () => {
    const { page, problems, close } = await openPage(browser(), 'en/');
    await page.route(NEVER_ANSWERED, (route) => route.abort('aborted'));
    const failed = page.waitForEvent('requestfailed');
    await page.evaluate(() => void fetch('/vae-book/never-answered').catch(() => undefined));
    expect((await failed).failure()?.errorText).toBe('net::ERR_ABORTED');
    expect(problems.failedRequests).toEqual([expect.stringContaining('/never-answered (net::ERR_ABORTED)')]);
    await close();
  });

  it('does not count a request made before the record began and cut short by the next navigation', async () => {
    // As useTab's 404 page does: the browser asks for its favicon after load, and the next visit's navigation aborts it.
    const { page, close } = await openPage(browser(), 'en/');
    await page.route(NEVER_ANSWERED, () => undefined);
    const started = page.waitForEvent('request', (request) => request.url().endsWith('/never-answered'));
    await page.evaluate(() => void fetch('/vae-book/never-answered').catch(() => undefined));
    await started;
    const problems = recordProblems(page);
    const failed = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/never-answered'));
    await page.goto(new URL('zh/', siteUrl).href, { waitUntil: 'load' });
    expect((await failed).failure()?.errorText).toBe('net::ERR_ABORTED');
    expect(problems.failedRequests).toEqual([]);
    await close();
  });
});
