/** Opens the built site's /bench/ page in headless Chromium once per backend and collects its results. */
import { serveSite } from './serve-site.mjs';
import { chromium } from 'playwright-core';

const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Serves `siteDir` at the root and runs /bench/?backend=… for every backend; returns results, skipped and notes. */
export async function benchInBrowser(
  siteDir,
  { timedSteps = 20, executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } = {},
) {
  const server = await serveSite(siteDir, '/');
  const origin = server.origin;
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--enable-unsafe-swiftshader',
      '--enable-unsafe-webgpu',
      '--ignore-gpu-blocklist',
    ],
  });
  const results = [];
  const skipped = [];
  const notes = [];
  try {
    for (const backend of BACKENDS) {
      const page = await browser.newPage({ serviceWorkers: 'block' });
      page.on('pageerror', (e) => notes.push(`${backend}: page error ${e.message}`));
      await page.goto(`${origin}/bench/?backend=${backend}&softwareWebGL=1&steps=${timedSteps}&auto=1`);
      const outcome = await page
        .waitForFunction(() => window.__benchOutcome, null, { timeout: 300_000 })
        .then((h) => h.jsonValue());
      if (outcome.result) results.push({ ...outcome.result, backend: `chromium-${outcome.result.backend}` });
      else skipped.push(`chromium-${backend}: ${outcome.reason}`);
      if (outcome.longestTaskMs !== undefined)
        notes.push(
          `chromium-${backend}: longest main-thread task ${outcome.longestTaskMs.toFixed(0)} ms (bench runs on the main thread)`,
        );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { results, skipped, notes };
}
