/**
 * A new version published while a reader has the book open: its service worker takes over at once and the page says
 * "reload". The first visit's worker taking control must not say it.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../../scripts/lib/serve-site.mjs';
import { SITE_DIR, TEST_BASE } from '../helpers/site';
import { hasBrowser, recordProblems, useBrowser } from './harness';

const browser = useBrowser();
// A copy of the site on a server of its own that reads files afresh, so the test can publish a new sw.js at the same
// origin (Playwright does not route a service worker's own script).
const copy = mkdtempSync(join(tmpdir(), 'vae-book-update-'));
let server: Awaited<ReturnType<typeof serveSite>> | undefined;
beforeAll(async () => {
  cpSync(SITE_DIR, copy, { recursive: true });
  server = await serveSite(copy, TEST_BASE, { fresh: true });
});
afterAll(async () => {
  await server?.close();
  rmSync(copy, { recursive: true, force: true });
});

describe.skipIf(!hasBrowser)('the "new version" note', () => {
  it.each([
    ['en', 'A new version of the book has been published', 'Reload'],
    ['zh', '本书已发布新版本', '刷新'],
  ] as const)(
    '%s: appears when a changed service worker takes over, not on the first visit; its button reloads',
    async (lang, text, button) => {
      const context = await browser().newContext({ serviceWorkers: 'allow', viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const problems = recordProblems(page);
      await page.goto(`${server!.url}${lang}/generative-model/`, { waitUntil: 'load' });
      await page.locator('[data-offline-note]').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      expect(await page.locator('[data-update-note]').count()).toBe(0);

      // The next deploy: the same site with a service worker that differs by one line.
      appendFileSync(join(copy, 'sw.js'), `\n// the next version (${lang})\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const note = page.locator('[data-update-note]');
      await note.waitFor({ timeout: 60_000 });
      expect(await note.textContent()).toContain(text);
      const box = (await note.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      await page.screenshot({ path: `.cache/update-note-${lang}.png` });

      await Promise.all([page.waitForEvent('load'), note.getByRole('button', { name: button }).click()]);
      expect(await page.locator('[data-update-note]').count()).toBe(0);
      expect(problems.consoleErrors).toEqual([]);
      await context.close();
    },
  );
});
