/** Renders the app icons in public/icons/ (192 and 512 px, and a 512 px maskable one) from public/favicon.svg. Run by hand. */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('public/favicon.svg', 'utf8');
const BRAND = '#8a3b12';
// A maskable icon may be cropped to a circle of 80% of its width, so the mark sits at 70% on a full-bleed background.
const ICONS = [
  { file: 'icon-192.png', size: 192, scale: 1, background: 'transparent' },
  { file: 'icon-512.png', size: 512, scale: 1, background: 'transparent' },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.7, background: BRAND },
];

mkdirSync('public/icons', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const { file, size, scale, background } of ICONS) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const side = Math.round(size * scale);
  await page.setContent(`<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${background}">
    <div style="width:${side}px;height:${side}px">${svg.replace('<svg ', `<svg width="${side}" height="${side}" `)}</div></body></html>`);
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: background === 'transparent' });
  await page.close();
  console.log(`wrote public/icons/${file} (${size}×${size})`);
}
await browser.close();
