/** Screenshots built pages at 360 px and 1280 px, light and dark, into .cache/screenshots/ for a human to look at. */
// Usage: node scripts/screenshots.mjs [siteDir] [base] [page …]   (defaults: .cache/site-test, /vae-book/, a few pages)
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveSite } from './lib/serve-site.mjs';
import { chromium } from 'playwright-core';

const [siteDir = '.cache/site-test', base = '/vae-book/', ...pages] = process.argv.slice(2);
const targets = pages.length ? pages : ['', 'en/', 'zh/', 'en/generative-model/', 'zh/generative-model/'];
const outDir = resolve('.cache/screenshots');
mkdirSync(outDir, { recursive: true });

const server = await serveSite(resolve(siteDir), base);
const origin = server.url;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--enable-unsafe-swiftshader'],
});
for (const path of targets) {
  for (const [width, height] of [
    [360, 780],
    [1280, 900],
  ]) {
    for (const colorScheme of ['light', 'dark']) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme,
        deviceScaleFactor: 1,
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      const name = `${(path || 'landing').replace(/\/$/, '').replace(/\//g, '_')}-${width}-${colorScheme}.png`;
      await page.screenshot({ path: join(outDir, name), fullPage: process.env.FULL === '1' });
      console.log(join(outDir, name));
      await context.close();
    }
  }
}
await browser.close();
await server.close();
