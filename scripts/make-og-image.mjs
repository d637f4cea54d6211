/** Renders public/og-image.png (1200×630), the social preview card, from HTML in headless Chromium. Run by hand. */
import { chromium } from 'playwright-core';

const html = `<!doctype html><html><body style="margin:0;width:1200px;height:630px;display:flex;flex-direction:column;justify-content:center;
  padding:0 90px;box-sizing:border-box;background:#fbfaf7;color:#1d1f24;font-family:'Noto Serif CJK SC',Georgia,serif">
  <div style="font:700 76px 'Noto Sans CJK SC',system-ui,sans-serif;color:#8a3b12">VAE, read and run</div>
  <div style="font:700 60px 'Noto Sans CJK SC',sans-serif;margin-top:10px">VAE，边读边跑</div>
  <div style="font-size:34px;margin-top:40px;line-height:1.4">log p(x) = KL(q(z|x) ‖ p(z|x)) + ELBO<br>
  Derive it line by line, then train a real VAE in your browser.</div></body></html>`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: 'public/og-image.png' });
await browser.close();
console.log('wrote public/og-image.png');
